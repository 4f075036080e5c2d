"""updateWebhook."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.webhooks.inputs import UpdateWebhookInput
from assay.graphql.webhooks.types import WebhookType
from assay.webhooks import service


@strawberry.type
class UpdateWebhookSuccess:
    webhook: WebhookType


UpdateWebhookResult = Annotated[
    UpdateWebhookSuccess | ValidationError | NotFoundError,
    strawberry.union("UpdateWebhookResult"),
]


@strawberry.type
class UpdateWebhookMutation:
    @guarded_mutation(Permission.WEBHOOK_MANAGE,
                      description="Change a webhook's URL, events, description, or pause it "
                      "(active: false). The secret stays: rotateWebhookSecret changes it.")
    @returns_errors
    async def update_webhook(self, info: strawberry.Info, input: UpdateWebhookInput
                             ) -> UpdateWebhookResult:
        row = await service.update_endpoint(expect_id(input.id, "Webhook", "input.id"),
                                            input.to_changes(), info.context.settings)
        return UpdateWebhookSuccess(webhook=WebhookType.from_model(row))
