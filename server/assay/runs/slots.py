"""A connection's concurrency, honoured by every worker process: a Redis semaphore of leases.

Each connection has a sorted set ``assay:slots:<connection id>`` of lease id -> expiry (in
milliseconds of the Redis server's clock, so the workers' clocks do not matter). Taking a
slot is one Lua script: drop the expired leases, then add ours if fewer than the limit are
held. Every ``RENEW_SECONDS`` one task per process (and Redis client) renews all the leases
its running cases hold, with one script call (a task per case cost more CPU than the case's
own Redis work); a lease is removed when its case ends. A worker killed with SIGKILL stops
renewing, so its slots free themselves within ``LEASE_SECONDS``: nothing leaks for longer.
A renewal only extends a lease still in the set, so one racing a release never puts the
released lease back; a lease that expired (a worker stalled longer than LEASE_SECONDS) is
logged, and its case finishes without it.

Waiting for a slot (see :meth:`Slots.acquire`): the job tries again as soon as a case of the
same connection ends in this process (an in-process signal; most hand-offs are local), and
every ``POLL_SECONDS`` or so for slots freed elsewhere, for at most ``wait_seconds``. Then it
gives up and the job gives its arq slot back (``assay.runs.jobs`` retries it a little later
without counting a try), so a saturated connection never holds a worker's job slots for
long and never makes a job busy-loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

log = logging.getLogger(__name__)

#: How long a lease lives without renewal: the most a dead worker's slot stays taken.
LEASE_SECONDS = 15
RENEW_SECONDS = 5
#: Mean pause between two tries at a busy connection (jittered by half either way).
POLL_SECONDS = 0.2

# KEYS[1]: the connection's lease set. ARGV: lease id, limit, lease lifetime in ms.
# A lease already held is extended (that is how it is renewed); returns 1 when held.
_TAKE = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local expiry = now_ms + tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_ms)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or
        redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
    redis.call('ZADD', KEYS[1], expiry, ARGV[1])
    redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
    return 1
end
return 0
"""
# KEYS: lease sets; ARGV: lease lifetime in ms, then one lease id per key. Extends each lease
# still in its set (never re-adds one: it may have been released meanwhile); 1/0 per key.
_RENEW = """
local now = redis.call('TIME')
local expiry = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + tonumber(ARGV[1])
local held = {}
for i, key in ipairs(KEYS) do
    held[i] = 0
    if redis.call('ZSCORE', key, ARGV[i + 1]) then
        redis.call('ZADD', key, expiry, ARGV[i + 1])
        redis.call('PEXPIRE', key, tonumber(ARGV[1]))
        held[i] = 1
    end
end
return held
"""


def slots_key(connection_id: str) -> str:
    return f"assay:slots:{connection_id}"


class Slots:
    """The slots of every connection, as seen from one worker (one Redis client)."""

    def __init__(self, redis: Redis, *, lease_seconds: float = LEASE_SECONDS,
                 renew_seconds: float = RENEW_SECONDS, poll_seconds: float = POLL_SECONDS
                 ) -> None:
        self._redis = redis
        self._lease_ms = int(lease_seconds * 1000)
        self._renew_seconds = renew_seconds
        self._poll_seconds = poll_seconds
        self._take_script = redis.register_script(_TAKE)
        self._renew_script = redis.register_script(_RENEW)
        #: Connection key -> signalled when a case of that connection ends in this process.
        self._freed: dict[str, asyncio.Condition] = {}
        #: Connection key -> jobs of this process waiting for one of its slots.
        self._waiting: dict[str, int] = {}
        #: The leases this process's running cases hold: (connection key, lease id).
        self._held: set[tuple[str, str]] = set()
        self._renewer: asyncio.Task[None] | None = None

    async def _take(self, key: str, lease: str, limit: int) -> bool:
        taken = await self._take_script(keys=[key], args=[lease, limit, self._lease_ms])
        return bool(taken)

    async def _release(self, key: str, lease: str) -> None:
        self._held.discard((key, lease))
        try:
            await self._redis.zrem(key, lease)
        except Exception as error:  # the case's outcome stands; the lease expires by itself
            log.warning("releasing slot %s failed (%s): it frees itself within %g s", key,
                        type(error).__name__, self._lease_ms / 1000)
        freed = self._freed.get(key)
        if freed is not None and self._waiting.get(key):  # nobody waits: nothing to signal
            async with freed:
                freed.notify(1)

    async def _wait_freed(self, key: str, seconds: float) -> None:
        freed = self._freed.setdefault(key, asyncio.Condition())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with freed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(freed.wait(), seconds)
        finally:
            self._waiting[key] -= 1

    def _hold(self, key: str, lease: str) -> None:
        """Renew the lease from the process's renewer (started when the first lease is held,
        ending when none is)."""
        self._held.add((key, lease))
        if self._renewer is None or self._renewer.done():
            self._renewer = asyncio.create_task(self._renew_held())

    async def _renew_held(self) -> None:
        while self._held:
            await asyncio.sleep(self._renew_seconds)
            held = sorted(self._held)
            if not held:
                return
            try:
                renewed = await self._renew_script(
                    keys=[key for key, _ in held],
                    args=[self._lease_ms, *(lease for _, lease in held)])
            except Exception as error:  # Redis away for a moment: the next renewal may do
                log.warning("renewing %d slots failed: %s", len(held), type(error).__name__)
                continue
            for (key, lease), ok in zip(held, renewed, strict=True):
                if not ok and (key, lease) in self._held:
                    log.warning("slot %s expired while its case ran (a stalled worker?): the "
                                "connection may briefly run over its concurrency", key)

    async def acquire(self, connection_id: str, limit: int, *, wait_seconds: float
                      ) -> str | None:
        """A lease on one of the connection's ``limit`` slots, or None after waiting."""
        key, lease = slots_key(connection_id), uuid.uuid4().hex
        deadline = time.monotonic() + wait_seconds
        while not await self._take(key, lease, limit):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            pause = self._poll_seconds * random.uniform(0.5, 1.5)
            await self._wait_freed(key, min(remaining, pause))
        return lease

    @asynccontextmanager
    async def holding(self, connection_id: str, limit: int, lease: str) -> AsyncIterator[None]:
        """Keep an acquired lease renewed for the block, and release it when it ends.

        (``limit`` is the one the lease was acquired with; renewing needs only the lease.)"""
        key = slots_key(connection_id)
        self._hold(key, lease)
        try:
            yield
        finally:
            # Shielded: a job cancelled (SIGTERM, timeout) still frees its slot at once.
            await asyncio.shield(self._release(key, lease))


_by_client: weakref.WeakKeyDictionary[Redis, Slots] = weakref.WeakKeyDictionary()


def slots_for(redis: Redis) -> Slots:
    """The Slots of a worker's Redis client (one per client, so local hand-offs are seen)."""
    slots = _by_client.get(redis)
    if slots is None:
        slots = _by_client[redis] = Slots(redis)
    return slots
