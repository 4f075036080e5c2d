"""members and invitations: who belongs to the organization, and who is invited."""

from __future__ import annotations

from typing import TypeVar

import strawberry
from tortoise.models import Model
from tortoise.queryset import QuerySet

from assay.auth.permissions import Permission
from assay.graphql.auth.member_types import (
    InvitationType,
    MemberType,
    invitation_types,
    member_types,
)
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, PageRequest, connection_from_rows
from assay.identity import invitations
from assay.organizations.models import Membership

M = TypeVar("M", bound=Model)


async def _page(queryset: QuerySet[M], page: PageRequest) -> list[M]:
    """Up to ``page.size + 1`` rows after the cursor, by id (the extra one says more)."""
    if page.after is not None:
        queryset = queryset.filter(id__gt=page.after)
    return list(await queryset.order_by("id").limit(page.size + 1))


@strawberry.type
class MemberQuery:
    @guarded_field(Permission.MEMBER_READ,
                   description="The organization's members, longest-standing first.")
    async def members(self, first: int | None = None, after: str | None = None
                      ) -> Connection[MemberType]:
        page = PageRequest.of(first, after)
        rows = await _page(Membership.all(), page)
        built = await member_types(rows[: page.size])
        return connection_from_rows(rows, lambda row: built[row.id], page,
                                    Membership.all().count)

    @guarded_field(Permission.MEMBER_MANAGE,
                   description="Invitations that can still be accepted, oldest first.")
    async def invitations(self, first: int | None = None, after: str | None = None
                          ) -> Connection[InvitationType]:
        page = PageRequest.of(first, after)
        rows = await _page(invitations.pending(), page)
        built = await invitation_types(rows[: page.size])
        return connection_from_rows(rows, lambda row: built[row.id], page,
                                    invitations.pending().count)
