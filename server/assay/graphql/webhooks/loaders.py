"""Batch loaders for webhook endpoints (never their sealed secrets) and deliveries."""

from __future__ import annotations

import uuid
from typing import Any

from assay.graphql.loaders import by_id
from assay.webhooks.models import WebhookDelivery, WebhookEndpoint

#: The endpoint columns the API reads: no ciphertext, nonce or key version.
PUBLIC_ENDPOINT_COLUMNS = ("id", "organization_id", "url", "events", "description", "active",
                           "secret_hint", "created_at", "updated_at")


async def endpoints_by_id(keys: list[uuid.UUID]) -> list[Any]:
    rows = await WebhookEndpoint.filter(id__in=keys).only(*PUBLIC_ENDPOINT_COLUMNS)
    return by_id(rows, keys)


async def deliveries_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await WebhookDelivery.filter(id__in=keys), keys)
