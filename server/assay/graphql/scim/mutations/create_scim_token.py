"""createScimToken: the secret is in the result once, and never again."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.scim.types import ScimTokenType
from assay.scim import tokens
from assay.scim.render import Site


@strawberry.input
class CreateScimTokenInput:
    name: str = strawberry.field(description="What uses it, e.g. Okta.")
    expires_at: datetime = strawberry.field(description="Between 1 day and 2 years from now.")


@strawberry.type
class CreateScimTokenSuccess:
    scim_token: ScimTokenType
    secret: str = strawberry.field(
        description="The token itself, for the identity provider. Store it now: it is not "
                    "shown again."
    )
    base_url: str = strawberry.field(description="The SCIM endpoint to give the provider.")


CreateScimTokenResult = Annotated[
    CreateScimTokenSuccess | ValidationError, strawberry.union("CreateScimTokenResult")
]


@strawberry.type
class CreateScimTokenMutation:
    @guarded_mutation(Permission.SCIM_MANAGE,
                      description="Mint a token for the organization's identity provider.")
    @returns_errors
    async def create_scim_token(
        self, info: strawberry.Info, input: CreateScimTokenInput
    ) -> CreateScimTokenResult:
        minted = await tokens.mint(name=input.name, expires_at=input.expires_at,
                                   created_by=info.context.principal.user_id)
        return CreateScimTokenSuccess(scim_token=ScimTokenType.from_model(minted.token),
                                      secret=minted.plaintext,
                                      base_url=Site.of(info.context.settings.public_url).base)
