"""An organization's webhook endpoints, and emitting its events to them.

Endpoints: create (the signing secret is made, sealed, and returned this once), update,
delete (with their deliveries), rotate the secret (the new one is returned once), list.
Nothing here ever returns a stored secret: only :mod:`assay.webhooks.delivery` opens one,
to sign.

Events: :func:`emit` is what the rest of Assay calls, inside the organization's scope and
transaction (a run or evaluation that just finished, a report whose comparison found
regressions). It writes one PENDING delivery per active endpoint subscribed to the event, in
the caller's transaction (so an event exists exactly when what it reports was committed),
and queues their jobs; a job that starts before that commit waits for it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from tortoise.queryset import QuerySet

from assay.audit import service as audit
from assay.connections.checks import Issues
from assay.errors import Conflict, NotFound, invalid
from assay.ids import new_id
from assay.settings import Settings
from assay.tenancy.scope import require_org
from assay.webhooks import fields, queue, sealed_secrets
from assay.webhooks.events import EVENT_TYPES
from assay.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

#: Node types (global ids, audit targets).
TARGET = "Webhook"
DELIVERY_TARGET = "WebhookDelivery"
INPUT = ("input",)
#: Endpoints one organization may register.
MAX_ENDPOINTS = 25
#: The largest payload emitted (its JSON), so a delivery stays a small request.
MAX_PAYLOAD_BYTES = 512 * 1024


@dataclass(frozen=True, kw_only=True)
class EndpointSpec:
    url: str
    events: list[str]
    description: str | None = None
    active: bool = True


@dataclass(frozen=True, kw_only=True)
class EndpointChanges:
    """What to change; None leaves a field as it is."""

    url: str | None = None
    events: list[str] | None = None
    description: str | None = None
    active: bool | None = None

    def empty(self) -> bool:
        return all(v is None for v in (self.url, self.events, self.description, self.active))


async def list_endpoints() -> list[WebhookEndpoint]:
    """The organization's endpoints, oldest first."""
    return list(await WebhookEndpoint.all().order_by("created_at", "id"))


async def require_endpoint(endpoint_id: uuid.UUID, *, lock: bool = False) -> WebhookEndpoint:
    queryset = WebhookEndpoint.filter(id=endpoint_id)
    row = await (queryset.select_for_update() if lock else queryset).first()
    if row is None:
        raise NotFound(TARGET, endpoint_id)
    return row


def _shown(url: str) -> str:
    """The URL as the audit trail records it: without its query string (it may hold a
    receiver's token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


async def create_endpoint(spec: EndpointSpec, settings: Settings
                          ) -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its signing secret (returned this once, sealed in the row)."""
    issues = Issues()
    row = WebhookEndpoint(
        id=new_id(),
        url=fields.url(issues, (*INPUT, "url"), spec.url,
                       allow_private=settings.allow_private_targets),
        events=fields.events(issues, (*INPUT, "events"), spec.events),
        description=fields.description(issues, (*INPUT, "description"), spec.description),
        active=spec.active,
    )
    issues.raise_if_any()
    if await WebhookEndpoint.all().count() >= MAX_ENDPOINTS:
        raise Conflict(f"this organization has {MAX_ENDPOINTS} webhooks, the most it may "
                       "have: delete one it no longer needs first", "TOO_MANY_WEBHOOKS")
    secret = sealed_secrets.new_secret()
    await sealed_secrets.seal_into(row, secret)
    await row.save()
    await audit.record("webhook.create", target_type=TARGET, target_id=row.id,
                       details={"url": _shown(row.url), "events": row.events,
                                "active": row.active})
    return row, secret


async def update_endpoint(endpoint_id: uuid.UUID, changes: EndpointChanges, settings: Settings
                          ) -> WebhookEndpoint:
    if changes.empty():
        raise invalid(INPUT, "nothing to change: give url, events, description or active",
                      "NOTHING_TO_CHANGE")
    row = await require_endpoint(endpoint_id, lock=True)
    issues = Issues()
    values: dict[str, Any] = {}
    if changes.url is not None:
        values["url"] = fields.url(issues, (*INPUT, "url"), changes.url,
                                   allow_private=settings.allow_private_targets)
    if changes.events is not None:
        values["events"] = fields.events(issues, (*INPUT, "events"), changes.events)
    if changes.description is not None:
        values["description"] = fields.description(issues, (*INPUT, "description"),
                                                   changes.description)
    if changes.active is not None:
        values["active"] = changes.active
    issues.raise_if_any()
    changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
    if not changed:
        return row
    for column in changed:
        setattr(row, column, values[column])
    await row.save(update_fields=[*changed, "updated_at"])
    await audit.record("webhook.update", target_type=TARGET, target_id=row.id,
                       details={"changed": changed, "url": _shown(row.url),
                                "events": row.events, "active": row.active})
    return row


async def delete_endpoint(endpoint_id: uuid.UUID) -> WebhookEndpoint:
    """Delete an endpoint, its sealed secret and its deliveries; returns the deleted row.
    A delivery job still queued for it then finds nothing and sends nothing."""
    row = await require_endpoint(endpoint_id, lock=True)
    deliveries = await WebhookDelivery.filter(endpoint_id=row.id).count()
    await row.delete()
    await audit.record("webhook.delete", target_type=TARGET, target_id=row.id,
                       details={"url": _shown(row.url), "deliveries": deliveries})
    return row


