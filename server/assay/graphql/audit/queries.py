"""auditEvents: the organization's audit trail, oldest first."""

from __future__ import annotations

import strawberry

from assay.audit.models import AuditEvent
from assay.auth.permissions import Permission
from assay.errors import invalid
from assay.graphql.audit.types import AuditEventType
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, decode_id, paginate

MAX_ACTION = 100


def _target_filter(target_id: str) -> dict[str, str]:
    decoded = decode_id(target_id)
    if decoded is None:
        raise invalid("targetId", "not an object id: pass the id field of the object you audit",
                      "INVALID_ID")
    return {"target_type": decoded[0], "target_id": str(decoded[1])}


@strawberry.type
class AuditQuery:
    @guarded_field(
        Permission.AUDIT_READ,
        description="Audit events of your organization, oldest first; filter by exact action "
        "(e.g. project.create) and by the global id of the object acted on.",
    )
    async def audit_events(
        self,
        action: str | None = None,
        target_id: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AuditEventType]:
        queryset = AuditEvent.all()
        if action is not None:
            if len(action) > MAX_ACTION:
                raise invalid("action", f"an action has at most {MAX_ACTION} characters",
                              "TOO_LONG")
            queryset = queryset.filter(action=action)
        if target_id is not None:
            queryset = queryset.filter(**_target_filter(target_id))
        return await paginate(queryset, AuditEventType.from_model, first=first, after=after)
