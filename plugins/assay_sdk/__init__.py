"""The Assay plugin SDK: the only package a plugin author imports.

It never imports ``assay`` (a test enforces it), so it can ship on its own.
"""

from assay_sdk.connectors import (
    API_VERSION,
    Connector,
    ConnectorContext,
    ConnectorError,
    Conversation,
    Evidence,
    Exchange,
    NetworkGuard,
)

__all__ = [
    "API_VERSION",
    "Connector",
    "ConnectorContext",
    "ConnectorError",
    "Conversation",
    "Evidence",
    "Exchange",
    "NetworkGuard",
]
