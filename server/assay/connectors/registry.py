"""The connectors this process can use, loaded once from the assay.connectors group."""

from __future__ import annotations

import functools

from assay_sdk import Connector
from assay_sdk.registry import Registry, load

GROUP = "assay.connectors"

#: Connection kind -> connector slug.
SLUGS = {"HTTP": "http", "BROWSER": "browser"}


@functools.cache
def connectors() -> Registry[Connector]:
    return load(GROUP, Connector)  # type: ignore[type-abstract]  # the base to check against


def connector_for(kind: str) -> type[Connector]:
    """The connector class that serves connections of ``kind`` (LookupError says why not)."""
    return connectors().get(SLUGS[kind])
