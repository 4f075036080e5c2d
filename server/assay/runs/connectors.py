"""The connectors a worker process uses: one instance per kind, started once, stopped at exit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from assay_sdk import Connector, ConnectorContext

#: Connection kind -> the connector class serving it.
ConnectorFactory = Callable[[str], type[Connector]]


class ConnectorPool:
    """Lazily starts one connector per connection kind and hands the same one to every job."""

    def __init__(self, context: Callable[[], ConnectorContext], factory: ConnectorFactory
                 ) -> None:
        self._context = context
        self._factory = factory
        self._started: dict[str, Connector] = {}
        self._lock = asyncio.Lock()

    async def get(self, kind: str) -> Connector:
        async with self._lock:
            connector = self._started.get(kind)
            if connector is None:
                connector = self._factory(kind)()
                await connector.start(self._context())
                self._started[kind] = connector
            return connector

    async def close(self) -> None:
        started, self._started = list(self._started.values()), {}
        for connector in started:
            await connector.stop()


def default_pool(*, allow_private_targets: bool, browser_executable: str | None) -> ConnectorPool:
    """The production pool: connectors from the assay.connectors entry points, SSRF-guarded."""
    from assay.connectors.registry import connector_for

    def context() -> ConnectorContext:
        from assay.connectors.network import NetworkPolicy

        return ConnectorContext(guard=NetworkPolicy(allow_private=allow_private_targets),
                                browser_executable=browser_executable)

    return ConnectorPool(context, connector_for)
