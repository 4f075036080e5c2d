"""SCIM Users of the organization in scope: its memberships, as its identity provider sees them.

- **Create** finds the person by email (the primary, else work, else first address, else
  an address-shaped userName) or creates them, and gives them a membership with the
  default role; a person who is already a member is linked, not duplicated. userName is
  unique in the organization, case-insensitively (409 ``uniqueness``).
- **Update** (PUT, PATCH) changes only what the organization keeps about the person: the
  SCIM attributes here. The global user (their sign-in email, password, other
  organizations) is never changed by an organization's identity provider.
- **active: false** suspends the membership (``Membership.suspended_at``): the person's
  sessions and API keys stop acting in this organization on their next request, and work
  again on reactivation. A PUT without ``active`` leaves it as it is.
- **Delete** removes the membership from this organization (its SCIM link, groups and
  project narrowing with it) and revokes the API keys the person made in it; the person
  keeps their account, and their sessions end only if no organization is left to them.
- **Owners** can be linked, but neither deactivated nor deleted (403): break-glass access.

Every change writes one audit event (``scim.user.create|update|deactivate|reactivate|
delete``) targeting the membership.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from assay.audit import service as audit
from assay.auth.memberships import organization_ids
from assay.auth.models import ApiKey, Session, User
from assay.organizations.models import Membership, Role
from assay.scim import access, urns
from assay.scim.attributes import USER, canonical_document
from assay.scim.errors import not_found, owner_protected, uniqueness
from assay.scim.models import ScimGroup, ScimUser
from assay.scim.patching import Operation, apply_operations
from assay.scim.render import Site, meta
from assay.scim.values import UserValues, read_user

#: The ScimUser columns a document sets, and the attribute each comes from.
_COLUMNS = {"user_name": "userName", "external_id": "externalId", "given_name": "name",
            "family_name": "name", "formatted_name": "name", "display_name": "displayName",
            "emails": "emails"}


async def find(resource_id: str, *, lock: bool = False) -> ScimUser:
    """The user with this id in this organization (locked for an update), or 404."""
    try:
        pk = uuid.UUID(resource_id)
    except ValueError:
        raise not_found("User") from None
    query = ScimUser.select_for_update() if lock else ScimUser.all()
    row = await query.get_or_none(id=pk)
    if row is None:
        raise not_found("User")
    return row


def document(row: ScimUser) -> dict[str, Any]:
    """The attributes the organization keeps about the person, as SCIM spells them."""
    found: dict[str, Any] = {"userName": row.user_name}
    if row.external_id is not None:
        found["externalId"] = row.external_id
    name = {key: value for key, value in (("givenName", row.given_name),
                                          ("familyName", row.family_name),
                                          ("formatted", row.formatted_name)) if value}
    if name:
        found["name"] = name
    if row.display_name:
        found["displayName"] = row.display_name
    found["emails"] = [dict(e) for e in row.emails]
    found["active"] = row.active
    return found


def resource(row: ScimUser, groups: list[ScimGroup], site: Site) -> dict[str, Any]:
    location = site.location("Users", row.id)
    return {
        "schemas": [urns.USER],
        "id": str(row.id),
        **document(row),
        "groups": [{"value": str(g.id), "display": g.display_name,
                    "$ref": site.location("Groups", g.id), "type": "direct"}
                   for g in sorted(groups, key=lambda g: g.display_name)],
        "meta": meta("User", location, created=row.created_at, modified=row.updated_at,
                     version=row.version),
    }


async def resources(rows: list[ScimUser], site: Site) -> list[dict[str, Any]]:
    """The resources of ``rows``, with their groups read in one go."""
    groups = await access.groups_of([row.membership_id for row in rows])
    return [resource(row, groups[row.membership_id], site) for row in rows]


async def _check_user_name(user_name: str, other_than: uuid.UUID | None = None) -> None:
    taken = ScimUser.filter(user_name_key=user_name.casefold())
    if other_than is not None:
        taken = taken.exclude(id=other_than)
    if await taken.exists():
        raise uniqueness(f"userName {user_name!r} is already taken in this organization: "
                         "choose another, or find its user with filter=userName eq "
                         f"\"{user_name}\"")


def _person_name(values: UserValues) -> str:
    joined = f"{values.given_name} {values.family_name}".strip()
    return (values.display_name or values.formatted_name or joined)[:200]


def _columns(values: UserValues) -> dict[str, Any]:
    return {"user_name": values.user_name, "external_id": values.external_id,
            "given_name": values.given_name, "family_name": values.family_name,
            "formatted_name": values.formatted_name, "display_name": values.display_name,
            "emails": values.emails}


async def _suspend(membership: Membership, suspended: bool) -> None:
    if suspended and membership.role is Role.OWNER:
        raise owner_protected()
    membership.suspended_at = datetime.now(UTC) if suspended else None
    await membership.save(update_fields=["suspended_at"])


async def create(body: dict[str, Any]) -> ScimUser:
    values = read_user(canonical_document(body, USER))
    await _check_user_name(values.user_name)
    email = values.sign_in_email
    user, new_person = await User.get_or_create(email=email,
                                                defaults={"display_name": _person_name(values)})
    membership = await Membership.get_or_none(user_id=user.id)
    was_member = membership is not None
    if membership is None:
        membership = await Membership.create(user_id=user.id, role=access.DEFAULT_ROLE)
    elif await ScimUser.exists(membership_id=membership.id):
        raise uniqueness(f"{email} is already provisioned in this organization under another "
                         f"userName: find it with filter=emails.value eq \"{email}\"")
    active = values.active is not False
    if not active:
        await _suspend(membership, True)
    row = await ScimUser.create(membership_id=membership.id, active=active,
                                user_name_key=values.user_name.casefold(), **_columns(values))
    await audit.record("scim.user.create", target_type="Member", target_id=membership.id,
                       details={"scim_id": str(row.id), "user_id": str(user.id),
                                "user_name": values.user_name, "new_person": new_person,
                                "was_member": was_member, "active": active})
    await access.apply([membership.id])
    return row


async def replace(row: ScimUser, body: dict[str, Any]) -> ScimUser:
    return await _update(row, read_user(canonical_document(body, USER)))


async def patch(row: ScimUser, operations: list[Operation]) -> ScimUser:
    return await _update(row, read_user(apply_operations(document(row), operations, USER)))


async def _update(row: ScimUser, values: UserValues) -> ScimUser:
    wanted = _columns(values)
    changed = sorted({_COLUMNS[c] for c, v in wanted.items() if getattr(row, c) != v})
    activation = values.active is not None and values.active != row.active
    if not changed and not activation:
        return row
    if values.user_name.casefold() != row.user_name_key:
        await _check_user_name(values.user_name, row.id)
    membership = await Membership.get(id=row.membership_id)
    if activation:
        await _suspend(membership, values.active is False)
        row.active = values.active is True
    for column, value in wanted.items():
        setattr(row, column, value)
    row.user_name_key = values.user_name.casefold()
    row.version += 1
    await row.save()
    details = {"scim_id": str(row.id), "user_id": str(membership.user_id)}
    if changed:
        await audit.record("scim.user.update", target_type="Member", target_id=membership.id,
                           details={**details, "changed": changed})
    if activation:
        action = "scim.user.reactivate" if row.active else "scim.user.deactivate"
        await audit.record(action, target_type="Member", target_id=membership.id,
                           details=details)
    return row


async def delete(row: ScimUser) -> None:
    membership = await Membership.get(id=row.membership_id)
    if membership.role is Role.OWNER:
        raise owner_protected()
    now = datetime.now(UTC)
    keys = await ApiKey.filter(created_by_id=membership.user_id, revoked_at=None).update(
        revoked_at=now)
    await membership.delete()  # its SCIM link, groups and project narrowing go with it
    sessions = 0
    if not await organization_ids(membership.user_id):
        sessions = await Session.filter(user_id=membership.user_id, revoked_at=None).update(
            revoked_at=now)
    await audit.record("scim.user.delete", target_type="Member", target_id=membership.id,
                       details={"scim_id": str(row.id), "user_id": str(membership.user_id),
                                "user_name": row.user_name, "role": membership.role.value,
                                "api_keys_revoked": keys, "sessions_revoked": sessions})
