"""acceptInvitation: the invited person joins the organization with the invited role."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import origin
from assay.graphql.auth.types import Role
from assay.graphql.errors import ConflictError, returns_errors
from assay.graphql.permissions import public_field
from assay.graphql.relay import encode_id
from assay.identity import invitations


@strawberry.type
class AcceptInvitationSuccess:
    org_id: strawberry.ID = strawberry.field(
        name="organizationId",
        description="Send it as X-Assay-Organization to act in the organization joined.")
    role: Role  # type: ignore[valid-type]


AcceptInvitationResult = Annotated[
    AcceptInvitationSuccess | ConflictError, strawberry.union("AcceptInvitationResult")
]


@strawberry.type
class AcceptInvitationMutation:
    @public_field(
        "the mailed token (256 random bits, single use, expiring) is the credential; a "
        "signed-in caller must be the invited, verified address, and without a session it "
        "joins only the existing verified account of that address; no session is issued",
        description="Join the organization an invitation is for. Signed in: as the invited "
                    "address. Not signed in: the account with that address joins.",
    )
    @returns_errors
    async def accept_invitation(self, info: strawberry.Info, token: str
                                ) -> AcceptInvitationResult:
        membership, org_id = await invitations.accept(token, info.context.principal,
                                                      origin(info))
        return AcceptInvitationSuccess(
            org_id=strawberry.ID(encode_id("Organization", org_id)),
            role=membership.role)
