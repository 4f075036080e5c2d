"""redeliverWebhook."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.extensions import after_commit
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.webhooks.types import WebhookDeliveryType
from assay.webhooks import queue, service


@strawberry.type
class RedeliverWebhookSuccess:
    delivery: WebhookDeliveryType = strawberry.field(
        description="The delivery now queued: a new one of the same event (same event id), "
        "or the pending one itself when its job had been lost.")


RedeliverWebhookResult = Annotated[
    RedeliverWebhookSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RedeliverWebhookResult"),
]


@strawberry.type
class RedeliverWebhookMutation:
    @guarded_mutation(Permission.WEBHOOK_MANAGE,
                      description="Send a delivery's event to its webhook again, now (e.g. a "
                      "FAILED one once the receiver is fixed). Refused while it is still "
                      "being retried (DELIVERY_PENDING) or the webhook is inactive.")
    @returns_errors
    async def redeliver_webhook(self, info: strawberry.Info, delivery_id: strawberry.ID
                                ) -> RedeliverWebhookResult:
        settings = info.context.settings
        row = await service.redeliver(
            expect_id(delivery_id, "WebhookDelivery", "deliveryId"), settings)
        org_id, delivery_pk = row.organization_id, row.id

        async def send() -> None:
            await queue.enqueue_quietly(org_id, [delivery_pk], settings=settings)

        after_commit(info.context, send)
        return RedeliverWebhookSuccess(delivery=WebhookDeliveryType.from_model(row))
