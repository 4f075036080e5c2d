"""rotateWebhookSecret."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.webhooks.types import WebhookType
from assay.webhooks import service


@strawberry.type
class RotateWebhookSecretSuccess:
    webhook: WebhookType
    secret: str = strawberry.field(description="The new signing secret, shown this once.")


RotateWebhookSecretResult = Annotated[
    RotateWebhookSecretSuccess | ValidationError | NotFoundError,
    strawberry.union("RotateWebhookSecretResult"),
]


@strawberry.type
class RotateWebhookSecretMutation:
    @guarded_mutation(Permission.WEBHOOK_MANAGE,
                      description="Replace a webhook's signing secret (returned this once). "
                      "Every request signed from now on, retries included, uses the new one; "
                      "the old one is gone.")
    @returns_errors
    async def rotate_webhook_secret(self, id: strawberry.ID) -> RotateWebhookSecretResult:
        row, secret = await service.rotate_secret(expect_id(id, "Webhook", "id"))
        return RotateWebhookSecretSuccess(webhook=WebhookType.from_model(row), secret=secret)
