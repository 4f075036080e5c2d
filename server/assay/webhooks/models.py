"""Webhook endpoints (with their sealed signing secret) and the deliveries of events to them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from assay.tenancy.models import OrgScopedModel


class DeliveryStatus(StrEnum):
    #: Not sent yet, or being retried (see ``next_attempt_at``).
    PENDING = "PENDING"
    #: The endpoint answered 2xx.
    SUCCEEDED = "SUCCEEDED"
    #: Every attempt failed, or the target may never be reached (SSRF guard).
    FAILED = "FAILED"


class WebhookEndpoint(OrgScopedModel):
    """A URL the organization's events are posted to, signed with the endpoint's secret."""

    url = fields.CharField(max_length=2048)
    #: The event types it is subscribed to, e.g. ["run.finished"].
    events: Any = fields.JSONField(default=list)
    description = fields.CharField(max_length=500, default="")
    #: An inactive endpoint receives nothing new.
    active = fields.BooleanField(default=True)
    #: The signing secret, sealed (AES-GCM bound to org, table, row, field). Shown once,
    #: when made or rotated.
    secret_ciphertext: Any = fields.BinaryField()
    secret_nonce: Any = fields.BinaryField()
    secret_version = fields.IntField()
    #: A short, non-secret reminder such as "…a1b2".
    secret_hint = fields.CharField(max_length=16, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "webhook_endpoints"


class WebhookDelivery(OrgScopedModel):
    """One event for one endpoint: its payload as sent, and how its attempts went."""

    endpoint: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name=False, on_delete=fields.CASCADE, db_index=True
    )
    endpoint_id: Any
    #: The event's id, shared by its deliveries to every endpoint and by redeliveries: what
    #: receivers deduplicate on (the Assay-Webhook-Id header).
    event_id = fields.UUIDField()
    event_type = fields.CharField(max_length=64)
    #: The JSON document posted (id, type, created_at, data); never a credential.
    payload: Any = fields.JSONField()
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    #: The HTTP status of the last attempt; null when nothing was answered.
    last_status_code = fields.IntField(null=True)
    #: Why the last attempt failed ("" after a success); never holds the secret.
    last_error = fields.TextField(default="")
    last_attempt_at = fields.DatetimeField(null=True)
    #: When the next attempt is due (PENDING only).
    next_attempt_at = fields.DatetimeField(null=True)
    #: The delivery this one sends again (redeliverWebhook), if any.
    redelivery_of_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_deliveries"
        indexes = (("endpoint", "status"),)
