"""Server-side sessions: an opaque cookie token, stored as its SHA-256.

Sign-in flows (password + TOTP, Google) issue sessions; this module only issues, resolves
and revokes them. The organization a request acts in comes from the
``X-Assay-Organization`` header (an organization id), or is the user's only organization.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from assay.auth.models import Session, User
from assay.auth.permissions import ROLE_PERMISSIONS
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction, user_transaction
from assay.ids import decode_id
from assay.organizations.models import Membership, MembershipProject

COOKIE = "assay_session"
ORG_HEADER = "x-assay-organization"
ABSOLUTE_LIFETIME = timedelta(hours=12)
LAST_SEEN_INTERVAL = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue(user_id: uuid.UUID, *, ip: str = "", user_agent: str = "") -> str:
    token = secrets.token_urlsafe(32)
    await Session.create(
        user_id=user_id,
        token_hash=_hash(token),
        expires_at=datetime.now(UTC) + ABSOLUTE_LIFETIME,
        ip=ip[:64],
        user_agent=user_agent[:400],
    )
    return token


class NoOrganization(Exception):
    """The session is valid but names no organization to act in; the message says why."""


async def authenticate(token: str, org_hint: str | None) -> Principal | None:
    """The principal of a live session, or None when the session is unknown or has ended.

    Raises:
        NoOrganization: the session is live but no single organization can be chosen.
    """
    session = await Session.get_or_none(token_hash=_hash(token)).select_related("user")
    now = datetime.now(UTC)
    if session is None or session.revoked_at is not None or session.expires_at <= now:
        return None
    user: User = session.user
    if not user.is_active:
        return None
    if now - session.last_seen_at >= LAST_SEEN_INTERVAL:
        await Session.filter(id=session.id).update(last_seen_at=now)
    async with user_transaction(user.id):
        memberships = await Membership.unscoped.filter(user_id=user.id)
    membership = _choose(memberships, org_hint)
    project_ids = None
    if membership.narrowed:
        async with tenant_transaction(membership.organization_id, user_id=user.id):
            rows = await MembershipProject.filter(membership_id=membership.id)
        project_ids = frozenset(row.project_id for row in rows)
    return Principal(
        kind="user",
        user_id=user.id,
        org_id=membership.organization_id,
        role=membership.role,
        permissions=ROLE_PERMISSIONS[membership.role],
        project_ids=project_ids,
    )


def _organization_id(hint: str) -> uuid.UUID | None:
    """The organization a header names: its global id (as the API shows it) or its UUID."""
    decoded = decode_id(hint)
    if decoded is not None and decoded[0] == "Organization":
        return decoded[1]
    try:
        return uuid.UUID(hint)
    except ValueError:
        return None


def _choose(memberships: list[Membership], org_hint: str | None) -> Membership:
    if org_hint:
        wanted = _organization_id(org_hint)
        chosen = next((m for m in memberships if m.organization_id == wanted), None)
        if chosen is None:
            raise NoOrganization(
                f"you are not a member of an organization with the id in the {ORG_HEADER} "
                "header: send the id of one of your organizations"
            )
        return chosen
    if len(memberships) == 1:
        return memberships[0]
    if not memberships:
        raise NoOrganization("you belong to no organization yet: ask an owner to invite you")
    raise NoOrganization(
        f"you belong to {len(memberships)} organizations: say which one to act in with the "
        f"{ORG_HEADER} header"
    )
