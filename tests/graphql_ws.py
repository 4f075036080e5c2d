"""GraphQL over a real websocket: the application served by uvicorn on a loopback port in the
test's event loop, and a graphql-transport-ws client built on the `websockets` package.

The server shares the test session's database and job queue (it runs without a lifespan,
like the ``gql`` fixture's in-process application), so burst workers and direct service
calls in the test are seen by its subscriptions exactly as a separate worker's would be.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.types import ASGIApp
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin, Subprotocol

from tests.support import Caller, GraphQLClient

PROTOCOL = "graphql-transport-ws"
#: Seconds to wait for one message before the test fails (a guard, not a measurement).
RECEIVE_SECONDS = 15.0


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the test runner keeps its own handlers
        yield


@asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[str]:
    """Serve ``app`` on 127.0.0.1 until the block ends; yields ``host:port``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="off",
                            timeout_graceful_shutdown=2)
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        sock.close()


@dataclass
class Closed:
    """How the server closed the socket."""

    code: int | None
    reason: str


def split_caller(caller: Caller) -> tuple[dict[str, str], dict[str, str]]:
    """A caller's credentials as a browser sends them over a websocket: the cookie in the
    handshake, the API key and the organization in the connection_init payload."""
    handshake = {k: v for k, v in caller.headers.items() if k.lower() == "cookie"}
    payload = {k.lower(): v for k, v in caller.headers.items() if k.lower() != "cookie"}
    return handshake, payload


class GraphQLSocket:
    """One graphql-transport-ws connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.closed: Closed | None = None

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def receive(self) -> dict[str, Any]:
        """The next message; raises ConnectionClosed (recorded in ``closed``) at the end."""
        try:
            async with asyncio.timeout(RECEIVE_SECONDS):
                raw = await self.connection.recv()
        except ConnectionClosed as closed:
            received = closed.rcvd
            self.closed = Closed(received.code if received else None,
                                 received.reason if received else "")
            raise
        message: dict[str, Any] = json.loads(raw)
        return message

    async def wait_closed(self) -> Closed:
        """Read until the server closes the socket; how it closed it."""
        with contextlib.suppress(ConnectionClosed):
            while True:
                await self.receive()
        assert self.closed is not None
        return self.closed

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, operation_id: str, query: str,
                        variables: dict[str, Any] | None = None) -> None:
        await self.send({"id": operation_id, "type": "subscribe",
                         "payload": {"query": query, "variables": variables or {}}})

    async def complete(self, operation_id: str) -> None:
        await self.send({"id": operation_id, "type": "complete"})

    async def until_done(self, operation_id: str) -> list[dict[str, Any]]:
        """This operation's messages up to its ``complete`` or ``error`` (included)."""
        messages = []
        while True:
            message = await self.receive()
            if message.get("id") != operation_id:
                continue
            messages.append(message)
            if message["type"] in ("complete", "error"):
                return messages

    async def next_of(self, operation_id: str) -> dict[str, Any]:
        """The next message of this operation."""
        while True:
            message = await self.receive()
            if message.get("id") == operation_id:
                return message


@asynccontextmanager
async def opened(address: str, *, headers: dict[str, str] | None = None,
                 origin: str | None = None, protocols: list[str] | None = None,
                 ) -> AsyncIterator[GraphQLSocket]:
    """A websocket to ``ws://address/graphql`` offering ``protocols`` (graphql-transport-ws)."""
    offered = [Subprotocol(p) for p in ([PROTOCOL] if protocols is None else protocols)]
    async with connect(f"ws://{address}/graphql", subprotocols=offered or None,
                       additional_headers=headers or {},
                       origin=Origin(origin) if origin else None, proxy=None,
                       open_timeout=RECEIVE_SECONDS) as connection:
        yield GraphQLSocket(connection)


@asynccontextmanager
async def signed_in(address: str, caller: Caller, *, origin: str | None = None
                    ) -> AsyncIterator[GraphQLSocket]:
    """A connection acknowledged for ``caller`` (cookie in the handshake, the rest in
    connection_init)."""
    handshake, payload = split_caller(caller)
    async with opened(address, headers=handshake, origin=origin) as ws:
        ack = await ws.init(payload)
        assert ack == {"type": "connection_ack"}, ack
        yield ws


async def first_answer(address: str, query: str, variables: dict[str, Any],
                       caller: Caller) -> dict[str, Any]:
    """The first answer to a subscription, shaped like an HTTP GraphQL response body.

    ``next`` gives its payload; ``error`` gives ``{"data": None, "errors": [...]}``; a socket
    the server closed gives ``{"data": None, "errors": [], "_close": (code, reason)}``.
    """
    handshake, payload = split_caller(caller)
    async with opened(address, headers=handshake) as ws:
        try:
            await ws.init(payload)
            await ws.subscribe("1", query, variables)
            message = await ws.next_of("1")
        except ConnectionClosed:
            assert ws.closed is not None
            return {"data": None, "errors": [], "_close": (ws.closed.code, ws.closed.reason)}
        if message["type"] == "next":
            body: dict[str, Any] = dict(message["payload"])
            await ws.complete("1")
            return body
        return {"data": None, "errors": message.get("payload") or []}


async def send(gql: GraphQLClient, address: str, operation: str, query: str,
               variables: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """A call as a client makes it: queries and mutations over HTTP (``gql``), subscriptions
    over the websocket at ``address`` (their first answer, see :func:`first_answer`)."""
    if operation == "subscription":
        return await first_answer(address, query, variables, caller)
    return await gql.post(query, variables, caller)
