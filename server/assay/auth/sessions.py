"""Server-side sessions: an opaque cookie token, stored as its SHA-256.

Sign-in flows (password + TOTP, later Google) issue sessions; this module issues, resolves,
lists and revokes them. A session ends when revoked, after ``session_absolute_hours``
from sign-in, or after ``session_idle_minutes`` without a request. The organization a
request acts in comes from the ``X-Assay-Organization`` header (an organization id), or is
the user's only organization.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assay.auth.memberships import memberships_of
from assay.auth.models import Session, User
from assay.auth.permissions import ROLE_PERMISSIONS
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction
from assay.ids import decode_id
from assay.organizations.models import Membership, MembershipProject
from assay.settings import Settings

COOKIE = "assay_session"
ORG_HEADER = "x-assay-organization"
#: Defaults for code that issues sessions without settings (tests, tools).
ABSOLUTE_LIFETIME = timedelta(hours=12)
IDLE_TIMEOUT = timedelta(minutes=60)
#: A session's last request is written at most this often (and the idle clock with it).
LAST_SEEN_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class Timeouts:
    idle: timedelta = IDLE_TIMEOUT
    absolute: timedelta = ABSOLUTE_LIFETIME

    @classmethod
    def of(cls, settings: Settings) -> Timeouts:
        return cls(idle=timedelta(minutes=settings.session_idle_minutes),
                   absolute=timedelta(hours=settings.session_absolute_hours))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start(
    user_id: uuid.UUID, *, ip: str = "", user_agent: str = "",
    lifetime: timedelta = ABSOLUTE_LIFETIME,
) -> tuple[str, Session]:
    """A new session: its token (for the cookie, never stored) and its row."""
    token = secrets.token_urlsafe(32)
    session = await Session.create(
        user_id=user_id,
        token_hash=_hash(token),
        expires_at=datetime.now(UTC) + lifetime,
        ip=ip[:64],
        user_agent=user_agent[:400],
    )
    return token, session


async def issue(user_id: uuid.UUID, *, ip: str = "", user_agent: str = "") -> str:
    token, _ = await start(user_id, ip=ip, user_agent=user_agent)
    return token


def is_live(session: Session, now: datetime, timeouts: Timeouts) -> bool:
    return (
        session.revoked_at is None
        and session.expires_at > now
        and now - session.last_seen_at < timeouts.idle
    )


class NoOrganization(Exception):
    """The session is valid but names no organization to act in; the message says why."""


async def authenticate(
    token: str, org_hint: str | None, timeouts: Timeouts | None = None
) -> Principal | None:
    """The principal of a live session, or None when the session is unknown or has ended.

    Raises:
        NoOrganization: the session is live but no single organization can be chosen.
    """
    session = await Session.get_or_none(token_hash=_hash(token)).select_related("user")
    now = datetime.now(UTC)
    if session is None or not is_live(session, now, timeouts or Timeouts()):
        return None
    user: User = session.user
    if not user.is_active:
        return None
    if now - session.last_seen_at >= LAST_SEEN_INTERVAL:
        await Session.filter(id=session.id).update(last_seen_at=now)
    membership = _choose(await memberships_of(user.id), org_hint)
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
        session_id=session.id,
    )


async def live_sessions(user_id: uuid.UUID, timeouts: Timeouts) -> list[Session]:
    """The user's sessions that still work, most recently used first."""
    now = datetime.now(UTC)
    rows = await Session.filter(
        user_id=user_id, revoked_at=None, expires_at__gt=now,
        last_seen_at__gt=now - timeouts.idle,
    ).order_by("-last_seen_at", "-created_at")
    return list(rows)


async def revoke(user_id: uuid.UUID, session_id: uuid.UUID) -> Session | None:
    """End one of the user's sessions at once; None if it is not theirs or already ended."""
    now = datetime.now(UTC)
    ended = await Session.filter(id=session_id, user_id=user_id, revoked_at=None).update(
        revoked_at=now
    )
    if not ended:
        return None
    return await Session.get(id=session_id)


async def revoke_any(session_id: uuid.UUID) -> None:
    """End a session whose token the caller presented (rotation at sign-in)."""
    await Session.filter(id=session_id, revoked_at=None).update(revoked_at=datetime.now(UTC))


def _organization_id(hint: str) -> uuid.UUID | None:
    """The organization a header names: its global id (as the API shows it) or its UUID."""
    decoded = decode_id(hint)
    if decoded is not None and decoded[0] == "Organization":
        return decoded[1]
    try:
        return uuid.UUID(hint)
    except ValueError:
        return None


#: Why a suspended membership (deactivated by the organization's identity provider) is refused.
SUSPENDED = ("your access to this organization is suspended by its identity provider: ask "
             "its administrators to reactivate you")


def _choose(memberships: list[Membership], org_hint: str | None) -> Membership:
    if org_hint:
        wanted = _organization_id(org_hint)
        chosen = next((m for m in memberships if m.organization_id == wanted), None)
        if chosen is None:
            raise NoOrganization(
                f"you are not a member of an organization with the id in the {ORG_HEADER} "
                "header: send the id of one of your organizations"
            )
        if chosen.suspended_at is not None:
            raise NoOrganization(SUSPENDED)
        return chosen
    if not memberships:
        raise NoOrganization("you belong to no organization yet: ask an owner to invite you")
    usable = [m for m in memberships if m.suspended_at is None]
    if len(usable) == 1:
        return usable[0]
    if not usable:
        raise NoOrganization(SUSPENDED)
    raise NoOrganization(
        f"you belong to {len(usable)} organizations: say which one to act in with the "
        f"{ORG_HEADER} header"
    )
