"""SCIM tokens: minted by an owner or admin, shown once, stored as a SHA-256 hash.

A token reads ``assay_scim_<organization id, hex>_<43 random characters>``: the organization
part lets the server find the tenant before looking the token up under row-level security,
as API keys do. A token always expires, at most two years after it was made, and acts only
in its organization, only on /scim/v2.
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
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, invalid
from assay.scim.models import ScimToken
from assay.tenancy.scope import require_org

MIN_LIFETIME = timedelta(days=1)
#: Two years, leap day included.
MAX_LIFETIME = timedelta(days=731)
_TOKEN = re.compile(r"assay_scim_([0-9a-f]{32})_([A-Za-z0-9_-]{43})")
#: A token's last use is written (and audited) at most this often.
USE_RECORD_INTERVAL = timedelta(hours=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class MintedToken:
    token: ScimToken
    plaintext: str


@dataclass(frozen=True)
class TokenCaller:
    """The identity provider calling: which token, of which organization."""

    token_id: uuid.UUID
    org_id: uuid.UUID


def _check_expiry(expires_at: datetime, now: datetime) -> None:
    if expires_at.tzinfo is None:
        raise invalid("expiresAt", "give the expiry with a time zone, e.g. 2027-01-31T00:00:00Z")
    lifetime = expires_at - now
    if lifetime < MIN_LIFETIME - timedelta(minutes=5) or lifetime > MAX_LIFETIME:
        raise invalid("expiresAt", "a SCIM token must expire between 1 day and 2 years from "
                      "now", "OUT_OF_RANGE")


async def mint(*, name: str, expires_at: datetime, created_by: uuid.UUID) -> MintedToken:
    """A new token of the organization in scope; its plaintext exists only in the result."""
    name = name.strip()
    if not name or len(name) > 200:
        raise invalid("name", "give the token a name of 1 to 200 characters, e.g. Okta")
    _check_expiry(expires_at, datetime.now(UTC))
    secret_part = secrets.token_urlsafe(32)
    plaintext = f"assay_scim_{require_org().hex}_{secret_part}"
    token = await ScimToken.create(name=name, prefix=f"assay_scim_…{secret_part[:6]}",
                                   token_hash=hash_token(plaintext), created_by_id=created_by,
                                   expires_at=expires_at)
    await audit.record("scim_token.create", target_type="ScimToken", target_id=token.id,
                       details={"name": name, "expires_at": expires_at.isoformat()})
    return MintedToken(token=token, plaintext=plaintext)


async def revoke(token_id: uuid.UUID) -> ScimToken:
    token = await ScimToken.get_or_none(id=token_id)
    if token is None:
        raise NotFound("ScimToken", token_id)
    if token.revoked_at is not None:
        raise Conflict("this SCIM token is already revoked", "ALREADY_REVOKED")
    token.revoked_at = datetime.now(UTC)
    await token.save(update_fields=["revoked_at"])
    await audit.record("scim_token.revoke", target_type="ScimToken", target_id=token.id)
    return token


async def authenticate(token: str, *, request_id: str = "", ip: str = "") -> TokenCaller | None:
    """The caller a presented token stands for, or None (unknown, revoked or expired)."""
    match = _TOKEN.fullmatch(token)
    if match is None:
        return None
    org_id = uuid.UUID(match.group(1))
    async with tenant_transaction(org_id):
        row = await ScimToken.get_or_none(token_hash=hash_token(token))
        now = datetime.now(UTC)
        if row is None or row.revoked_at is not None or row.expires_at <= now:
            return None
        if row.last_used_at is None or now - row.last_used_at >= USE_RECORD_INTERVAL:
            row.last_used_at = now
            await row.save(update_fields=["last_used_at"])
            with acting_as(Actor("scim_token", str(row.id), request_id, ip)):
                await audit.record("scim_token.use", target_type="ScimToken", target_id=row.id)
    return TokenCaller(token_id=row.id, org_id=org_id)
