"""createWebhook."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.webhooks.inputs import CreateWebhookInput
from assay.graphql.webhooks.types import WebhookType
from assay.webhooks import service


@strawberry.type
class CreateWebhookSuccess:
    webhook: WebhookType
    secret: str = strawberry.field(description="The signing secret, shown this once: store "
                                   "it in the receiver. Lost? rotateWebhookSecret.")


CreateWebhookResult = Annotated[
    CreateWebhookSuccess | ValidationError | ConflictError,
    strawberry.union("CreateWebhookResult"),
]


@strawberry.type
class CreateWebhookMutation:
    @guarded_mutation(Permission.WEBHOOK_MANAGE,
                      description="Register an endpoint for the organization's events. Its "
                      "signing secret is made by Assay, returned this once, and sealed.")
    @returns_errors
    async def create_webhook(self, info: strawberry.Info, input: CreateWebhookInput
                             ) -> CreateWebhookResult:
        row, secret = await service.create_endpoint(input.to_spec(), info.context.settings)
        return CreateWebhookSuccess(webhook=WebhookType.from_model(row), secret=secret)
