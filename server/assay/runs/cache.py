"""What a worker process keeps between the case jobs of a run, so that a case costs a few
indexed statements however large its run is.

- The connection part of a run's snapshot (kind, config, concurrency): a run's snapshot
  never changes, so it is read once per run and process, not once per case (the snapshot
  also lists every case id of every suite: hundreds of kilobytes for a large run).
- A connection's opened credentials, for ``CREDENTIAL_TTL_SECONDS``. The trade-off: a
  credential rotated (or made unreadable, or its organization's key withdrawn) while a run
  goes on reaches the cases this process starts up to that long later; in exchange a case
  neither reads the credential rows nor decrypts them. Runs already hold the credential of
  the moment they started their cases, so a rotation during a run never had a sharp edge.

Both are bounded (least recently used entries go first) and keyed by organization, so a
process serving many tenants never hands one tenant's entry to another.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

#: How long opened credentials are reused (see the module's docstring for the trade-off).
CREDENTIAL_TTL_SECONDS = 30.0
#: Runs whose connection part a process keeps, and connections whose credentials it keeps.
MAX_RUNS = 256
MAX_CONNECTIONS = 256

K = TypeVar("K")
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A small LRU map whose entries may expire after ``ttl_seconds`` (None: never)."""

    def __init__(self, size: int, ttl_seconds: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._size = size
        self._ttl = ttl_seconds
        self._clock = clock
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        stored, value = entry
        if self._ttl is not None and self._clock() - stored >= self._ttl:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._entries[key] = (self._clock(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class RunConnection:
    """The connection part of a run's snapshot (immutable, like the snapshot)."""

    connection_id: str
    kind: str
    config: dict[str, Any]
    concurrency: int

    @classmethod
    def of(cls, snapshot: dict[str, Any], connection_id: uuid.UUID) -> RunConnection:
        connection = snapshot["connection"]
        return cls(str(connection.get("id") or connection_id), connection["kind"],
                   connection["config"], int(connection.get("concurrency") or 1))


#: (organization, run) -> its connection part.
run_connections: Bounded[tuple[uuid.UUID, uuid.UUID], RunConnection] = Bounded(MAX_RUNS)
#: (organization, connection) -> name -> plaintext.
credentials: Bounded[tuple[uuid.UUID, uuid.UUID], dict[str, str]] = Bounded(
    MAX_CONNECTIONS, CREDENTIAL_TTL_SECONDS)
