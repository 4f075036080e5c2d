"""The AuditEvent type: one link of an organization's append-only, hash-chained audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from assay.audit.models import AuditEvent
from assay.auth.permissions import Permission
from assay.graphql.loaders import by_id
from assay.graphql.node import register_node
from assay.graphql.relay import Node, encode_id

#: Actor kinds recorded by the audit trail, and the API type their ids belong to.
_ACTOR_TYPES = {"user": "User", "api_key": "ApiKey", "scim_token": "ScimToken"}


def _global_id(type_name: str, raw: str) -> str | None:
    """``raw`` as a global id of ``type_name`` when it is a UUID, else ``raw`` itself."""
    if not raw:
        return None
    try:
        return encode_id(type_name, uuid.UUID(raw)) if type_name else raw
    except ValueError:
        return raw


@strawberry.type(
    name="AuditEvent",
    description="Who did what, when and from where. Events are never changed or removed.",
)
class AuditEventType(Node):
    seq: int = strawberry.field(description="Position in the organization's chain, from 1.")
    actor_type: str = strawberry.field(description="user, api_key, scim_token or system.")
    actor_id: str = strawberry.field(
        description="Global id of the acting user or API key; the component name for system."
    )
    action: str = strawberry.field(description="What happened, e.g. project.create.")
    target_type: str | None = strawberry.field(description="Type of the object acted on.")
    target_id: strawberry.ID | None = strawberry.field(
        description="Global id of the object acted on (usable with node(id:))."
    )
    request_id: str = strawberry.field(description="The x-request-id of the request, if any.")
    ip: str = strawberry.field(description="The client address the request came from.")
    created_at: datetime = strawberry.field(description="When it happened (UTC).")
    details: JSON = strawberry.field(description="Non-secret facts about the change.")
    prev_hash: str = strawberry.field(description="SHA-256 of the previous event (hex).")
    hash: str = strawberry.field(description="SHA-256 over this event and prevHash (hex).")

    @classmethod
    def from_model(cls, row: AuditEvent) -> AuditEventType:
        target = _global_id(row.target_type, row.target_id)
        return cls(
            id=strawberry.ID(encode_id("AuditEvent", row.id)),
            seq=row.seq,
            actor_type=row.actor_type,
            actor_id=_global_id(_ACTOR_TYPES.get(row.actor_type, ""), row.actor_id) or "",
            action=row.action,
            target_type=row.target_type or None,
            target_id=strawberry.ID(target) if target is not None else None,
            request_id=row.request_id,
            ip=row.ip,
            created_at=row.created_at,
            details=row.details,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )


async def audit_events_by_id(keys: list[uuid.UUID]) -> list[AuditEvent | None]:
    return by_id(await AuditEvent.filter(id__in=keys), keys)


register_node(
    "AuditEvent",
    permission=Permission.AUDIT_READ,
    load=audit_events_by_id,
    to_type=AuditEventType.from_model,
)
