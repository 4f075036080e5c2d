"""Batch loaders for agent connections and their credentials (never their sealed values)."""

from __future__ import annotations

import uuid
from typing import Any

from assay.connections.models import AgentConnection, ConnectionCredential
from assay.graphql.loaders import by_id, grouped

#: The credential columns the API may read: no ciphertext, nonce or key version.
PUBLIC_CREDENTIAL_COLUMNS = ("id", "connection_id", "name", "hint", "updated_at")


async def connections_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await AgentConnection.filter(id__in=keys), keys)


async def credentials_by_connection(keys: list[uuid.UUID]) -> list[list[Any]]:
    rows = await ConnectionCredential.filter(connection_id__in=keys).order_by("name").only(
        *PUBLIC_CREDENTIAL_COLUMNS
    )
    return grouped(rows, keys, "connection_id")
