"""The demo agent: the travel assistant served on loopback, as an API and as a web chat page.

``POST /api/chat`` takes OpenAI-style ``{"messages": [...]}`` and answers in the
chat-completions shape; ``GET /`` is a small chat page that calls the same endpoint. The API
wants ``Authorization: Bearer <TOKEN>`` (so the demo's HTTP connection shows a sealed
credential at work); the page's own requests are let in by the cookie the page sets.
It needs no network and nothing beyond the package: Starlette and uvicorn, in a thread.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from json import JSONDecodeError
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from assay.demo.assistant import answer

#: The bearer token the API accepts (a demo value, not a secret of anyone's).
TOKEN = "demo-token-not-a-real-secret"
COOKIE = "demo_chat"
MODEL = "travel-assistant-1"
#: The most messages one request may carry.
MAX_MESSAGES = 200


def completion(text: str) -> dict[str, Any]:
    """An OpenAI chat-completions response carrying ``text``."""
    return {"id": f"chatcmpl-{secrets.token_hex(6)}", "object": "chat.completion",
            "model": MODEL, "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": text}}]}


def _problem(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"message": message}}, status_code=status)


def _messages(body: Any) -> list[dict[str, Any]] | None:
    """The body's messages when they are well formed, else None."""
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
        return None
    messages: list[dict[str, Any]] = body["messages"]
    if len(messages) > MAX_MESSAGES or not all(
            isinstance(m, dict) and isinstance(m.get("content"), str) for m in messages):
        return None
    return messages


class DemoAgent:
    """The ASGI app; ``page_key`` is the cookie value that lets the chat page in."""

    def __init__(self) -> None:
        self.page_key = secrets.token_urlsafe(16)
        self.page = resources.files("assay.demo").joinpath("chat.html").read_text()

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/", self.chat_page, methods=["GET"]),
            Route("/api/chat", self.chat, methods=["POST"]),
        ])

    async def chat_page(self, request: Request) -> Response:
        response = HTMLResponse(self.page)
        response.set_cookie(COOKIE, self.page_key, httponly=True, samesite="strict")
        return response

    def _allowed(self, request: Request) -> bool:
        bearer = request.headers.get("authorization", "")
        if secrets.compare_digest(bearer.encode(), f"Bearer {TOKEN}".encode()):
            return True
        return secrets.compare_digest(request.cookies.get(COOKIE, "").encode(),
                                      self.page_key.encode())

    async def chat(self, request: Request) -> Response:
        if not self._allowed(request):
            return _problem(401, f"send the header 'Authorization: Bearer {TOKEN}'")
        try:
            messages = _messages(await request.json())
        except (JSONDecodeError, UnicodeDecodeError):
            messages = None
        if messages is None:
            return _problem(400, 'send JSON {"messages": [{"role": "user", "content": "..."}]}')
        return JSONResponse(completion(answer(messages)))


@contextmanager
def serving(host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the demo agent on ``host``:``port`` (0: a free port) in a background thread;
    yields its base URL and stops it when the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    config = uvicorn.Config(DemoAgent().app(), log_level="warning", lifespan="off",
                            ws="none", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name="assay-demo-agent", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            sock.close()
            raise RuntimeError(f"the demo agent did not start on {host}:{bound}")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
