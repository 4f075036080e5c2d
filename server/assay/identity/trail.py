"""Audit events about a person, written to the trail of every organization they belong to.

Signing in, enrolling an authenticator or ending a session concerns the person, not one
organization; each organization's admins see it in their own trail. Nothing secret goes
in: no password, token, code or TOTP secret, only what happened and from where.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from assay.audit import service as audit
from assay.audit.context import Actor, acting_as
from assay.auth.memberships import organization_ids
from assay.db.transactions import tenant_transaction

log = logging.getLogger("assay.identity")


@dataclass(frozen=True)
class Origin:
    """Where a request came from: the audit trail's request id and address, the device."""

    request_id: str = ""
    ip: str = ""
    user_agent: str = ""

    def actor(self, user_id: uuid.UUID) -> Actor:
        return Actor(type="user", id=str(user_id), request_id=self.request_id, ip=self.ip)


async def record_for_user(
    user_id: uuid.UUID, action: str, origin: Origin, details: dict[str, Any] | None = None
) -> None:
    """One event per organization of the user (none if they belong to none yet)."""
    with acting_as(origin.actor(user_id)):
        for org_id in await organization_ids(user_id):
            async with tenant_transaction(org_id):
                await audit.record(action, target_type="User", target_id=user_id,
                                   details=details)
    log.info("%s user=%s request=%s ip=%s", action, user_id, origin.request_id, origin.ip)
