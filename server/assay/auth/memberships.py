"""A person's memberships across organizations, read before any organization is chosen.

Row-level security lets a user transaction read the user's own membership rows (policy
``own_rows_readable``); nothing else of any organization is visible here.
"""

from __future__ import annotations

import uuid

from assay.db.transactions import user_transaction
from assay.organizations.models import Membership


async def memberships_of(user_id: uuid.UUID) -> list[Membership]:
    async with user_transaction(user_id):
        return list(await Membership.unscoped.filter(user_id=user_id).order_by("created_at"))


async def organization_ids(user_id: uuid.UUID) -> list[uuid.UUID]:
    return [m.organization_id for m in await memberships_of(user_id)]
