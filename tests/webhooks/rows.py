"""Webhook rows for suites that need one of each (tests/security/world.py calls these)."""

from __future__ import annotations

import uuid
from typing import Any

from assay.db.transactions import tenant_transaction
from assay.ids import decode_id, encode_id, new_id
from assay.webhooks import sealed_secrets
from assay.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from assay.webhooks.service import envelope
from tests.support import Caller, GraphQLClient

#: Where the security world's webhook points (never called: nothing drains its queue).
WORLD_URL = "https://hooks.example.com/assay"

_CREATE = """
mutation($input: CreateWebhookInput!) { createWebhook(input: $input) {
  __typename ... on CreateWebhookSuccess { webhook { id } } } }
"""


async def failed_delivery(endpoint_id: uuid.UUID) -> WebhookDelivery:
    """A FAILED run.finished delivery of the endpoint; call inside tenant_transaction."""
    document = envelope("run.finished", {"run": {"id": "filler", "status": "COMPLETED"}})
    return await WebhookDelivery.create(
        endpoint_id=endpoint_id, event_id=uuid.UUID(document["id"]),
        event_type="run.finished", payload=document, status=DeliveryStatus.FAILED,
        attempts=6, last_status_code=500, last_error="HTTP 500 (Internal Server Error)")


async def write_webhook_rows() -> None:
    """An endpoint (its secret sealed) with one delivery; call inside tenant_transaction."""
    endpoint = WebhookEndpoint(id=new_id(), url=WORLD_URL, events=["run.finished"])
    await sealed_secrets.seal_into(endpoint, sealed_secrets.new_secret())
    await endpoint.save()
    await failed_delivery(endpoint.id)


async def world_webhook(gql: GraphQLClient, org_id: uuid.UUID, caller: Caller
                        ) -> dict[str, str]:
    """A webhook made through the API and a FAILED delivery of it: their global ids."""
    data = await gql.data(_CREATE, {"input": {"url": WORLD_URL, "events": ["run.finished"]}},
                          caller)
    created: dict[str, Any] = data["createWebhook"]
    assert created["__typename"] == "CreateWebhookSuccess", created
    decoded = decode_id(created["webhook"]["id"])
    assert decoded is not None
    async with tenant_transaction(org_id):
        delivery = await failed_delivery(decoded[1])
    return {"Webhook": created["webhook"]["id"],
            "WebhookDelivery": encode_id("WebhookDelivery", delivery.id)}
