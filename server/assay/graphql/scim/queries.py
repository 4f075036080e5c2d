"""scimTokens."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, paginate
from assay.graphql.scim.types import ScimTokenType
from assay.scim.models import ScimToken


@strawberry.type
class ScimQuery:
    @guarded_field(Permission.SCIM_MANAGE,
                   description="The organization's SCIM tokens, revoked and expired included.")
    async def scim_tokens(
        self, first: int | None = None, after: str | None = None
    ) -> Connection[ScimTokenType]:
        return await paginate(ScimToken.all(), ScimTokenType.from_model, first=first,
                              after=after)
