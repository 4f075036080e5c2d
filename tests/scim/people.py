"""A provisioned person's credentials: a signed-in session and an API key of their own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assay.auth import api_keys, sessions
from assay.auth.models import ApiKeyScope
from assay.db.transactions import tenant_transaction
from tests.support import Caller, Org, key_caller, session_headers


@dataclass(frozen=True)
class Credential:
    id: uuid.UUID
    caller: Caller


async def api_key_of(org: Org, user_id: uuid.UUID) -> Credential:
    """A WRITE key the person minted in ``org``'s first project."""
    async with tenant_transaction(org.id):
        minted = await api_keys.mint(project_id=org.project_id, name="ci", scope=ApiKeyScope.WRITE,
                                     created_by=user_id,
                                     expires_at=datetime.now(UTC) + timedelta(days=30))
    return Credential(minted.key.id, key_caller(minted.plaintext))


async def session_of(user_id: uuid.UUID, org: Org | None = None) -> Credential:
    """A signed-in session of the person, acting in ``org`` (or their only organization)."""
    token, session = await sessions.start(user_id)
    headers = session_headers(token, org.id) if org else {
        "cookie": f"{sessions.COOKIE}={token}", "x-assay-csrf": "1"}
    return Credential(session.id, Caller(headers=headers, user_id=user_id))
