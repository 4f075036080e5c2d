"""The ScimToken type: a token an identity provider provisions the organization with."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.loaders import by_id
from assay.graphql.node import register_node
from assay.graphql.relay import Node, encode_id
from assay.scim.models import ScimToken


@strawberry.type(
    name="ScimToken",
    description="A bearer token for /scim/v2 of this organization. Its secret is never shown "
                "again.",
)
class ScimTokenType(Node):
    name: str
    prefix: str = strawberry.field(description="The start of the token, to recognise it.")
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None = strawberry.field(
        description="Its last request (written at most hourly)."
    )

    @classmethod
    def from_model(cls, row: ScimToken) -> ScimTokenType:
        return cls(
            id=strawberry.ID(encode_id("ScimToken", row.id)),
            name=row.name,
            prefix=row.prefix,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
        )


async def scim_tokens_by_id(keys: list[uuid.UUID]) -> list[ScimToken | None]:
    return by_id(await ScimToken.filter(id__in=keys), keys)


register_node("ScimToken", permission=Permission.SCIM_MANAGE, load=scim_tokens_by_id,
              to_type=ScimTokenType.from_model)
