"""SCIM Groups of the organization in scope, and the access they give their members.

A group's members are SCIM Users of the same organization (``members[].value`` is the
User's id). Assay's extension ``urn:assay:params:scim:schemas:extension:2.0:Group`` holds
the ``role`` the group gives (ADMIN, MEMBER or VIEWER; MEMBER when absent) and the
``projectIds`` it narrows its members to (none = every project). Any change of members,
role or projects recomputes the access of the members concerned (``assay.scim.access``).
displayName is unique in the organization, case-insensitively.

Every change writes one audit event (``scim.group.create|update|delete``) targeting the
group, plus one ``scim.member.access_change`` per member whose access changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import F

from assay.audit import service as audit
from assay.ids import encode_id
from assay.projects.models import Project
from assay.scim import access, urns
from assay.scim.attributes import GROUP, canonical_document
from assay.scim.errors import invalid_value, not_found, uniqueness
from assay.scim.models import ScimGroup, ScimGroupMember, ScimUser
from assay.scim.patching import Operation, apply_operations
from assay.scim.render import Site, meta
from assay.scim.values import GroupValues, read_group


async def find(resource_id: str, *, lock: bool = False) -> ScimGroup:
    """The group with this id in this organization (locked for an update), or 404."""
    try:
        pk = uuid.UUID(resource_id)
    except ValueError:
        raise not_found("Group") from None
    query = ScimGroup.select_for_update() if lock else ScimGroup.all()
    row = await query.get_or_none(id=pk)
    if row is None:
        raise not_found("Group")
    return row


async def members_of(group_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ScimUser]]:
    """The SCIM users in each group (two queries, however many groups)."""
    found: dict[uuid.UUID, list[ScimUser]] = {g: [] for g in group_ids}
    links = await ScimGroupMember.filter(group_id__in=group_ids) if group_ids else []
    if not links:
        return found
    users = {u.membership_id: u for u in await ScimUser.filter(
        membership_id__in={link.membership_id for link in links})}
    for link in links:
        found[link.group_id].append(users[link.membership_id])
    return found


def document(row: ScimGroup, members: list[ScimUser]) -> dict[str, Any]:
    found: dict[str, Any] = {"displayName": row.display_name}
    if row.external_id is not None:
        found["externalId"] = row.external_id
    found["members"] = [{"value": str(u.id)} for u in members]
    found[urns.ASSAY_GROUP] = {"role": row.role.value,
                               "projectIds": [encode_id("Project", uuid.UUID(p))
                                              for p in row.project_ids]}
    return found


def resource(row: ScimGroup, members: list[ScimUser] | None, site: Site) -> dict[str, Any]:
    """The Group resource; ``members`` None leaves them out (``excludedAttributes=members``)."""
    found = {"schemas": [urns.GROUP, urns.ASSAY_GROUP], "id": str(row.id),
             **document(row, members or [])}
    if members is None:
        del found["members"]
    else:
        found["members"] = [{"value": str(u.id), "display": u.user_name,
                             "$ref": site.location("Users", u.id), "type": "User"}
                            for u in sorted(members, key=lambda u: u.user_name_key)]
    found["meta"] = meta("Group", site.location("Groups", row.id), created=row.created_at,
                         modified=row.updated_at, version=row.version)
    return found


async def resources(rows: list[ScimGroup], site: Site, *, with_members: bool
                    ) -> list[dict[str, Any]]:
    members = await members_of([row.id for row in rows]) if with_members else {}
    return [resource(row, members[row.id] if with_members else None, site) for row in rows]


async def _check_display_name(name: str, other_than: uuid.UUID | None = None) -> None:
    taken = ScimGroup.filter(display_name__iexact=name)
    if other_than is not None:
        taken = taken.exclude(id=other_than)
    if await taken.exists():
        raise uniqueness(f"a group named {name!r} already exists in this organization: "
                         f"choose another name, or find it with filter=displayName eq \"{name}\"")


async def _check_projects(project_ids: list[uuid.UUID]) -> None:
    if not project_ids:
        return
    found = {p.id for p in await Project.filter(id__in=project_ids).only("id")}
    missing = [encode_id("Project", p) for p in project_ids if p not in found]
    if missing:
        raise invalid_value(f"{urns.ASSAY_GROUP}:projectIds: no project {missing[0]} in this "
                            "organization: give ids of its projects")


async def _resolve_members(member_ids: list[str]) -> list[ScimUser]:
    """The SCIM users the ids name, in order; an id of no user of this organization is
    refused (another organization's users are unknown here)."""
    pks: list[uuid.UUID] = []
    for value in member_ids:
        try:
            pks.append(uuid.UUID(value))
        except ValueError:
            raise _no_such_member(value) from None
    users = {u.id: u for u in await ScimUser.filter(id__in=pks)} if pks else {}
    missing = next((str(pk) for pk in pks if pk not in users), None)
    if missing is not None:
        raise _no_such_member(missing)
    return [users[pk] for pk in pks]


def _no_such_member(value: str) -> Exception:
    return invalid_value(f"members: no User with id {value!r} in this organization: create "
                         "users with POST /Users first, and add them by their id")


async def _link(row: ScimGroup, users: list[ScimUser]) -> None:
    if users:
        await ScimGroupMember.bulk_create(
            [ScimGroupMember(group_id=row.id, membership_id=u.membership_id) for u in users])


async def _touch(users: Collection[ScimUser]) -> None:
    """A user's ``groups`` changed: their resource has a new version."""
    if users:
        await ScimUser.filter(id__in=[u.id for u in users]).update(
            version=F("version") + 1, updated_at=datetime.now(UTC))


async def create(body: dict[str, Any]) -> ScimGroup:
    values = read_group(canonical_document(body, GROUP))
    await _check_display_name(values.display_name)
    await _check_projects(values.project_ids)
    members = await _resolve_members(values.member_ids)
    row = await ScimGroup.create(display_name=values.display_name,
                                 external_id=values.external_id, role=values.role,
                                 project_ids=[str(p) for p in values.project_ids])
    await _link(row, members)
    await audit.record("scim.group.create", target_type="ScimGroup", target_id=row.id,
                       details={"display_name": row.display_name, "role": row.role.value,
                                "project_ids": row.project_ids,
                                "members": [str(u.id) for u in members]})
    await access.apply([u.membership_id for u in members])
    await _touch(members)
    return row


async def replace(row: ScimGroup, body: dict[str, Any]) -> ScimGroup:
    return await _update(row, read_group(canonical_document(body, GROUP)))


async def patch(row: ScimGroup, operations: list[Operation]) -> ScimGroup:
    current = (await members_of([row.id]))[row.id]
    patched = apply_operations(document(row, current), operations, GROUP)
    return await _update(row, read_group(patched), current)


def _changed(row: ScimGroup, values: GroupValues) -> list[str]:
    wanted = {"displayName": (row.display_name, values.display_name),
              "externalId": (row.external_id, values.external_id),
              "role": (row.role, values.role),
              "projectIds": (row.project_ids, [str(p) for p in values.project_ids])}
    return [name for name, (before, after) in wanted.items() if before != after]


async def _update(row: ScimGroup, values: GroupValues,
                  current: list[ScimUser] | None = None) -> ScimGroup:
    before = current if current is not None else (await members_of([row.id]))[row.id]
    changed = _changed(row, values)
    if "displayName" in changed:
        await _check_display_name(values.display_name, row.id)
    if "projectIds" in changed:
        await _check_projects(values.project_ids)
    after = await _resolve_members(values.member_ids)
    added = [u for u in after if u.id not in {b.id for b in before}]
    removed = [u for u in before if u.id not in {a.id for a in after}]
    if not changed and not added and not removed:
        return row
    row.display_name, row.external_id, row.role = (values.display_name, values.external_id,
                                                   values.role)
    row.project_ids = [str(p) for p in values.project_ids]
    row.version += 1
    await row.save()
    if removed:
        await ScimGroupMember.filter(
            group_id=row.id, membership_id__in=[u.membership_id for u in removed]).delete()
    await _link(row, added)
    await audit.record("scim.group.update", target_type="ScimGroup", target_id=row.id,
                       details={"changed": changed, "members_added": [str(u.id) for u in added],
                                "members_removed": [str(u.id) for u in removed]})
    concerned = [*before, *added] if {"role", "projectIds"} & set(changed) else added + removed
    await access.apply([u.membership_id for u in concerned])
    await _touch(added + removed)
    return row


async def delete(row: ScimGroup) -> None:
    members = (await members_of([row.id]))[row.id]
    await row.delete()  # its member links go with it
    await audit.record("scim.group.delete", target_type="ScimGroup", target_id=row.id,
                       details={"display_name": row.display_name,
                                "members": [str(u.id) for u in members]})
    await access.apply([u.membership_id for u in members])
    await _touch(members)
