"""A chat web app for the browser connector's tests, served by uvicorn on loopback.

Pages: ``/login`` (username/password form, session cookie), ``/chat`` and ``/secure/chat``
(the latter needs the login). The chat page has an input, a send button and a typing
indicator; the agent's answers stream in several chunks. Query parameters of the chat
page: ``mode=silent`` (the answer never comes), ``mode=nosend`` (no send button),
``mode=split`` (each answer is followed by a second bubble, "Anything else?"),
``pixel=URL`` (an image loaded from URL). ``/redirect?to=URL`` redirects.
"""

from __future__ import annotations

import asyncio
import html
import json
import secrets
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

USERNAME = "ada"
PASSWORD = "correct horse battery staple"
SESSION = "session"
CHAT = "chat"

LOGIN_PAGE = """<!doctype html>
<html><head><title>Sign in</title></head><body>
<h1>Sign in</h1>{error}
<form method="post" action="/login" id="login-form">
  <label>Username <input id="username" name="username"></label>
  <label>Password <input id="password" name="password" type="password"></label>
  <button id="login" type="submit">Sign in</button>
</form>
<script>
console.log("login page ready");
document.getElementById("login-form").addEventListener("submit", () => {{
  // A careless app: it logs the password (the connector must keep it out of its log).
  const user = document.getElementById("username").value;
  const pass = document.getElementById("password").value;
  console.log("signing in as " + user + " with " + pass);
}});
</script>
</body></html>"""

CHAT_PAGE = """<!doctype html>
<html><head><title>Support chat</title></head><body>
<h1>Support chat</h1>
<div id="log"></div>
<div id="typing" hidden>The agent is typing...</div>
<div id="composer"><input id="message" autocomplete="off">{button}</div>
{pixel}
<script>
const MODE = {mode};
const log = document.getElementById("log");
const input = document.getElementById("message");
const typing = document.getElementById("typing");
console.log("chat page ready");

function bubble(kind, text) {{
  const div = document.createElement("div");
  div.className = kind;
  div.textContent = text;
  log.append(div);
  return div;
}}

async function send() {{
  const text = input.value;
  input.value = "";
  bubble("user", text);
  typing.hidden = false;
  if (MODE === "silent") {{
    console.error("the agent is not answering");
    return;
  }}
  const response = await fetch("/api/chat", {{
    method: "POST", headers: {{"content-type": "application/json"}},
    body: JSON.stringify({{message: text}}),
  }});
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let answer = null;
  for (;;) {{
    const {{done, value}} = await reader.read();
    if (done) break;
    if (answer === null) {{
      typing.hidden = true;
      answer = bubble("answer", "");
    }}
    answer.textContent += decoder.decode(value, {{stream: true}});
  }}
  if (MODE === "split") {{
    await new Promise((resolve) => setTimeout(resolve, 100));
    bubble("answer", "Anything else?");
  }}
}}

document.getElementById("send")?.addEventListener("click", send);
input.addEventListener("keydown", (event) => {{ if (event.key === "Enter") send(); }});
</script>
</body></html>"""


def reply_to(history: list[str]) -> str:
    """The agent's answer to the last message; it remembers the earlier ones."""
    text = f'Answer {len(history)}: you said "{history[-1]}".'
    if len(history) > 1:
        text += " Earlier you said: " + ", ".join(f'"{m}"' for m in history[:-1]) + "."
    return text


def chunks(text: str, parts: int = 3) -> list[str]:
    """``text`` cut into ``parts`` pieces at spaces (each but the last keeps its space)."""
    words = text.split(" ")
    size = -(-len(words) // parts)
    pieces = [" ".join(words[i:i + size]) for i in range(0, len(words), size)]
    return [piece + " " for piece in pieces[:-1]] + pieces[-1:]


@dataclass
class ChatAgent:
    """The app's state, for tests to inspect: who logged in, what each chat said."""

    password: str = PASSWORD
    think_seconds: float = 0.15
    chunk_gap_seconds: float = 0.12
    #: "METHOD /path" of every request the app received, in order.
    requests: list[str] = field(default_factory=list)
    #: chat cookie -> the user's messages in that chat.
    chats: dict[str, list[str]] = field(default_factory=dict)
    logins: list[str] = field(default_factory=list)
    sessions: set[str] = field(default_factory=set)

    def reset(self) -> None:
        """Forget every request, chat and login (between tests sharing one server)."""
        self.requests.clear()
        self.chats.clear()
        self.logins.clear()
        self.sessions.clear()

    def app(self) -> ASGIApp:
        routes = [
            Route("/login", self.login_page, methods=["GET"]),
            Route("/login", self.login, methods=["POST"]),
            Route("/chat", self.chat_page),
            Route("/secure/chat", self.secure_chat_page),
            Route("/api/chat", self.answer, methods=["POST"]),
            Route("/redirect", self.redirect),
            Route("/{rest:path}", self.anything),
        ]
        return self._recording(Starlette(routes=routes))

    def _recording(self, app: ASGIApp) -> ASGIApp:
        async def recorded(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                self.requests.append(f"{scope['method']} {scope['path']}")
            await app(scope, receive, send)

        return recorded

    async def login_page(self, request: Request) -> Response:
        return HTMLResponse(LOGIN_PAGE.format(error=""))

    async def login(self, request: Request) -> Response:
        form = parse_qs((await request.body()).decode())
        username = form.get("username", [""])[0]
        if username != USERNAME or form.get("password", [""])[0] != self.password:
            error = '<p id="error">Wrong username or password.</p>'
            return HTMLResponse(LOGIN_PAGE.format(error=error))
        token = secrets.token_hex(16)
        self.sessions.add(token)
        self.logins.append(username)
        response = RedirectResponse("/secure/chat", status_code=303)
        response.set_cookie(SESSION, token, httponly=True)
        return response

    async def chat_page(self, request: Request) -> Response:
        mode = request.query_params.get("mode", "normal")
        button = "" if mode == "nosend" else '<button id="send">Send</button>'
        pixel = request.query_params.get("pixel")
        image = f'<img id="pixel" src="{html.escape(pixel)}" alt="">' if pixel else ""
        page = CHAT_PAGE.format(mode=json.dumps(mode), button=button, pixel=image)
        response = HTMLResponse(page)
        if CHAT not in request.cookies:
            response.set_cookie(CHAT, secrets.token_hex(8), httponly=True)
        return response

    async def secure_chat_page(self, request: Request) -> Response:
        if request.cookies.get(SESSION) not in self.sessions:
            return RedirectResponse("/login", status_code=303)
        return await self.chat_page(request)

    async def answer(self, request: Request) -> Response:
        chat = request.cookies.get(CHAT, "")
        history = self.chats.setdefault(chat, [])
        history.append(str((await request.json())["message"]))
        return StreamingResponse(self._stream(reply_to(history)), media_type="text/plain")

    async def _stream(self, text: str) -> AsyncIterator[str]:
        await asyncio.sleep(self.think_seconds)
        for number, piece in enumerate(chunks(text)):
            if number:
                await asyncio.sleep(self.chunk_gap_seconds)
            yield piece

    async def redirect(self, request: Request) -> Response:
        return RedirectResponse(request.query_params["to"], status_code=302)

    async def anything(self, request: Request) -> Response:
        return Response("not here", status_code=404)


@contextmanager
def served(app: ASGIApp, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``app`` on ``host`` and a free port in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", ws="none",
                            timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the test chat app did not start on {host}:{port}")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
