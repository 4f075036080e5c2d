"""Per-request DataLoaders: relations resolve in batches, one query per relation per request.

A batch function is any ``async def load(keys) -> list`` aligned with ``keys``; call
``info.context.loaders.load(batch_fn, key)``. Loaders live in the request's context, so a
cache is never shared across requests or organizations.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

BatchFn = Callable[[list[K]], Awaitable[Sequence[V]]]


class Loaders:
    def __init__(self) -> None:
        self._loaders: dict[Callable[..., Any], DataLoader[Any, Any]] = {}

    def get(self, batch_fn: BatchFn[K, V]) -> DataLoader[K, V]:
        loader = self._loaders.get(batch_fn)
        if loader is None:
            loader = DataLoader(load_fn=batch_fn, max_batch_size=1000)
            self._loaders[batch_fn] = loader
        return loader

    async def load(self, batch_fn: BatchFn[K, V], key: K) -> V:
        return await self.get(batch_fn).load(key)

    def clear(self) -> None:
        self._loaders.clear()


def by_id(rows: Sequence[Any], keys: Sequence[uuid.UUID]) -> list[Any | None]:
    """Align rows with keys by primary key (None where a key has no row)."""
    index = {row.id: row for row in rows}
    return [index.get(key) for key in keys]


def grouped(
    rows: Sequence[Any], keys: Sequence[uuid.UUID], attr: str
) -> list[list[Any]]:
    """Group rows by ``attr`` and align the groups with keys."""
    groups: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, attr)].append(row)
    return [groups.get(key, []) for key in keys]
