"""API keys: minted for one project and scope, shown once, stored as a SHA-256 hash.

A key reads ``assay_<organization id, hex>_<43 random characters>``. The organization
part lets the server find the tenant before looking the key up under row-level security.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assay.audit import service as audit
from assay.audit.context import Actor, acting_as
from assay.auth.models import ApiKey, ApiKeyScope
from assay.auth.permissions import key_permissions
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, invalid
from assay.organizations.models import Membership, MembershipProject
from assay.projects.service import get_project
from assay.tenancy.scope import require_org

MIN_LIFETIME = timedelta(days=1)
MAX_LIFETIME = timedelta(days=366)
_KEY = re.compile(r"assay_([0-9a-f]{32})_([A-Za-z0-9_-]{43})")
#: A key's last use is written (and audited) at most this often.
USE_RECORD_INTERVAL = timedelta(hours=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class MintedKey:
    key: ApiKey
    plaintext: str


def _check_expiry(expires_at: datetime, now: datetime) -> None:
    if expires_at.tzinfo is None:
        raise invalid("expiresAt", "give the expiry with a time zone, e.g. 2027-01-31T00:00:00Z")
    lifetime = expires_at - now
    if lifetime < MIN_LIFETIME - timedelta(minutes=5) or lifetime > MAX_LIFETIME:
        raise invalid(
            "expiresAt",
            "an API key must expire between 1 day and 12 months from now",
            "OUT_OF_RANGE",
        )


async def mint(
    *,
    project_id: uuid.UUID,
    name: str,
    scope: ApiKeyScope,
    expires_at: datetime,
    created_by: uuid.UUID,
) -> MintedKey:
    name = name.strip()
    if not name or len(name) > 200:
        raise invalid("name", "give the key a name of 1 to 200 characters")
    _check_expiry(expires_at, datetime.now(UTC))
    project = await get_project(project_id)
    org_id = require_org()
    secret_part = secrets.token_urlsafe(32)
    plaintext = f"assay_{org_id.hex}_{secret_part}"
    key = await ApiKey.create(
        project_id=project.id,
        name=name,
        prefix=f"assay_…{secret_part[:6]}",
        key_hash=hash_key(plaintext),
        scope=scope,
        created_by_id=created_by,
        expires_at=expires_at,
    )
    await audit.record(
        "api_key.create",
        target_type="ApiKey",
        target_id=key.id,
        details={"project_id": str(project.id), "scope": scope.value, "name": name,
                 "expires_at": expires_at.isoformat()},
    )
    return MintedKey(key=key, plaintext=plaintext)


async def revoke(key_id: uuid.UUID) -> ApiKey:
    key = await ApiKey.get_or_none(id=key_id)
    if key is None:
        raise NotFound("ApiKey", key_id)
    if key.revoked_at is not None:
        raise Conflict("this API key is already revoked", "ALREADY_REVOKED")
    key.revoked_at = datetime.now(UTC)
    await key.save(update_fields=["revoked_at"])
    await audit.record("api_key.revoke", target_type="ApiKey", target_id=key.id)
    return key


async def authenticate(token: str, *, request_id: str = "", ip: str = "") -> Principal | None:
    """The principal a presented key stands for, or None (unknown, revoked, expired)."""
    match = _KEY.fullmatch(token)
    if match is None:
        return None
    org_id = uuid.UUID(match.group(1))
    presented = hash_key(token)
    async with tenant_transaction(org_id):
        key = await ApiKey.get_or_none(key_hash=presented)
        now = datetime.now(UTC)
        if key is None or key.revoked_at is not None or key.expires_at <= now:
            return None
        membership = await Membership.get_or_none(user_id=key.created_by_id)
        if membership is None or membership.suspended_at is not None:
            return None
        if membership.narrowed and not await MembershipProject.exists(
            membership_id=membership.id, project_id=key.project_id
        ):
            return None
        if key.last_used_at is None or now - key.last_used_at >= USE_RECORD_INTERVAL:
            await _record_use(key, now, request_id, ip)
    return Principal(
        kind="api_key",
        user_id=key.created_by_id,
        org_id=org_id,
        role=membership.role,
        permissions=key_permissions(membership.role, key.scope),
        project_ids=frozenset({key.project_id}),
        api_key_id=key.id,
        api_key_scope=key.scope,
    )


async def _record_use(key: ApiKey, now: datetime, request_id: str, ip: str) -> None:
    key.last_used_at = now
    await key.save(update_fields=["last_used_at"])
    with acting_as(Actor("api_key", str(key.id), request_id, ip)):
        await audit.record("api_key.use", target_type="ApiKey", target_id=key.id)
