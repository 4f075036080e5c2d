"""Agents on loopback for the connector tests: a real uvicorn server with scripted behaviours.

Every request is recorded (method, path, query, headers, body) so tests can assert exactly
what an agent received. Routes:

- ``POST /chat``: echo in OpenAI chat-completions shape ("echo: <last user message>");
- ``GET /ask?q=``: ``{"answer": "echo: <q>"}``;
- ``POST /flaky/{n}``: 503 for the first ``n`` requests, then the echo;
- ``POST /status/{code}``: always that status;
- ``POST /busy?after=V``: 429 with ``Retry-After: V`` once, then the echo;
- ``POST /slow``: holds the request until the agent stops;
- ``POST /stream?style=openai|path|plain|hang``: an SSE reply ("hang" keeps the stream open
  after ``[DONE]``);
- ``POST /session?prefix=P``: a session id (``P<n>``, default ``s-<n>``) in the response,
  which the next turn must send back as ``session_id`` in the body or ``sid`` in the query;
- ``POST /mirror``: echoes the request's headers and query string in its body;
- ``POST /shape?kind=...``: a reply of a chosen JSON shape, or not JSON;
- ``POST /redirect?to=URL&status=307``: a redirect (``to=self``: to the same URL);
- ``POST /cookie``: sets a cookie, and says whether the request carried it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Received:
    """One request as the agent saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


def completion(text: str) -> dict[str, Any]:
    """An OpenAI chat-completions response carrying ``text``."""
    return {"id": "chatcmpl-1", "object": "chat.completion", "model": "echo-1",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}]}


def _message(body: dict[str, Any]) -> str:
    if "messages" in body:
        return str(body["messages"][-1]["content"])
    return str(body.get("input", ""))


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the test runner keeps its own handlers
        yield


