"""revokeInvitation: withdraw an invitation before it is accepted."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.auth.member_types import InvitationType, invitation_types
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.identity import invitations


@strawberry.type
class RevokeInvitationSuccess:
    invitation: InvitationType


RevokeInvitationResult = Annotated[
    RevokeInvitationSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RevokeInvitationResult"),
]


@strawberry.type
class RevokeInvitationMutation:
    @guarded_mutation(Permission.MEMBER_MANAGE,
                      description="Withdraw a pending invitation; its link stops working.")
    @returns_errors
    async def revoke_invitation(self, info: strawberry.Info, invitation_id: strawberry.ID
                                ) -> RevokeInvitationResult:
        invitation = await invitations.revoke(
            info.context.principal, expect_id(invitation_id, "Invitation", "invitationId"))
        built = await invitation_types([invitation])
        return RevokeInvitationSuccess(invitation=built[invitation.id])
