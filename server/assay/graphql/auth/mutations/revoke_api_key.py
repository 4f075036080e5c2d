"""revokeApiKey."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth import api_keys
from assay.auth.permissions import Permission
from assay.graphql.auth.types import ApiKeyType
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.type
class RevokeApiKeySuccess:
    api_key: ApiKeyType


RevokeApiKeyResult = Annotated[
    RevokeApiKeySuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RevokeApiKeyResult"),
]


@strawberry.type
class RevokeApiKeyMutation:
    @guarded_mutation(Permission.APIKEY_REVOKE, description="Revoke an API key at once.")
    @returns_errors
    async def revoke_api_key(self, id: strawberry.ID) -> RevokeApiKeyResult:
        key = await api_keys.revoke(expect_id(id, "ApiKey", "id"))
        return RevokeApiKeySuccess(api_key=ApiKeyType.from_model(key))