@dataclass
class Agent:
    """A scripted agent served on ``host`` at a free port."""

    host: str = "127.0.0.1"
    received: list[Received] = field(default_factory=list)
    port: int = 0
    counters: dict[str, int] = field(default_factory=dict)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    scheme: str = "http"

    def url(self, path: str, host: str | None = None) -> str:
        name = host or self.host
        name = f"[{name}]" if ":" in name else name
        return f"{self.scheme}://{name}:{self.port}{path}"

    def app(self) -> Starlette:
        routes = {"/chat": self.chat, "/flaky/{n:int}": self.flaky,
                  "/status/{code:int}": self.status, "/busy": self.busy, "/slow": self.slow,
                  "/stream": self.stream, "/session": self.session, "/mirror": self.mirror,
                  "/shape": self.shape, "/redirect": self.redirect, "/cookie": self.cookie}
        return Starlette(routes=[
            Route(path, self._recorded(handler), methods=["POST"])
            for path, handler in routes.items()
        ] + [Route("/ask", self._recorded(self.ask), methods=["GET"])])

    def _recorded(self, handler: Handler) -> Handler:
        async def endpoint(request: Request) -> Response:
            body = (await request.body()).decode()
            self.received.append(Received(request.method, request.url.path,
                                          dict(request.query_params),
                                          dict(request.headers), body))
            return await handler(request)
        return endpoint

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    async def chat(self, request: Request) -> Response:
        return JSONResponse(completion(f"echo: {_message(await request.json())}"))

    async def ask(self, request: Request) -> Response:
        return JSONResponse({"answer": f"echo: {request.query_params.get('q', '')}"})

    async def flaky(self, request: Request) -> Response:
        if self._count(request.url.path) <= request.path_params["n"]:
            return JSONResponse({"error": "overloaded"}, status_code=503)
        return await self.chat(request)

    async def status(self, request: Request) -> Response:
        code = request.path_params["code"]
        return JSONResponse({"error": f"status {code}"}, status_code=code)

    async def busy(self, request: Request) -> Response:
        if self._count("busy") == 1:
            return JSONResponse({"error": "slow down"}, status_code=429,
                                headers={"Retry-After": request.query_params["after"]})
        return await self.chat(request)

    async def slow(self, request: Request) -> Response:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.release.wait(), 10)
        return await self.chat(request)

    async def stream(self, request: Request) -> Response:
        words = f"echo: {_message(await request.json())}".split(" ")
        chunks = [f"{word} " if i < len(words) - 1 else word for i, word in enumerate(words)]
        style = request.query_params.get("style", "openai")
        return StreamingResponse(self._events(chunks, style), media_type="text/event-stream")

    async def _events(self, chunks: list[str], style: str) -> AsyncIterator[str]:
        yield ": a comment line\n\n"
        if style in ("openai", "hang"):
            yield _data({"choices": [{"index": 0, "delta": {"role": "assistant"}}]})
        for chunk in chunks:
            await asyncio.sleep(0.01)
            if style == "plain":
                yield f"data: {chunk}\n\n"
            elif style == "path":
                yield _data({"output": {"text": chunk}, "session": "s-stream"})
            else:
                yield _data({"choices": [{"index": 0, "delta": {"content": chunk}}]})
        if style in ("openai", "hang"):
            yield _data({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        yield "data: [DONE]\n\n"
        if style == "hang":
            await asyncio.wait_for(self.release.wait(), 10)

    async def session(self, request: Request) -> Response:
        body, query = await request.json(), request.query_params
        given = body.get("session_id") or query.get("sid")
        session = given or f"{query.get('prefix', 's-')}{self._count('sessions')}"
        turn = self._count(f"turns:{session}")
        return JSONResponse({"session": {"id": session},
                             "reply": f"turn {turn} of {session}: {body['input']}"})

    async def mirror(self, request: Request) -> Response:
        return JSONResponse({"reply": "mirrored", "headers": dict(request.headers),
                             "query": request.url.query},
                            headers={"X-Seen-Key": request.headers.get("x-api-key", "")})

    async def shape(self, request: Request) -> Response:
        kind = request.query_params["kind"]
        if kind == "text":
            return PlainTextResponse("just words")
        values: dict[str, Any] = {"number": 42, "float": 2.5, "true": True, "null": None,
                                  "object": {"text": "hi"}, "list": ["a", "b"],
                                  "big": "x" * 100_000}
        return JSONResponse({"reply": values[kind]})

    async def redirect(self, request: Request) -> Response:
        status = int(request.query_params.get("status", "307"))
        target = request.query_params["to"]
        location = str(request.url) if target == "self" else target
        return Response(status_code=status, headers={"Location": location})

    async def cookie(self, request: Request) -> Response:
        seen = request.cookies.get("visit", "none")
        response = JSONResponse({"reply": f"cookie {seen}"})
        response.set_cookie("visit", f"v{self._count('cookie')}")
        return response


def _data(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload)}\n\n"


@contextlib.asynccontextmanager
async def serving(host: str = "127.0.0.1", *,
                  tls: tuple[Path, Path] | None = None) -> AsyncIterator[Agent]:
    """An agent listening on ``host`` (an IPv4 or IPv6 address), with TLS when given
    ``(certfile, keyfile)``; stopped when the block ends."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    agent = Agent(host=host, port=sock.getsockname()[1], scheme="https" if tls else "http")
    config = uvicorn.Config(agent.app(), log_level="warning", lifespan="off", ws="none",
                            timeout_graceful_shutdown=2,
                            ssl_certfile=tls and str(tls[0]), ssl_keyfile=tls and str(tls[1]))
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield agent
    finally:
        agent.release.set()
        server.should_exit = True
        await task
        sock.close()


def make_certificate(directory: Path, name: str = "localhost") -> tuple[Path, Path, Path]:
    """A test CA and a server certificate for ``name`` signed by it: (cert, key, CA cert)."""
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Assay test CA")])
    ca = _certificate(ca_name, ca_name, ca_key, ca_key.public_key(), ca=True)
    leaf = _certificate(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]), ca_name,
                        ca_key, key.public_key(), ca=False, dns=name)
    paths = directory / "server.pem", directory / "server.key", directory / "ca.pem"
    paths[0].write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    paths[2].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return paths


def _certificate(subject: x509.Name, issuer: x509.Name, signer: ec.EllipticCurvePrivateKey,
                 public_key: ec.EllipticCurvePublicKey, *, ca: bool,
                 dns: str | None = None) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
               .public_key(public_key).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                          content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, encipher_only=False,
                          decipher_only=False), critical=True)
        builder = builder.add_extension(
            x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(dns or "localhost")]), critical=False)
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
            critical=False)
    return builder.sign(signer, hashes.SHA256())
