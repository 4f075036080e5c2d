"""A minimal agent for the run benchmarks: raw asyncio HTTP/1.1 on loopback, its own process.

``POST /chat`` answers OpenAI chat-completions JSON, "echo: <last user message>", after
``delay`` seconds (0: at once). Keep-alive is honoured, so a pooled client reuses its
connections. ``GET /stats`` reports the requests answered and the most in flight at once;
``POST /reset`` zeroes them. Its own process keeps it off the benchmark's event loop and GIL.

Run: ``python -m tests.benchmarks.fast_agent [--delay SECONDS]``; it prints its port.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

HEADER_END = b"\r\n\r\n"


class Stats:
    def __init__(self) -> None:
        self.requests = 0
        self.in_flight = 0
        self.max_in_flight = 0


def _response(status: str, body: bytes) -> bytes:
    head = (f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\n\r\n")
    return head.encode() + body


def _reply(body: bytes) -> bytes:
    try:
        message = json.loads(body)["messages"][-1]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return _response("400 Bad Request", b'{"error": "send {\\"messages\\": [...]}"}')
    answer = {"object": "chat.completion", "model": "echo-1", "choices": [
        {"index": 0, "finish_reason": "stop",
         "message": {"role": "assistant", "content": f"echo: {message}"}}]}
    return _response("200 OK", json.dumps(answer).encode())


class AgentProtocol(asyncio.Protocol):
    """One client connection: requests are parsed and answered in order."""

    def __init__(self, stats: Stats, delay: float) -> None:
        self.stats, self.delay = stats, delay
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.task = asyncio.get_running_loop().create_task(self._answer())

    def connection_lost(self, exc: Exception | None) -> None:
        if self.task is not None:
            self.task.cancel()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(HEADER_END)) >= 0:
            head = self.buffer[:end].decode("latin-1").split("\r\n")
            length = 0
            for line in head[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            start = end + len(HEADER_END)
            if len(self.buffer) < start + length:
                return
            body, self.buffer = self.buffer[start:start + length], self.buffer[start + length:]
            self.queue.put_nowait((head[0], body))

    async def _answer(self) -> None:
        while True:
            request_line, body = await self.queue.get()
            chat = request_line.startswith("POST /chat ")
            if chat:
                self.stats.in_flight += 1
                self.stats.max_in_flight = max(self.stats.max_in_flight, self.stats.in_flight)
                if self.delay:
                    await asyncio.sleep(self.delay)
                self.stats.in_flight -= 1
                self.stats.requests += 1
            if self.transport is not None and not self.transport.is_closing():
                self.transport.write(self._route(request_line, body))

    def _route(self, request_line: str, body: bytes) -> bytes:
        method, path, _ = request_line.split(" ", 2)
        if method == "GET" and path == "/stats":
            return _response("200 OK", json.dumps({
                "requests": self.stats.requests,
                "max_in_flight": self.stats.max_in_flight}).encode())
        if method == "POST" and path == "/reset":
            self.stats.requests = self.stats.max_in_flight = 0
            return _response("200 OK", b"{}")
        if method == "POST" and path == "/chat":
            return _reply(body)
        return _response("404 Not Found", b'{"error": "POST /chat"}')


async def serve(delay: float) -> None:
    stats = Stats()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: AgentProtocol(stats, delay), "127.0.0.1", 0,
                                      backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.delay))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
