"""inviteMember: mail someone a single-use link to join with a role (and some projects)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.auth.member_types import InvitationType, invitation_types
from assay.graphql.auth.types import Role
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.identity import invitations


@strawberry.type
class InviteMemberSuccess:
    invitation: InvitationType


InviteMemberResult = Annotated[
    InviteMemberSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("InviteMemberResult"),
]


@strawberry.type
class InviteMemberMutation:
    @guarded_mutation(
        Permission.MEMBER_MANAGE,
        description="Invite someone by email. Only an owner invites an OWNER; projectIds "
                    "narrows the membership to those projects (left out: every project).")
    @returns_errors
    async def invite_member(
        self, info: strawberry.Info, email: str, role: Role,  # type: ignore[valid-type]
        project_ids: list[strawberry.ID] | None = None,
    ) -> InviteMemberResult:
        pks = None if project_ids is None else [
            expect_id(pid, "Project", "projectIds") for pid in project_ids]
        invitation = await invitations.invite(
            info.context.settings, info.context.principal, email=email, role=role,
            project_ids=pks)
        built = await invitation_types([invitation])
        return InviteMemberSuccess(invitation=built[invitation.id])
