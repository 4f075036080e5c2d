"""The SSRF guard: which addresses connectors may reach, checked again at connect time."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from assay.connectors.http_socket import SocketStream
from assay_sdk.connectors import ConnectorError, NetworkGuard

SCHEMES = ("http", "https")
#: How to lift the refusal; named in every SSRF_REFUSED message.
HOW_TO_ALLOW = (
    "Assay does not reach loopback, private, link-local or metadata addresses; an operator "
    "who trusts this target can set ASSAY_ALLOW_PRIVATE_TARGETS=true"
)
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_RFC1918 = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12",
                                                   "192.168.0.0/16"))
_UNIQUE_LOCAL = tuple(ipaddress.ip_network(n) for n in ("fc00::/7", "fec0::/10"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
#: Cloud metadata services (AWS, GCP, Azure, ... on IPv4; AWS on IPv6).
_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254"))


def parse_address(address: str) -> _IP | None:
    """The IP address in ``address`` (an IPv6 zone such as ``%eth0`` is allowed), or None."""
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def classify(address: str) -> str | None:
    """Why ``address`` is not a public address ("a loopback address", ...); None if it is.

    IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are judged by
    that IPv4 address. Anything that is not an IP address is refused ("not an IP address").
    """
    ip = parse_address(address)
    if ip is None:
        return "not an IP address"
    embedded = _embedded_ipv4(ip)
    if embedded is None:
        return _reason(ip)
    reason = _reason(embedded[0])
    return f"{reason} in {embedded[1]} form" if reason else None


def _embedded_ipv4(ip: _IP) -> tuple[ipaddress.IPv4Address, str] | None:
    """The IPv4 address an IPv6 address carries, and the name of that form."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    forms = (
        (ip.ipv4_mapped, "IPv4-mapped IPv6"),
        (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None, "NAT64"),
        (ip.sixtofour, "6to4"),
        (ip.teredo[1] if ip.teredo else None, "Teredo"),
    )
    return next(((v4, form) for v4, form in forms if v4 is not None), None)


def _reason(ip: _IP) -> str | None:
    checks = (
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_loopback, "a loopback address"),
        (ip in _METADATA, "the cloud metadata address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip in _CGNAT, "a carrier-grade NAT address (100.64.0.0/10)"),
        (any(ip in net for net in (*_RFC1918, *_UNIQUE_LOCAL)), "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a publicly routable address"),
    )
    return next((reason for refused, reason in checks if refused), None)


def refusal(host: str, address: str, reason: str | None = None) -> ConnectorError:
    """The SSRF_REFUSED error for ``host`` resolving to ``address``."""
    why = reason or classify(address) or "an address the network policy does not allow"
    what = f"it is {why}" if host == address else f"it resolves to {address}, {why}"
    return ConnectorError("SSRF_REFUSED", f"refused to connect to {host}: {what}. "
                          f"{HOW_TO_ALLOW}.")


