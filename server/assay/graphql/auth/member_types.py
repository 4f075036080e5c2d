"""Member and Invitation types, built for a whole page at once (one query per relation)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import strawberry

from assay.auth.models import Invitation, User
from assay.graphql.auth.types import Role
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import encode_id
from assay.identity.members import project_ids_of
from assay.organizations.models import Membership


async def _projects(info: strawberry.Info, pks: list[uuid.UUID]) -> list[ProjectType]:
    """The projects the caller can see among ``pks`` (deleted or unreachable ones left out)."""
    rows = await info.context.loaders.get(projects_by_id).load_many(pks)
    return [ProjectType.from_model(row) for row in rows if row is not None]


@strawberry.type(name="Member", description="A person's membership of this organization.")
class MemberType:
    id: strawberry.ID
    email: str
    display_name: str
    role: Role  # type: ignore[valid-type]
    joined_at: datetime
    all_projects: bool = strawberry.field(
        description="True: every project; false: only those in `projects`.")
    project_pks: strawberry.Private[list[uuid.UUID]]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The projects a narrowed member reaches (empty otherwise).")
    async def projects(self, info: strawberry.Info) -> list[ProjectType]:
        return await _projects(info, self.project_pks)


async def _users(ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, User]:
    return {user.id: user for user in await User.filter(id__in=list(set(ids)))} if ids else {}


async def member_types(rows: Sequence[Membership]) -> dict[uuid.UUID, MemberType]:
    """Member types by membership id: two queries, however many rows."""
    users = await _users([row.user_id for row in rows])
    narrowed = await project_ids_of([row.id for row in rows if row.narrowed])
    return {
        row.id: MemberType(
            id=strawberry.ID(encode_id("Member", row.id)),
            email=users[row.user_id].email,
            display_name=users[row.user_id].display_name,
            role=row.role,
            joined_at=row.created_at,
            all_projects=not row.narrowed,
            project_pks=narrowed.get(row.id, []),
        )
        for row in rows
    }


@strawberry.type(name="Invitation", description="An invitation mailed to someone to join.")
class InvitationType:
    id: strawberry.ID
    email: str
    role: Role  # type: ignore[valid-type]
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None
    invited_by: str = strawberry.field(description="The email address of who sent it.")
    all_projects: bool = strawberry.field(
        description="True: every project; false: only those in `projects`.")
    project_pks: strawberry.Private[list[uuid.UUID]]

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The projects the membership will be narrowed to (empty: every one).")
    async def projects(self, info: strawberry.Info) -> list[ProjectType]:
        return await _projects(info, self.project_pks)


async def invitation_types(rows: Sequence[Invitation]) -> dict[uuid.UUID, InvitationType]:
    """Invitation types by id: one query for the inviters, however many rows."""
    users = await _users([row.invited_by_id for row in rows])
    return {
        row.id: InvitationType(
            id=strawberry.ID(encode_id("Invitation", row.id)),
            email=row.email,
            role=row.role,
            created_at=row.created_at,
            expires_at=row.expires_at,
            accepted_at=row.accepted_at,
            revoked_at=row.revoked_at,
            invited_by=users[row.invited_by_id].email,
            all_projects=not row.project_ids,
            project_pks=[uuid.UUID(p) for p in row.project_ids],
        )
        for row in rows
    }
