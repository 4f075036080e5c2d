"""Helpers of the webhook tests: GraphQL documents, a burst worker, reading rows back."""

from __future__ import annotations

import uuid
from typing import Any

from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import Worker

from assay.db.transactions import tenant_transaction
from assay.ids import decode_id
from assay.settings import Settings
from assay.webhooks import jobs
from assay.webhooks.backoff import POLICY, RetryPolicy
from assay.webhooks.models import WebhookDelivery, WebhookEndpoint
from assay.worker import QUEUE, deserialize, serialize
from tests.support import Caller, GraphQLClient

WEBHOOK_FIELDS = "id url events description active secretHint"
DELIVERY_FIELDS = ("id eventId eventType status attempts lastStatusCode lastError "
                   "nextAttemptAt deliveredAt payload redeliveryOfId webhook { id }")

CREATE = f"""
mutation($input: CreateWebhookInput!) {{ createWebhook(input: $input) {{
  __typename ... on CreateWebhookSuccess {{ secret webhook {{ {WEBHOOK_FIELDS} }} }}
  ... on MutationError {{ code message }} ... on ValidationError {{ issues {{ path code }} }} }} }}
"""
UPDATE = f"""
mutation($input: UpdateWebhookInput!) {{ updateWebhook(input: $input) {{
  __typename ... on UpdateWebhookSuccess {{ webhook {{ {WEBHOOK_FIELDS} }} }}
  ... on MutationError {{ code message }} }} }}
"""
DELETE = """
mutation($id: ID!) { deleteWebhook(id: $id) {
  __typename ... on DeleteWebhookSuccess { deletedId } ... on MutationError { code message } } }
"""
ROTATE = f"""
mutation($id: ID!) {{ rotateWebhookSecret(id: $id) {{
  __typename ... on RotateWebhookSecretSuccess {{ secret webhook {{ {WEBHOOK_FIELDS} }} }}
  ... on MutationError {{ code message }} }} }}
"""
REDELIVER = f"""
mutation($id: ID!) {{ redeliverWebhook(deliveryId: $id) {{
  __typename ... on RedeliverWebhookSuccess {{ delivery {{ {DELIVERY_FIELDS} }} }}
  ... on MutationError {{ code message }} }} }}
"""
WEBHOOKS = f"{{ webhooks {{ {WEBHOOK_FIELDS} createdAt updatedAt }} }}"
DELIVERIES = f"""
query($endpointId: ID, $status: WebhookDeliveryStatus, $first: Int, $after: String) {{
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {DELIVERY_FIELDS} }} }}
  }} }}
"""

#: A tiny schedule so retries happen within a test: waits of 0.05 s, no jitter.
QUICK = RetryPolicy(schedule=(0.05,), max_attempts=6, jitter=0.0, timeout_s=5.0)


def pk(global_id: str) -> uuid.UUID:
    decoded = decode_id(global_id)
    assert decoded is not None
    return decoded[1]


async def create(gql: GraphQLClient, caller: Caller, url: str,
                 events: list[str] | None = None, **more: Any) -> dict[str, Any]:
    """createWebhook that must succeed: {secret, webhook}."""
    data = await gql.data(CREATE, {"input": {"url": url, "events": events or ["run.finished"],
                                             **more}}, caller)
    result: dict[str, Any] = data["createWebhook"]
    assert result["__typename"] == "CreateWebhookSuccess", result
    return result


async def drain(redis_dsn: str, settings: Settings, policy: RetryPolicy = QUICK) -> None:
    """A real arq worker in burst mode with the webhook job: runs every queued (and every
    deferred-then-due) job, then returns."""
    redis = await create_pool(RedisSettings.from_dsn(redis_dsn), default_queue_name=QUEUE,
                              job_serializer=serialize, job_deserializer=deserialize)
    worker = Worker(functions=jobs.functions(), queue_name=QUEUE, redis_pool=redis,
                    burst=True, poll_delay=0.02, job_serializer=serialize,
                    job_deserializer=deserialize, handle_signals=False, max_jobs=5,
                    ctx={jobs.SETTINGS: settings, POLICY: policy})
    try:
        await worker.main()
    finally:
        await redis.aclose()


async def deliveries(org_id: uuid.UUID) -> list[WebhookDelivery]:
    """The organization's deliveries, oldest first."""
    async with tenant_transaction(org_id):
        return list(await WebhookDelivery.all().order_by("id"))


async def endpoints(org_id: uuid.UUID) -> list[WebhookEndpoint]:
    async with tenant_transaction(org_id):
        return list(await WebhookEndpoint.all().order_by("id"))