async def resolve(host: str, port: int | None = None, *,
                  timeout: float | None = None) -> list[str]:
    """Every address ``host`` resolves to (the event loop's getaddrinfo), without duplicates.

    Raises:
        ConnectorError: CONNECTION_FAILED when the name does not resolve, TIMEOUT when the
            lookup takes longer than ``timeout`` seconds.
    """
    loop = asyncio.get_running_loop()
    lookup = loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    try:
        infos = await asyncio.wait_for(lookup, timeout)
    except TimeoutError:
        raise ConnectorError("TIMEOUT", f"looking up {host} took longer than {timeout} s: "
                             "check the host name and the DNS service") from None
    except (socket.gaierror, UnicodeError) as exc:
        raise ConnectorError("CONNECTION_FAILED", f"could not resolve host {host} ({exc}): "
                             "check the host name in the URL") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def url_host(url: str) -> tuple[str, int]:
    """The host (IDNA-encoded, IPv6 without brackets) and port of an http(s) URL.

    Raises:
        ConnectorError: SSRF_REFUSED for another scheme, CONFIGURATION for a malformed URL.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConnectorError("CONFIGURATION", f"the URL is not valid ({exc}): write it as "
                             "https://host/path") from None
    if parsed.scheme not in SCHEMES:
        raise ConnectorError("SSRF_REFUSED", f"refused the URL scheme '{parsed.scheme}': "
                             "connectors only reach http:// and https:// URLs")
    if not parsed.raw_host:
        raise ConnectorError("CONFIGURATION", "the URL has no host: write it as "
                             "https://host/path")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return parsed.raw_host.decode("ascii"), port


async def check_host(guard: NetworkGuard, host: str, port: int | None = None, *,
                     timeout: float | None = None) -> list[str]:
    """Resolve ``host`` and return its addresses when ``guard`` allows every one of them.

    Raises:
        ConnectorError: SSRF_REFUSED naming the first refused address, or the lookup's error.
    """
    addresses = await resolve(host, port, timeout=timeout)
    for address in addresses:
        if not guard.allowed_address(address):
            raise refusal(host, address)
    return addresses


class NetworkPolicy:
    """The host's SSRF guard (an ``assay_sdk.NetworkGuard``).

    With ``allow_private`` every address is allowed (demos, tests, agents on the operator's
    own network). Otherwise only public addresses are, plus those inside
    ``allowed_networks`` (CIDR strings) when an operator lists exact exceptions.
    """

    def __init__(self, *, allow_private: bool, allowed_networks: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.allowed_networks = tuple(ipaddress.ip_network(n) for n in allowed_networks)

    def allowed_address(self, address: str) -> bool:
        ip = parse_address(address)
        if ip is None:
            return False
        if self.allow_private or any(ip in net for net in self.allowed_networks):
            return True
        return classify(address) is None

    async def check_url(self, url: str) -> None:
        host, port = url_host(url)
        await check_host(self, host, port)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that dials only addresses the guard allows.

    It resolves the host itself, checks every address, then connects to a checked address,
    so a DNS answer that changes between a check and the connection (rebinding) cannot
    reach a refused address. TLS still verifies the URL's host name: httpcore passes it as
    ``server_hostname`` to the stream this returns.
    """

    def __init__(self, guard: NetworkGuard) -> None:
        self._guard = guard
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        addresses = await _checked_addresses(self._guard, host, port, timeout)
        failure: Exception = httpcore.ConnectError(f"no address to connect to for {host}")
        for address in addresses:
            remaining = None if deadline is None else max(deadline - loop.time(), 0.001)
            try:
                return SocketStream(await self._inner.connect_tcp(
                    address, port, remaining, local_address, socket_options))
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise ConnectorError("SSRF_REFUSED", "connectors do not reach Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _checked_addresses(guard: NetworkGuard, host: str, port: int,
                             timeout: float | None) -> list[str]:
    """The addresses to dial; lookup failures become httpcore errors (so httpx retries)."""
    try:
        return await check_host(guard, host, port, timeout=timeout)
    except ConnectorError as exc:
        if exc.code == "TIMEOUT":
            raise httpcore.ConnectTimeout(exc.message) from None
        if exc.code == "CONNECTION_FAILED":
            raise httpcore.ConnectError(exc.message) from None
        raise


class GuardedTransport(httpx.AsyncHTTPTransport):
    """An httpx transport whose every connection goes through :class:`GuardedBackend`.

    Environment proxies are ignored (a proxy would dial on our behalf, unchecked).
    """

    def __init__(self, guard: NetworkGuard, *, limits: httpx.Limits | None = None,
                 verify: ssl.SSLContext | bool = True) -> None:
        limits = limits or httpx.Limits()
        super().__init__(verify=verify, trust_env=False, limits=limits)
        # httpx builds its pool without a way to pass a network backend: replace it.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )
