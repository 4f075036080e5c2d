"""Members of the organization in scope: changing roles and removing people.

Rules, checked with the organization's row locked so two requests cannot both pass them
(and against the caller's role as read under that lock, not as the request began):

- only an OWNER grants the OWNER role or changes or removes an owner;
- the last owner can be neither demoted nor removed (nor remove themselves);
- a member narrowed to some projects manages only members narrowed within those projects.

Removing a member takes effect on their next request: sessions and API keys resolve the
membership on every request, so a removed person's session no longer reaches this
organization and their API keys for it stop working (they are revoked too, so a later
re-invitation does not bring them back). A person left with no organization has all their
sessions revoked at once; one who still belongs to other organizations keeps their
sessions for those (an organization's admins cannot sign a person out of another one).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from assay.audit import service as audit
from assay.auth.memberships import organization_ids
from assay.auth.models import ApiKey, Session
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound
from assay.organizations.models import Membership, MembershipProject, Organization, Role
from assay.tenancy.scope import require_org

OWNER_ROLE_REQUIRED = "OWNER_ROLE_REQUIRED"
LAST_OWNER = "LAST_OWNER"
OUTSIDE_YOUR_PROJECTS = "OUTSIDE_YOUR_PROJECTS"
NOT_A_MEMBER = "NOT_A_MEMBER"


def owner_required() -> Conflict:
    return Conflict("only an owner grants the OWNER role or changes or removes an owner: "
                    "ask one of the organization's owners", OWNER_ROLE_REQUIRED)


def check_grant(caller_role: Role, role: Role) -> None:
    """Refuse to hand out OWNER unless the caller is an owner."""
    if role is Role.OWNER and caller_role is not Role.OWNER:
        raise owner_required()


async def lock_organization(principal: Principal) -> Role:
    """Serialise member changes of the organization in scope (until the transaction ends),
    and return the caller's role as of now: a change made by a request that held the lock
    just before applies to this one already."""
    await Organization.select_for_update().get(id=require_org())
    mine = await Membership.get_or_none(user_id=principal.user_id)
    if mine is None:
        raise Conflict("you are no longer a member of this organization", NOT_A_MEMBER)
    return mine.role


async def get_member(membership_id: uuid.UUID) -> Membership:
    membership = await Membership.get_or_none(id=membership_id)
    if membership is None:
        raise NotFound("Member", membership_id)
    return membership


async def project_ids_of(membership_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The projects each narrowed membership reaches (one query)."""
    found: dict[uuid.UUID, list[uuid.UUID]] = {m: [] for m in membership_ids}
    if membership_ids:
        for row in await MembershipProject.filter(membership_id__in=membership_ids):
            found[row.membership_id].append(row.project_id)
    return found


async def _check_reach(principal: Principal, membership: Membership) -> None:
    if principal.project_ids is None:
        return
    theirs = (await project_ids_of([membership.id]))[membership.id]
    if not membership.narrowed or not set(theirs) <= principal.project_ids:
        raise Conflict("this member reaches projects you do not: ask an admin who reaches "
                       "every project", OUTSIDE_YOUR_PROJECTS)


async def _keep_an_owner(membership: Membership) -> None:
    others = await Membership.filter(role=Role.OWNER).exclude(id=membership.id).count()
    if others == 0:
        raise Conflict("this is the organization's last owner: make another member OWNER "
                       "first", LAST_OWNER)


async def change_role(principal: Principal, membership_id: uuid.UUID, role: Role) -> Membership:
    caller_role = await lock_organization(principal)
    membership = await get_member(membership_id)
    if membership.role is role:
        return membership
    if Role.OWNER in (membership.role, role) and caller_role is not Role.OWNER:
        raise owner_required()
    await _check_reach(principal, membership)
    if membership.role is Role.OWNER:
        await _keep_an_owner(membership)
    previous = membership.role
    membership.role = role
    await membership.save(update_fields=["role"])
    await audit.record("member.role_change", target_type="Member", target_id=membership.id,
                       details={"user_id": str(membership.user_id), "from": previous.value,
                                "to": role.value})
    return membership


@dataclass(frozen=True)
class Removed:
    membership_id: uuid.UUID
    user_id: uuid.UUID
    api_keys_revoked: int
    sessions_revoked: int


async def remove(principal: Principal, membership_id: uuid.UUID) -> Removed:
    caller_role = await lock_organization(principal)
    membership = await get_member(membership_id)
    if membership.role is Role.OWNER:
        if caller_role is not Role.OWNER:
            raise owner_required()
        await _keep_an_owner(membership)
    await _check_reach(principal, membership)
    await membership.delete()
    now = datetime.now(UTC)
    # Every project's keys, whatever projects the remover reaches.
    async with tenant_transaction(require_org(), user_id=principal.user_id):
        keys = await ApiKey.filter(created_by_id=membership.user_id, revoked_at=None).update(
            revoked_at=now)
    sessions = 0
    if not await organization_ids(membership.user_id):
        sessions = await Session.filter(user_id=membership.user_id, revoked_at=None).update(
            revoked_at=now)
    await audit.record("member.remove", target_type="Member", target_id=membership.id, details={
        "user_id": str(membership.user_id), "role": membership.role.value,
        "api_keys_revoked": keys, "sessions_revoked": sessions})
    return Removed(membership.id, membership.user_id, keys, sessions)
