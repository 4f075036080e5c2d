"""The audit trail: append-only, hash-chained per organization."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from assay.tenancy.models import OrgScopedModel


class AuditEvent(OrgScopedModel):
    #: Position in the organization's chain, from 1.
    seq = fields.BigIntField()
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64)
    action = fields.CharField(max_length=100)
    target_type = fields.CharField(max_length=64, default="")
    target_id = fields.CharField(max_length=64, default="")
    request_id = fields.CharField(max_length=64, default="")
    ip = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField()
    details: Any = fields.JSONField(default=dict)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_events"
        unique_together = (("organization", "seq"),)