async def rotate_secret(endpoint_id: uuid.UUID) -> tuple[WebhookEndpoint, str]:
    """A new signing secret for the endpoint, returned this once. Deliveries signed from
    now on (retries included) use it; the old one is gone."""
    row = await require_endpoint(endpoint_id, lock=True)
    secret = sealed_secrets.new_secret()
    await sealed_secrets.seal_into(row, secret)
    await row.save(update_fields=[*sealed_secrets.COLUMNS, "updated_at"])
    await audit.record("webhook.rotate_secret", target_type=TARGET, target_id=row.id,
                       details={"url": _shown(row.url)})
    return row, secret


# --- Events ---------------------------------------------------------------------------


def envelope(event_type: str, data: dict[str, Any], *, event_id: uuid.UUID | None = None,
             created_at: datetime | None = None) -> dict[str, Any]:
    """The document an event's deliveries post: id, type, created_at and its data."""
    return {"id": str(event_id or uuid.uuid4()), "type": event_type,
            "created_at": (created_at or datetime.now(UTC)).isoformat(), "data": data}


def _checked(event_type: str, payload: dict[str, Any]) -> None:
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}: one of "
                         f"{', '.join(EVENT_TYPES)}")
    size = len(json.dumps(payload, separators=(",", ":")).encode())
    if size > MAX_PAYLOAD_BYTES:
        raise ValueError(f"the {event_type} payload is {size} bytes: keep it under "
                         f"{MAX_PAYLOAD_BYTES} (list fewer items)")


async def subscribed(event_type: str) -> list[WebhookEndpoint]:
    """The organization's active endpoints subscribed to ``event_type`` (one query)."""
    endpoints = await WebhookEndpoint.filter(active=True).only("id", "organization_id",
                                                               "events")
    return [e for e in endpoints if event_type in (e.events or [])]


async def emit(event_type: str, payload: dict[str, Any], *,
               settings: Settings | None = None) -> int:
    """Emit one event of the organization in scope: a PENDING delivery per active endpoint
    subscribed to ``event_type``, written in the caller's transaction, and their jobs
    queued. Returns how many deliveries were made (0 costs one query).

    ``payload`` is the event's ``data``: JSON, ids and figures, never a credential.

    Raises:
        ValueError: for an unknown event type or a payload that is not JSON or too large
            (a programming error: nothing is written).
    """
    _checked(event_type, payload)
    org_id = require_org()
    endpoints = await subscribed(event_type)
    if not endpoints:
        return 0
    document = envelope(event_type, payload)
    now = datetime.now(UTC)
    ids = []
    for endpoint in endpoints:
        row = await WebhookDelivery.create(
            endpoint_id=endpoint.id, event_id=uuid.UUID(document["id"]),
            event_type=event_type, payload=document, next_attempt_at=now)
        ids.append(row.id)
    await queue.enqueue_quietly(org_id, ids, settings=settings)
    return len(ids)


# --- Deliveries -----------------------------------------------------------------------


def deliveries(endpoint_id: uuid.UUID | None = None,
               status: DeliveryStatus | None = None) -> QuerySet[WebhookDelivery]:
    """The organization's deliveries, optionally of one endpoint and in one status."""
    queryset = WebhookDelivery.all()
    if endpoint_id is not None:
        queryset = queryset.filter(endpoint_id=endpoint_id)
    if status is not None:
        queryset = queryset.filter(status=status)
    return queryset


async def require_delivery(delivery_id: uuid.UUID, *, lock: bool = False) -> WebhookDelivery:
    queryset = WebhookDelivery.filter(id=delivery_id)
    row = await (queryset.select_for_update() if lock else queryset).first()
    if row is None:
        raise NotFound(DELIVERY_TARGET, delivery_id)
    return row


async def redeliver(delivery_id: uuid.UUID, settings: Settings | None = None
                    ) -> WebhookDelivery:
    """Send a delivery's event to its endpoint again; returns the delivery to queue.

    A SUCCEEDED or FAILED delivery gets a new delivery of the same event (same event id and
    document, so the receiver can tell it is the same event); its own record stays as it
    was. A PENDING one is refused while its job is queued (DELIVERY_PENDING), and queued
    again at once when its job was lost (Redis was down when it was emitted).
    """
    original = await require_delivery(delivery_id, lock=True)
    endpoint = await require_endpoint(original.endpoint_id)
    if not endpoint.active:
        raise Conflict("this webhook is inactive: activate it with updateWebhook (active: "
                       "true), then redeliver", "WEBHOOK_INACTIVE")
    now = datetime.now(UTC)
    if original.status == DeliveryStatus.PENDING:
        if await queue.is_queued(original.id, settings=settings):
            raise Conflict(f"this delivery is still being tried ({original.attempts} attempts "
                           "so far): wait until it succeeds or fails, then redeliver it",
                           "DELIVERY_PENDING")
        original.next_attempt_at = now
        await original.save(update_fields=["next_attempt_at"])
        row = original
    else:
        row = await WebhookDelivery.create(
            endpoint_id=original.endpoint_id, event_id=original.event_id,
            event_type=original.event_type, payload=original.payload, next_attempt_at=now,
            redelivery_of_id=original.id)
    await audit.record("webhook.redeliver", target_type=DELIVERY_TARGET, target_id=row.id,
                       details={"of": str(original.id), "event_type": row.event_type,
                                "event_id": str(row.event_id), "webhook": str(endpoint.id)})
    return row
