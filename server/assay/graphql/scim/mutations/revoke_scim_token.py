"""revokeScimToken: the identity provider's next request with it is refused."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.scim.types import ScimTokenType
from assay.scim import tokens


@strawberry.type
class RevokeScimTokenSuccess:
    scim_token: ScimTokenType


RevokeScimTokenResult = Annotated[
    RevokeScimTokenSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RevokeScimTokenResult"),
]


@strawberry.type
class RevokeScimTokenMutation:
    @guarded_mutation(Permission.SCIM_MANAGE, description="Revoke a SCIM token at once.")
    @returns_errors
    async def revoke_scim_token(self, id: strawberry.ID) -> RevokeScimTokenResult:
        token = await tokens.revoke(expect_id(id, "ScimToken", "id"))
        return RevokeScimTokenSuccess(scim_token=ScimTokenType.from_model(token))
