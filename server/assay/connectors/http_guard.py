"""The SSRF check before each request, remembered per host for a few seconds.

Every message of every conversation used to resolve its URL's host again (a getaddrinfo in
the event loop's thread pool) just to refuse early: at hundreds of cases a second that was
a large share of a worker's CPU. An allowed verdict is now reused for ``TTL_SECONDS`` per
(scheme, host, port). That weakens nothing: this check is the early refusal (before a
request is built and recorded); the guard that matters is at dial time
(``assay.connectors.network.GuardedBackend``), which resolves and checks every address of
every new connection, so a host whose DNS answer changes to a refused address within the
TTL is still never reached. Refusals and lookup failures are never remembered.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

import httpx

from assay_sdk.connectors import NetworkGuard

#: How long an allowed host is not checked again before a request.
TTL_SECONDS = 10.0
#: Hosts remembered at most (least recently checked go first).
MAX_HOSTS = 1024


class CheckedHosts:
    """The hosts a guard allowed recently (one per connector, shared by its conversations)."""

    def __init__(self, guard: NetworkGuard, *, ttl_seconds: float = TTL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._guard = guard
        self._ttl = ttl_seconds
        self._clock = clock
        self._allowed: OrderedDict[tuple[str, bytes, int | None], float] = OrderedDict()

    async def check(self, url: httpx.URL) -> None:
        """Raises ConnectorError as ``guard.check_url`` does (SSRF_REFUSED, CONFIGURATION,
        CONNECTION_FAILED, TIMEOUT) unless the host was allowed within the TTL."""
        key = (url.scheme, url.raw_host, url.port)
        checked = self._allowed.get(key)
        now = self._clock()
        if checked is not None and now - checked < self._ttl:
            return
        await self._guard.check_url(str(url))
        self._allowed[key] = now
        self._allowed.move_to_end(key)
        while len(self._allowed) > MAX_HOSTS:
            self._allowed.popitem(last=False)
