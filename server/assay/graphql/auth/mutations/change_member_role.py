"""changeMemberRole: only an owner grants or takes away OWNER; the last owner stays one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.auth.member_types import MemberType, member_types
from assay.graphql.auth.types import Role
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.identity import members


@strawberry.type
class ChangeMemberRoleSuccess:
    member: MemberType


ChangeMemberRoleResult = Annotated[
    ChangeMemberRoleSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("ChangeMemberRoleResult"),
]


@strawberry.type
class ChangeMemberRoleMutation:
    @guarded_mutation(Permission.MEMBER_MANAGE,
                      description="Give a member another role; it applies from their next "
                                  "request.")
    @returns_errors
    async def change_member_role(
        self, info: strawberry.Info, member_id: strawberry.ID,
        role: Role,  # type: ignore[valid-type]
    ) -> ChangeMemberRoleResult:
        membership = await members.change_role(
            info.context.principal, expect_id(member_id, "Member", "memberId"), role)
        built = await member_types([membership])
        return ChangeMemberRoleSuccess(member=built[membership.id])
