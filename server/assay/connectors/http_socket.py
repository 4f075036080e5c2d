"""A connection's stream that answers httpcore's "is it readable?" question cheaply.

httpcore's connection pool asks every idle connection, before each request and after each
response, whether its socket is readable (a server that closed a keep-alive connection
leaves it readable). anyio answers by building all of the socket's attributes, including a
``getpeername`` call, every time: with fifty pooled connections that was a fifth of a
worker's CPU against a 200 ms agent, and one ``poll`` per connection the rest of it. This
stream remembers its socket once, and the readiness of all pooled sockets is found with one
``poll`` per burst of questions (see :class:`_Readiness`); everything else is the inner
stream's.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import socket
import ssl
import weakref
from typing import Any

import httpcore


class _Readiness:
    """Which pooled sockets are readable, found for all of them with one ``poll``.

    The pool asks about its idle connections one after another without yielding to the
    event loop, so the first question of such a burst polls every registered socket at
    once and the others read that answer; it is forgotten as soon as the loop runs anything
    else (``call_soon``), so no answer is older than the burst that asked for it.
    """

    def __init__(self) -> None:
        self._poller = select.poll()
        #: Registered descriptor -> the stream it was registered for (weakly: a stream
        #: dropped unclosed is forgotten; its stale registration is harmless).
        self._owners: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()
        self._ready: set[int] | None = None

    def add(self, fd: int, owner: object) -> None:
        self._poller.register(fd, select.POLLIN)
        self._owners[fd] = owner

    def remove(self, fd: int, owner: object) -> None:
        """Forget ``fd`` unless another stream registered it since (a reused descriptor)."""
        if self._owners.get(fd) is owner:
            del self._owners[fd]
            with contextlib.suppress(KeyError):
                self._poller.unregister(fd)

    def readable(self, fd: int, owner: object) -> bool:
        if self._owners.get(fd) is not owner:  # not (or no longer) ours: ask it alone
            alone = select.poll()
            alone.register(fd, select.POLLIN)
            return bool(alone.poll(0))
        if self._ready is None:
            self._ready = {ready for ready, _ in self._poller.poll(0)}
            asyncio.get_running_loop().call_soon(self._forget)
        return fd in self._ready

    def _forget(self) -> None:
        self._ready = None


_readiness = _Readiness()


class SocketStream(httpcore.AsyncNetworkStream):
    """Wraps a stream of httpcore's anyio backend (TLS streams included)."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")
        self._fd = -1 if self._socket is None else self._socket.fileno()
        if self._fd >= 0:
            _readiness.add(self._fd, self)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        self._forget()
        await self._inner.aclose()

    def _forget(self) -> None:
        if self._fd >= 0:
            _readiness.remove(self._fd, self)
            self._fd = -1

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        self._forget()  # the TLS stream registers the same socket
        return SocketStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # A socket that is gone counts as readable (its next read ends), as in httpcore.
            fd = -1 if self._socket is None else self._socket.fileno()
            return fd < 0 or fd != self._fd or _readiness.readable(fd, self)
        if info == "socket":
            return self._socket
        return self._inner.get_extra_info(info)
