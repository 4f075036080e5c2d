"""One attempt of one delivery: read it, send it signed, record how it went, plan the next.

Reading and recording are two short tenant transactions; the HTTP request runs between
them, outside any transaction. Idempotent: a delivery that is no longer PENDING (SUCCEEDED,
FAILED) sends nothing, and one whose attempt count moved while this attempt ran (another
worker recorded it) records nothing. An attempt started before the delivery is due (a job
re-delivered early) only says how long to wait.

Every attempt is recorded: ``attempts``, ``last_status_code``, ``last_error`` (never the
secret), ``last_attempt_at``. A 2xx answer is SUCCEEDED. Any other answer, a timeout or an
unreachable receiver is retried after the policy's wait (assay.webhooks.backoff), until the
policy's last attempt fails: then FAILED. A target the SSRF guard refuses is FAILED at once
(nothing was sent, and trying again cannot change that). Delivery is at least once: a worker
that dies after sending and before recording sends again; receivers deduplicate on the
Assay-Webhook-Id header.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assay.connectors.network import NetworkPolicy
from assay.db.transactions import tenant_transaction
from assay.settings import Settings
from assay.webhooks import sealed_secrets, sending
from assay.webhooks.backoff import RetryPolicy
from assay.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

#: An attempt this close to its due time goes ahead.
_EARLY_SLACK_S = 0.05


class NotVisible(Exception):
    """No such delivery (yet): its transaction has not committed, or it was deleted."""


@dataclass(frozen=True)
class Attempted:
    """What an attempt did: ``succeeded``, ``retrying``, ``failed``, ``waiting`` (not due
    yet: nothing sent) or ``skipped`` (nothing to do); ``wait`` is the seconds until the
    next attempt when there is one."""

    outcome: str
    wait: float | None = None


def body_of(delivery: WebhookDelivery) -> bytes:
    """The bytes posted: the stored document as compact JSON with sorted keys."""
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True,
                      ensure_ascii=False).encode()


async def attempt(org_id: uuid.UUID, delivery_id: uuid.UUID, *, settings: Settings,
                  policy: RetryPolicy) -> Attempted:
    """Make one attempt of the delivery if it is PENDING and due.

    Raises:
        NotVisible: no such delivery in the organization.
    """
    prepared = await _prepare(org_id, delivery_id)
    if isinstance(prepared, Attempted):
        return prepared
    guard = NetworkPolicy(allow_private=settings.allow_private_targets)
    answer = await sending.post(prepared, guard=guard, timeout_s=policy.timeout_s)
    return await _record(org_id, delivery_id, prepared.attempt - 1, answer, policy)


async def _prepare(org_id: uuid.UUID, delivery_id: uuid.UUID
                   ) -> sending.Request | Attempted:
    """The request to send, or what to do instead (not due, nothing to do, give up)."""
    async with tenant_transaction(org_id):
        row = await WebhookDelivery.filter(id=delivery_id).first()
        if row is None:
            raise NotVisible(str(delivery_id))
        if row.status != DeliveryStatus.PENDING:
            return Attempted("skipped")
        now = datetime.now(UTC)
        if row.next_attempt_at is not None:
            early = (row.next_attempt_at - now).total_seconds()
            if early > _EARLY_SLACK_S:
                return Attempted("waiting", early)
        endpoint = await WebhookEndpoint.filter(id=row.endpoint_id).first()
        if endpoint is None:
            raise NotVisible(str(delivery_id))
        if not endpoint.active:
            await _give_up(row, "the webhook was made inactive before this delivery "
                           "succeeded: activate it with updateWebhook, then redeliver")
            return Attempted("failed")
        try:
            secret = await sealed_secrets.open_secret(endpoint)
        except sealed_secrets.SecretUnreadable:
            await _give_up(row, "the webhook's signing secret cannot be opened: rotate it "
                           "with rotateWebhookSecret, then redeliver")
            return Attempted("failed")
    return sending.Request(url=endpoint.url, body=body_of(row), secret=secret,
                           event_id=str(row.event_id), event_type=row.event_type,
                           delivery_id=str(row.id), attempt=row.attempts + 1)


async def _give_up(row: WebhookDelivery, reason: str) -> None:
    row.status = DeliveryStatus.FAILED
    row.last_error = reason
    row.next_attempt_at = None
    await row.save(update_fields=["status", "last_error", "next_attempt_at"])


async def _record(org_id: uuid.UUID, delivery_id: uuid.UUID, attempts_before: int,
                  answer: sending.Answer, policy: RetryPolicy) -> Attempted:
    """Record the attempt on the delivery (unless someone else recorded one meanwhile)."""
    async with tenant_transaction(org_id):
        row = await WebhookDelivery.filter(id=delivery_id).select_for_update().first()
        if row is None or row.status != DeliveryStatus.PENDING or \
                row.attempts != attempts_before:
            return Attempted("skipped")
        now = datetime.now(UTC)
        row.attempts += 1
        row.last_attempt_at = now
        row.last_status_code = answer.status_code
        row.last_error = answer.error
        result = _next(row, answer, policy, now)
        await row.save(update_fields=["attempts", "last_attempt_at", "last_status_code",
                                      "last_error", "status", "next_attempt_at",
                                      "delivered_at"])
    return result


def _next(row: WebhookDelivery, answer: sending.Answer, policy: RetryPolicy,
          now: datetime) -> Attempted:
    """Set the delivery's status and next attempt after an attempt; what to tell the job."""
    if answer.ok:
        row.status, row.delivered_at, row.next_attempt_at = DeliveryStatus.SUCCEEDED, now, None
        return Attempted("succeeded")
    wait = None if answer.final else policy.wait_after(row.attempts, answer.retry_after)
    if wait is None:
        row.status, row.next_attempt_at = DeliveryStatus.FAILED, None
        if not answer.final:
            tries = "1 attempt" if row.attempts == 1 else f"{row.attempts} attempts"
            row.last_error = f"gave up after {tries}; the last: {answer.error}"
        return Attempted("failed")
    row.next_attempt_at = now + timedelta(seconds=wait)
    return Attempted("retrying", wait)
