"""createApiKey: the secret is in the result once, and never again."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from assay.auth import api_keys
from assay.auth.permissions import Permission
from assay.graphql.auth.types import ApiKeyScope, ApiKeyType
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.input
class CreateApiKeyInput:
    project_id: strawberry.ID
    name: str
    scope: ApiKeyScope  # type: ignore[valid-type]
    expires_at: datetime = strawberry.field(description="Between 1 day and 12 months from now.")


@strawberry.type
class CreateApiKeySuccess:
    api_key: ApiKeyType
    secret: str = strawberry.field(
        description="The key itself. Store it now: it is not shown again."
    )


CreateApiKeyResult = Annotated[
    CreateApiKeySuccess | ValidationError | NotFoundError, strawberry.union("CreateApiKeyResult")
]


@strawberry.type
class CreateApiKeyMutation:
    @guarded_mutation(Permission.APIKEY_CREATE, description="Mint an API key for one project.")
    @returns_errors
    async def create_api_key(
        self, info: strawberry.Info, input: CreateApiKeyInput
    ) -> CreateApiKeyResult:
        minted = await api_keys.mint(
            project_id=expect_id(input.project_id, "Project", "projectId"),
            name=input.name,
            scope=input.scope,
            expires_at=input.expires_at,
            created_by=info.context.principal.user_id,
        )
        api_key = ApiKeyType.from_model(minted.key)
        return CreateApiKeySuccess(api_key=api_key, secret=minted.plaintext)
