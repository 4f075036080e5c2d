"""A webhook receiver on loopback: a real uvicorn server that records every request.

``POST`` to any path is recorded (path, headers, the raw body bytes, when) and answered
from a script: answers given to :meth:`Receiver.enqueue` first, in order, then 200
``{"ok": true}``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.loopback_server import LoopbackServer


@dataclass(frozen=True)
class Answer:
    """One scripted answer."""

    status: int = 200
    body: str = '{"ok": true}'
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering.
    delay: float = 0.0


@dataclass(frozen=True)
class Seen:
    """One request as the receiver got it."""

    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    at: float

    def header(self, name: str) -> str:
        return self.headers[name.lower()]


class Receiver(LoopbackServer):
    """The server; an async context manager listening on 127.0.0.1 at a free port."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Seen] = []
        self._answers: deque[Answer] = deque()

    def url(self, path: str = "/hooks/assay") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])])

    def enqueue(self, *answers: Answer) -> None:
        self._answers.extend(answers)

    async def _receive(self, request: Request) -> Response:
        body = await request.body()
        self.requests.append(Seen(request.url.path, request.url.query, dict(request.headers),
                                  body, time.time()))
        answer = self._answers.popleft() if self._answers else Answer()
        await asyncio.sleep(answer.delay)
        return Response(answer.body, status_code=answer.status, headers=answer.headers,
                        media_type="application/json")


def as_json(seen: Seen) -> Any:
    return json.loads(seen.body)
