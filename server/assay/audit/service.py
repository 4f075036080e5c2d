"""Recording and verifying the audit trail.

Each organization has one chain: event ``n`` stores the hash of event ``n-1``, and its own
hash covers its content and that previous hash. Appends take a transaction-level advisory
lock on the organization, so concurrent writers never fork the chain. Events are written
in the caller's transaction: if the change rolls back, so does its event.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from assay.audit.context import current_actor
from assay.audit.models import AuditEvent
from assay.tenancy.scope import require_org

GENESIS = "0" * 64


def event_hash(event: AuditEvent | dict[str, Any], prev_hash: str) -> str:
    fields = _canonical_fields(event)
    body = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def _canonical_fields(event: AuditEvent | dict[str, Any]) -> dict[str, Any]:
    get: Any = event.get if isinstance(event, dict) else lambda name: getattr(event, name)
    created_at: datetime = get("created_at")
    return {
        "organization_id": str(get("organization_id")),
        "seq": int(get("seq")),
        "actor_type": get("actor_type"),
        "actor_id": get("actor_id"),
        "action": get("action"),
        "target_type": get("target_type"),
        "target_id": get("target_id"),
        "request_id": get("request_id"),
        "ip": get("ip"),
        "created_at": created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "details": get("details"),
    }


async def record(
    action: str,
    *,
    target_type: str = "",
    target_id: uuid.UUID | str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the organization's chain, in the current transaction."""
    org_id = require_org()
    actor = current_actor()
    async with in_transaction() as conn:
        await conn.execute_query(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [f"audit:{org_id}"]
        )
        last = await AuditEvent.filter().order_by("-seq").only("seq", "hash").first()
        seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
        fields: dict[str, Any] = {
            "organization_id": org_id,
            "seq": seq,
            "actor_type": actor.type,
            "actor_id": actor.id,
            "action": action,
            "target_type": target_type,
            "target_id": str(target_id),
            "request_id": actor.request_id,
            "ip": actor.ip,
            "created_at": datetime.now(UTC),
            "details": details or {},
        }
        return await AuditEvent.create(**fields, prev_hash=prev, hash=event_hash(fields, prev))


@dataclass(frozen=True)
class BrokenLink:
    seq: int
    reason: str


async def verify_chain() -> tuple[int, BrokenLink | None]:
    """Check the chain of the organization in scope: (events checked, first broken link)."""
    expected_prev = GENESIS
    count = 0
    async for event in _iterate():
        count += 1
        if event.seq != count:
            return count, BrokenLink(count, f"event {count} is missing (next found: {event.seq})")
        if event.prev_hash != expected_prev:
            return count, BrokenLink(event.seq, "its previous-hash does not match event before it")
        if event_hash(event, event.prev_hash) != event.hash:
            return count, BrokenLink(event.seq, "its content does not match its hash")
        expected_prev = event.hash
    return count, None


async def _iterate(batch: int = 1000) -> Any:
    after = 0
    while True:
        rows = await AuditEvent.filter(seq__gt=after).order_by("seq").limit(batch)
        for row in rows:
            yield row
        if len(rows) < batch:
            return
        after = rows[-1].seq
