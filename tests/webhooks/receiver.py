"""A webhook receiver on loopback: a real uvicorn server that records every request.

``POST`` to any path is recorded (path, headers, the raw body bytes, when) and answered
from a script: answers given to :meth:`Receiver.enqueue` first, in order, then 200
``{"ok": true}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


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


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the test runner keeps its own handlers
        yield


class Receiver:
    """The server; an async context manager listening on 127.0.0.1 at a free port."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.port = 0
        self._answers: deque[Answer] = deque()
        self._server: _Server | None = None
        self._task: asyncio.Task[None] | None = None
        self._socket: socket.socket | None = None

    def url(self, path: str = "/hooks/assay") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

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

    async def __aenter__(self) -> Receiver:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        app = Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])])
        config = uvicorn.Config(app, log_level="warning", lifespan="off", ws="none",
                                timeout_graceful_shutdown=1)
        self._server = _Server(config)
        self._socket = sock
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                await self._task
            await asyncio.sleep(0.005)
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
        if self._socket is not None:
            self._socket.close()


def as_json(seen: Seen) -> Any:
    return json.loads(seen.body)
