"""deleteWebhook."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import encode_id, expect_id
from assay.webhooks import service


@strawberry.type
class DeleteWebhookSuccess:
    deleted_id: strawberry.ID = strawberry.field(description="The id the webhook had.")


DeleteWebhookResult = Annotated[
    DeleteWebhookSuccess | ValidationError | NotFoundError,
    strawberry.union("DeleteWebhookResult"),
]


@strawberry.type
class DeleteWebhookMutation:
    @guarded_mutation(Permission.WEBHOOK_MANAGE,
                      description="Delete a webhook, its secret and its deliveries; pending "
                      "retries stop.")
    @returns_errors
    async def delete_webhook(self, id: strawberry.ID) -> DeleteWebhookResult:
        row = await service.delete_endpoint(expect_id(id, "Webhook", "id"))
        return DeleteWebhookSuccess(deleted_id=strawberry.ID(encode_id("Webhook", row.id)))
