"""removeMember: the person loses this organization at their next request."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import encode_id, expect_id
from assay.identity import members


@strawberry.type
class RemoveMemberSuccess:
    removed_member_id: strawberry.ID
    api_keys_revoked: int = strawberry.field(
        description="Their API keys in this organization, revoked with the membership.")
    sessions_revoked: int = strawberry.field(
        description="Their sessions, revoked because they belong to no organization now.")


RemoveMemberResult = Annotated[
    RemoveMemberSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RemoveMemberResult"),
]


@strawberry.type
class RemoveMemberMutation:
    @guarded_mutation(
        Permission.MEMBER_MANAGE,
        description="Remove a member (yourself included, unless you are the last owner). "
                    "Only an owner removes an owner.")
    @returns_errors
    async def remove_member(self, info: strawberry.Info, member_id: strawberry.ID
                            ) -> RemoveMemberResult:
        removed = await members.remove(info.context.principal,
                                       expect_id(member_id, "Member", "memberId"))
        return RemoveMemberSuccess(
            removed_member_id=strawberry.ID(encode_id("Member", removed.membership_id)),
            api_keys_revoked=removed.api_keys_revoked,
            sessions_revoked=removed.sessions_revoked)
