"""A loopback SOCKS5 proxy that dials only what the SSRF guard allows, for one browser context.

Chromium sends every connection of the context through it (navigations, redirects,
subresources, fetch, WebSockets, loopback included) with the host name unresolved, so the
proxy resolves it, checks every address with the guard and connects to a checked address:
a redirect to a private address or a DNS answer that changes after a check cannot slip by.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import struct
from collections.abc import Callable

from assay.connectors.network import check_host
from assay_sdk.connectors import ConnectorError, NetworkGuard

HANDSHAKE_SECONDS = 10.0
CONNECT_SECONDS = 15.0
CHUNK = 65_536
_REPLY = {"ok": 0, "refused_by_rule": 2, "unreachable": 4, "refused": 5, "command": 7,
          "address_type": 8}

Streams = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class SocksError(Exception):
    """The request cannot be served; ``reply`` names the SOCKS5 reply code to send."""

    def __init__(self, reply: str) -> None:
        super().__init__(reply)
        self.reply = reply


class GuardProxy:
    """SOCKS5 (no authentication, CONNECT only) on 127.0.0.1 and a free port."""

    def __init__(self, guard: NetworkGuard, log: Callable[[str, str], None]) -> None:
        self._guard = guard
        self._log = log
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        #: Every refused connection, in order (SSRF_REFUSED errors naming host and address).
        self.refusals: list[ConnectorError] = []

    async def start(self) -> str:
        """Listen (once), and return the proxy server address for Playwright."""
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"socks5://127.0.0.1:{port}"

    async def close(self) -> None:
        """Stop listening and cut every connection still open."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            upstream = await self._open(reader, writer)
            if upstream is not None:
                await self._relay((reader, writer), upstream)
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            pass
        finally:
            self._writers.discard(writer)
            writer.transport.abort()

    async def _open(self, reader: asyncio.StreamReader,
                    writer: asyncio.StreamWriter) -> Streams | None:
        """The handshake and the guarded connection; None when it was refused."""
        try:
            host, port = await asyncio.wait_for(_handshake(reader, writer), HANDSHAKE_SECONDS)
            return await self._dial(host, port)
        except SocksError as exc:
            writer.write(_reply(exc.reply))
            await writer.drain()
            return None

    async def _dial(self, host: str, port: int) -> Streams:
        try:
            addresses = await check_host(self._guard, host, port, timeout=CONNECT_SECONDS)
        except ConnectorError as exc:
            self._log("network", f"connection to {host}:{port} not made: {exc.message}")
            if exc.code == "SSRF_REFUSED":
                self.refusals.append(exc)
                raise SocksError("refused_by_rule") from None
            raise SocksError("unreachable") from None
        for address in addresses:
            with contextlib.suppress(OSError, TimeoutError):
                return await asyncio.wait_for(asyncio.open_connection(address, port),
                                              CONNECT_SECONDS)
        self._log("network", f"connection to {host}:{port} failed: nothing answered")
        raise SocksError("refused")

    async def _relay(self, client: Streams, upstream: Streams) -> None:
        """Confirm the connection, then copy both ways until both ends are done."""
        self._writers.add(upstream[1])
        try:
            client[1].write(_reply("ok"))
            await client[1].drain()
            await asyncio.gather(_pipe(client[0], upstream[1]), _pipe(upstream[0], client[1]))
        finally:
            self._writers.discard(upstream[1])
            upstream[1].transport.abort()


async def _handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     ) -> tuple[str, int]:
    """The greeting (no authentication) and the CONNECT request; returns host and port."""
    version, methods = await reader.readexactly(2)
    offered = await reader.readexactly(methods)
    if version != 5 or 0 not in offered:
        writer.write(b"\x05\xff")  # no acceptable method; the connection is then closed
        await writer.drain()
        raise ConnectionAbortedError("not a SOCKS5 client without authentication")
    writer.write(b"\x05\x00")
    await writer.drain()
    _, command, _, address_type = await reader.readexactly(4)
    host = await _address(reader, address_type)
    (port,) = struct.unpack("!H", await reader.readexactly(2))
    if command != 1:
        raise SocksError("command")
    return host, port


async def _address(reader: asyncio.StreamReader, address_type: int) -> str:
    if address_type == 1:
        return str(ipaddress.IPv4Address(await reader.readexactly(4)))
    if address_type == 4:
        return str(ipaddress.IPv6Address(await reader.readexactly(16)))
    if address_type == 3:
        length = (await reader.readexactly(1))[0]
        return (await reader.readexactly(length)).decode("ascii", errors="replace")
    raise SocksError("address_type")


def _reply(name: str) -> bytes:
    return bytes([5, _REPLY[name], 0, 1, 0, 0, 0, 0, 0, 0])


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy until end of stream, then pass the end on (half-close)."""
    try:
        while data := await reader.read(CHUNK):
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except OSError:
        writer.transport.abort()
