"""The role and projects a SCIM-managed member gets from their groups.

A membership has one role for every project it reaches, so groups combine like this:

- **Role**: the strongest role among the member's groups (ADMIN > MEMBER > VIEWER); a member
  in no group gets :data:`DEFAULT_ROLE` (MEMBER, the just-in-time default) and every
  project. A group never gives OWNER.
- **Projects**: the union of the projects of the groups that give that strongest role; if
  any of those groups is not narrowed, every project. Groups with a weaker role never widen
  the reach of the strongest one: "ADMIN of project P" plus "VIEWER of everything" is ADMIN
  of P only, not ADMIN of everything (the single role would otherwise apply to projects no
  group made the person an admin of).
- **Owners** are left alone: SCIM neither grants, changes nor removes the OWNER role (the
  break-glass access of the organization), whatever their groups say.

The identity provider is the source of truth for the members it manages: linking a member,
or changing their groups or a group's role or projects, recomputes the member's access
(a role set by hand in Assay lasts until then). Each change is audited as
``scim.member.access_change``.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from assay.audit import service as audit
from assay.organizations.models import Membership, MembershipProject, Role
from assay.projects.models import Project
from assay.scim.models import ScimGroup, ScimGroupMember

#: The role of a managed member in no group.
DEFAULT_ROLE = Role.MEMBER
#: Roles a group may give, weakest first.
GROUP_ROLES = (Role.VIEWER, Role.MEMBER, Role.ADMIN)


@dataclass(frozen=True)
class Access:
    role: Role
    #: None = every project of the organization.
    project_ids: frozenset[uuid.UUID] | None


def derive(groups: Collection[ScimGroup]) -> Access:
    """What ``groups`` give one member together (see the module docstring)."""
    if not groups:
        return Access(DEFAULT_ROLE, None)
    role = max((g.role for g in groups), key=GROUP_ROLES.index)
    strongest = [g for g in groups if g.role is role]
    if any(not g.project_ids for g in strongest):
        return Access(role, None)
    return Access(role, frozenset(uuid.UUID(p) for g in strongest for p in g.project_ids))


async def groups_of(ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ScimGroup]]:
    """The SCIM groups of each membership (two queries, however many memberships)."""
    found: dict[uuid.UUID, list[ScimGroup]] = {m: [] for m in ids}
    links = await ScimGroupMember.filter(membership_id__in=ids) if ids else []
    if not links:
        return found
    groups = {g.id: g for g in await ScimGroup.filter(id__in={link.group_id for link in links})}
    for link in links:
        found[link.membership_id].append(groups[link.group_id])
    return found


async def _narrowing(ids: list[uuid.UUID]) -> dict[uuid.UUID, set[uuid.UUID]]:
    found: dict[uuid.UUID, set[uuid.UUID]] = {m: set() for m in ids}
    for row in await MembershipProject.filter(membership_id__in=ids):
        found[row.membership_id].add(row.project_id)
    return found


async def _existing_projects(ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """The projects of ``ids`` that still exist (a group may name one deleted since)."""
    if not ids:
        return set()
    return {p.id for p in await Project.filter(id__in=sorted(ids)).only("id")}


def _described(role: Role, projects: set[uuid.UUID] | None) -> dict[str, Any]:
    return {"role": role.value,
            "project_ids": None if projects is None else sorted(str(p) for p in projects)}


async def apply(membership_ids: Collection[uuid.UUID]) -> None:
    """Bring each membership's role and narrowing in line with its groups (owners excepted)."""
    ids = sorted(set(membership_ids))
    if not ids:
        return
    memberships = [m for m in await Membership.filter(id__in=ids) if m.role is not Role.OWNER]
    ids = [m.id for m in memberships]
    groups = await groups_of(ids)
    narrowing = await _narrowing(ids)
    wanted = {m.id: derive(groups[m.id]) for m in memberships}
    existing = await _existing_projects(
        {p for access in wanted.values() for p in access.project_ids or ()})
    for membership in memberships:
        access = wanted[membership.id]
        projects = None if access.project_ids is None else set(access.project_ids) & existing
        rows = narrowing[membership.id]
        if (membership.role, rows if membership.narrowed else None) == (access.role, projects):
            continue
        await _change(membership, access.role, rows, projects)


async def _change(membership: Membership, role: Role, rows: set[uuid.UUID],
                  projects: set[uuid.UUID] | None) -> None:
    """Write the new role and narrowing (``rows``: the MembershipProject rows as they are)."""
    previous = _described(membership.role, rows if membership.narrowed else None)
    membership.role = role
    membership.narrowed = projects is not None
    await membership.save(update_fields=["role", "narrowed"])
    keep = projects or set()
    if rows - keep:
        await MembershipProject.filter(membership_id=membership.id,
                                       project_id__in=sorted(rows - keep)).delete()
    for project_id in sorted(keep - rows):
        await MembershipProject.create(membership_id=membership.id, project_id=project_id)
    await audit.record("scim.member.access_change", target_type="Member",
                       target_id=membership.id,
                       details={"user_id": str(membership.user_id), "from": previous,
                                "to": _described(role, projects)})
