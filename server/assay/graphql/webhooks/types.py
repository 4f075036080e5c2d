"""Webhook endpoints (never their secrets) and their deliveries."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.graphql.node import register_node
from assay.graphql.relay import Node, encode_id
from assay.graphql.webhooks import loaders
from assay.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

DeliveryStatusEnum = strawberry.enum(
    DeliveryStatus, name="WebhookDeliveryStatus",
    description="PENDING: not sent yet or being retried (see nextAttemptAt); SUCCEEDED: the "
    "endpoint answered 2xx; FAILED: every attempt failed, or the target is refused.")


@strawberry.type(name="Webhook", description="An endpoint the organization's events are "
                 "posted to, signed with its secret (shown once, when made or rotated). Each "
                 "request carries Assay-Webhook-Id (the event id), Assay-Webhook-Timestamp "
                 "(unix seconds) and Assay-Webhook-Signature: v1=<hex HMAC-SHA256 of "
                 "\"<timestamp>.<raw body>\" under the secret>.")
class WebhookType(Node):
    url: str
    events: list[str] = strawberry.field(description="The event types it receives: "
                                         "run.finished, evaluation.finished, "
                                         "comparison.regression.")
    description: str
    active: bool = strawberry.field(description="An inactive webhook receives nothing new.")
    secret_hint: str = strawberry.field(description="A reminder of the signing secret such "
                                        "as …a1b2 (its last four characters).")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, row: WebhookEndpoint) -> WebhookType:
        return cls(id=strawberry.ID(encode_id("Webhook", row.id)), url=row.url,
                   events=list(row.events or []), description=row.description,
                   active=row.active, secret_hint=row.secret_hint, created_at=row.created_at,
                   updated_at=row.updated_at)


@strawberry.type(name="WebhookDelivery", description="One event sent (or being sent) to one "
                 "webhook, and how its attempts went.")
class WebhookDeliveryType(Node):
    event_id: str = strawberry.field(description="The event's id, sent as Assay-Webhook-Id: "
                                     "the same for every endpoint and every redelivery.")
    event_type: str
    status: DeliveryStatusEnum  # type: ignore[valid-type]
    attempts: int
    last_status_code: int | None = strawberry.field(
        description="The HTTP status of the last attempt; null when nothing answered.")
    last_error: str | None = strawberry.field(description="Why the last attempt failed.")
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next attempt is due (PENDING only).")
    delivered_at: datetime | None
    created_at: datetime
    payload: JSON = strawberry.field(description="The JSON document posted: id, type, "
                                     "created_at and data.")
    redelivery_of_id: strawberry.ID | None = strawberry.field(
        description="The delivery this one sends again (redeliverWebhook).")
    endpoint_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The webhook it is sent to.")  # type: ignore[untyped-decorator]
    async def webhook(self, info: strawberry.Info) -> WebhookType | None:
        row = await info.context.loaders.load(loaders.endpoints_by_id, self.endpoint_pk)
        return WebhookType.from_model(row) if row is not None else None

    @classmethod
    def from_model(cls, row: WebhookDelivery) -> WebhookDeliveryType:
        previous = row.redelivery_of_id
        payload: Any = row.payload
        return cls(id=strawberry.ID(encode_id("WebhookDelivery", row.id)),
                   event_id=str(row.event_id), event_type=row.event_type,
                   status=row.status, attempts=row.attempts,
                   last_status_code=row.last_status_code, last_error=row.last_error or None,
                   last_attempt_at=row.last_attempt_at, next_attempt_at=row.next_attempt_at,
                   delivered_at=row.delivered_at, created_at=row.created_at, payload=payload,
                   redelivery_of_id=strawberry.ID(encode_id("WebhookDelivery", previous))
                   if previous is not None else None,
                   endpoint_pk=row.endpoint_id)


register_node("Webhook", permission=Permission.WEBHOOK_READ, load=loaders.endpoints_by_id,
              to_type=WebhookType.from_model)
register_node("WebhookDelivery", permission=Permission.WEBHOOK_READ,
              load=loaders.deliveries_by_id, to_type=WebhookDeliveryType.from_model)
