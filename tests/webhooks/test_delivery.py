"""Delivering events to a receiver on loopback: signed requests, retries with backoff, giving
up, the SSRF guard, idempotent jobs and redelivery."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from arq import Retry

from assay.db.transactions import tenant_transaction
from assay.settings import Secret, Settings
from assay.webhooks import delivery, jobs, service
from assay.webhooks.backoff import RetryPolicy
from assay.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from assay.webhooks.signing import verify_signature
from tests.support import GraphQLClient, Org, gid, make_org, owner
from tests.webhooks.receiver import Answer, Receiver, Seen
from tests.webhooks.support import (
    DELIVERIES,
    QUICK,
    REDELIVER,
    ROTATE,
    create,
    deliveries,
    drain,
    pk,
)

DATA = {"run": {"id": "UnVuOjE", "status": "COMPLETED", "passed": 2, "total": 3}}


async def _webhook(gql: GraphQLClient, org: Org, receiver: Receiver,
                   events: list[str] | None = None) -> dict[str, Any]:
    return await create(gql, await owner(org), receiver.url(), events)


async def _emit(org: Org, event_type: str = "run.finished",
                data: dict[str, Any] | None = None) -> int:
    async with tenant_transaction(org.id):
        return await service.emit(event_type, data or DATA)


def _signed_with(seen: Seen, secret: str) -> bool:
    return verify_signature(secret, seen.header("Assay-Webhook-Timestamp"), seen.body,
                            seen.header("Assay-Webhook-Signature"))


async def test_a_failing_receiver_is_retried_with_backoff_until_it_answers_2xx(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    created = await _webhook(private_gql, org, receiver)
    receiver.enqueue(Answer(500, '{"error": "boom"}'),
                     Answer(429, "slow down", headers={"Retry-After": "0"}))

    assert await _emit(org) == 1
    await drain(redis_dsn, private_settings)

    [row] = await deliveries(org.id)
    assert (row.status, row.attempts, row.last_status_code, row.last_error) == (
        DeliveryStatus.SUCCEEDED, 3, 200, "")
    assert row.delivered_at is not None and row.next_attempt_at is None
    first, second, third = receiver.requests
    assert [s.header("Assay-Webhook-Attempt") for s in receiver.requests] == ["1", "2", "3"]
    assert {s.body for s in receiver.requests} == {first.body}
    assert json.loads(first.body) == {"id": str(row.event_id), "type": "run.finished",
                                      "created_at": row.payload["created_at"], "data": DATA}
    assert {(s.header("Assay-Webhook-Id"), s.header("Assay-Webhook-Event"),
             s.header("Assay-Webhook-Delivery"), s.header("content-type"), s.path)
            for s in receiver.requests} == {
        (str(row.event_id), "run.finished", str(row.id), "application/json", "/hooks/assay")}
    assert [_signed_with(s, created["secret"]) for s in receiver.requests] == [True] * 3
    assert second.at - first.at >= QUICK.schedule[0]
    assert third.at >= second.at


async def test_a_delivery_fails_after_the_last_attempt(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)
    receiver.enqueue(*[Answer(500, '{"error": "boom"}')] * 4)
    policy = RetryPolicy(schedule=(0.02, 0.04), max_attempts=3, jitter=0.0)

    await _emit(org)
    await drain(redis_dsn, private_settings, policy)

    [row] = await deliveries(org.id)
    assert (row.status, row.attempts, row.last_status_code, row.next_attempt_at) == (
        DeliveryStatus.FAILED, 3, 500, None)
    assert row.last_error == (
        f"gave up after 3 attempts; the last: HTTP 500 (Internal Server Error) from "
        f"{receiver.url()}: {{\"error\": \"boom\"}}: answer 2xx once the event is received")
    assert len(receiver.requests) == 3
    assert receiver.requests[2].at - receiver.requests[1].at >= 0.04


async def test_retry_after_and_the_schedule_set_the_next_attempt(
    private_gql: GraphQLClient, receiver: Receiver, private_settings: Settings
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)
    receiver.enqueue(Answer(503, "", headers={"Retry-After": "120"}), Answer(500, ""))
    policy = RetryPolicy(schedule=(10.0, 60.0), max_attempts=6, jitter=0.0)
    await _emit(org)
    [row] = await deliveries(org.id)

    first = await delivery.attempt(org.id, row.id, settings=private_settings, policy=policy)
    early = await delivery.attempt(org.id, row.id, settings=private_settings, policy=policy)
    async with tenant_transaction(org.id):
        after_first = await WebhookDelivery.get(id=row.id)
        await WebhookDelivery.filter(id=row.id).update(next_attempt_at=datetime.now(UTC))
    second = await delivery.attempt(org.id, row.id, settings=private_settings, policy=policy)
    [after_second] = await deliveries(org.id)

    assert first == delivery.Attempted("retrying", 120.0)
    assert early.outcome == "waiting" and 119.0 < (early.wait or 0) <= 120.0
    assert after_first.next_attempt_at is not None
    assert after_first.last_attempt_at is not None
    assert after_first.next_attempt_at - after_first.last_attempt_at == timedelta(seconds=120)
    assert after_first.last_error == (f"HTTP 503 (Service Unavailable) from {receiver.url()}: "
                                      "answer 2xx once the event is received")
    assert second == delivery.Attempted("retrying", 60.0)
    assert after_second.next_attempt_at is not None
    assert after_second.last_attempt_at is not None
    assert after_second.next_attempt_at - after_second.last_attempt_at == timedelta(
        seconds=60)
    assert (after_second.attempts, after_second.last_status_code) == (2, 500)
    assert len(receiver.requests) == 2


def test_the_default_policy_waits_longer_each_time_with_jitter() -> None:
    policy = RetryPolicy()

    waits = [policy.wait_after(n) for n in range(1, 7)]

    assert waits[5] is None
    assert all(0.8 * base <= (w or 0) <= 1.2 * base for w, base in
               zip(waits[:5], (10, 60, 300, 1800, 7200), strict=True))
    assert (policy.max_attempts, policy.timeout_s) == (6, 10.0)
    assert policy.wait_after(1, retry_after=90.0) == 90.0
    assert policy.wait_after(1, retry_after=10 ** 9) == 6 * 3600.0
    assert policy.wait_after(6, retry_after=5.0) is None


async def test_a_slow_receiver_times_out_and_a_redirect_is_not_followed(
    private_gql: GraphQLClient, receiver: Receiver, private_settings: Settings
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)
    receiver.enqueue(Answer(200, delay=1.0),
                     Answer(302, "", headers={"location": receiver.url("/moved?token=x")}))
    policy = RetryPolicy(schedule=(0.0,), jitter=0.0, timeout_s=0.3)
    await _emit(org)
    [row] = await deliveries(org.id)

    timed_out = await delivery.attempt(org.id, row.id, settings=private_settings, policy=policy)
    [after_timeout] = await deliveries(org.id)
    redirected = await delivery.attempt(org.id, row.id, settings=private_settings,
                                        policy=policy)
    [after_redirect] = await deliveries(org.id)

    assert timed_out == redirected == delivery.Attempted("retrying", 0.0)
    assert (after_timeout.last_status_code, after_timeout.last_error) == (
        None, f"TIMEOUT: {receiver.url()} did not answer within 0.3 s: answer at once with "
        "2xx and do the work after")
    assert (after_redirect.last_status_code, after_redirect.last_error) == (
        302, f"HTTP 302 (Found): {receiver.url()} redirected to {receiver.url('/moved')}; "
        "redirects are not followed: register the final URL with updateWebhook")
    assert [s.path for s in receiver.requests] == ["/hooks/assay", "/hooks/assay"]


async def test_the_ssrf_guard_refuses_a_private_target_and_nothing_is_sent(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, tmp_path: Path
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)
    strict = Settings(environment="test", data_dir=tmp_path, allow_private_targets=False,
                      kek=Secret("unused"))

    await _emit(org)
    await drain(redis_dsn, strict)

    [row] = await deliveries(org.id)
    assert (row.status, row.attempts, row.last_status_code) == (DeliveryStatus.FAILED, 1, None)
    assert row.last_error.startswith(
        "SSRF_REFUSED: refused to connect to 127.0.0.1: it is a loopback address. Assay does "
        "not reach loopback, private, link-local or metadata addresses")
    assert receiver.requests == []


async def test_a_job_delivered_again_sends_nothing_more(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)
    await _emit(org)
    await drain(redis_dsn, private_settings)
    [row] = await deliveries(org.id)

    again = await jobs.webhook_delivery({jobs.SETTINGS: private_settings}, str(org.id),
                                        str(row.id))

    assert again == "skipped"
    assert len(receiver.requests) == 1
    assert (await deliveries(org.id))[0].attempts == 1


async def test_a_job_waits_for_the_commit_then_gives_up_on_a_delivery_that_never_came(
    private_settings: Settings
) -> None:
    org = await make_org()
    missing = str(uuid.uuid4())
    fresh = {jobs.SETTINGS: private_settings, "enqueue_time": datetime.now(UTC)}
    stale = {jobs.SETTINGS: private_settings,
             "enqueue_time": datetime.now(UTC) - timedelta(minutes=5)}

    with pytest.raises(Retry):
        await jobs.webhook_delivery(fresh, str(org.id), missing)
    assert await jobs.webhook_delivery(stale, str(org.id), missing) == "missing"


async def test_deliveries_after_a_rotation_are_signed_with_the_new_secret(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    created = await _webhook(private_gql, org, receiver)
    await _emit(org)
    rotated = await private_gql.data(ROTATE, {"id": created["webhook"]["id"]}, await owner(org))

    await drain(redis_dsn, private_settings)

    [seen] = receiver.requests
    assert _signed_with(seen, rotated["rotateWebhookSecret"]["secret"]) is True
    assert _signed_with(seen, created["secret"]) is False


async def test_only_active_subscribed_webhooks_get_an_event(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str
) -> None:
    org = await make_org()
    runs = await _webhook(private_gql, org, receiver, ["run.finished"])
    both = await _webhook(private_gql, org, receiver, ["run.finished", "evaluation.finished"])
    paused = await create(private_gql, await owner(org), receiver.url(), ["run.finished"],
                          active=False)
    quiet = await make_org()

    made = [await _emit(org), await _emit(org, "evaluation.finished"), await _emit(quiet)]

    rows = await deliveries(org.id)
    assert made == [2, 1, 0]
    assert [(str(r.endpoint_id), r.event_type) for r in rows] == [
        (str(pk(runs["webhook"]["id"])), "run.finished"),
        (str(pk(both["webhook"]["id"])), "run.finished"),
        (str(pk(both["webhook"]["id"])), "evaluation.finished")]
    assert rows[0].event_id == rows[1].event_id != rows[2].event_id
    assert str(pk(paused["webhook"]["id"])) not in {str(r.endpoint_id) for r in rows}
    assert {r.status for r in rows} == {DeliveryStatus.PENDING}


async def test_emitting_an_unknown_event_or_a_huge_payload_is_refused(
    private_gql: GraphQLClient, receiver: Receiver
) -> None:
    org = await make_org()
    await _webhook(private_gql, org, receiver)

    with pytest.raises(ValueError, match=r"unknown webhook event type 'run\.done'"):
        await _emit(org, "run.done")
    with pytest.raises(ValueError, match="keep it under 524288"):
        await _emit(org, data={"blob": "x" * 600_000})

    assert await deliveries(org.id) == []


async def test_a_paused_webhook_stops_its_pending_retries(
    private_gql: GraphQLClient, receiver: Receiver, private_settings: Settings
) -> None:
    org = await make_org()
    created = await _webhook(private_gql, org, receiver)
    await _emit(org)
    async with tenant_transaction(org.id):
        await WebhookEndpoint.filter(id=pk(created["webhook"]["id"])).update(active=False)
    [row] = await deliveries(org.id)

    done = await delivery.attempt(org.id, row.id, settings=private_settings, policy=QUICK)

    [after] = await deliveries(org.id)
    assert done == delivery.Attempted("failed")
    assert (after.status, after.attempts, after.last_error) == (
        DeliveryStatus.FAILED, 0, "the webhook was made inactive before this delivery "
        "succeeded: activate it with updateWebhook, then redeliver")
    assert receiver.requests == []


async def test_a_failed_delivery_is_redelivered_as_the_same_event(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    caller = await owner(org)
    created = await _webhook(private_gql, org, receiver)
    receiver.enqueue(Answer(500, ""))
    await _emit(org)
    await drain(redis_dsn, private_settings, RetryPolicy(max_attempts=1))
    [failed] = await deliveries(org.id)

    answer = await private_gql.data(REDELIVER, {"id": gid("WebhookDelivery", failed.id)},
                                    caller)
    await drain(redis_dsn, private_settings)

    again = answer["redeliverWebhook"]["delivery"]
    assert {k: again[k] for k in ("eventId", "eventType", "status", "attempts",
                                  "redeliveryOfId", "webhook")} == {
        "eventId": str(failed.event_id), "eventType": "run.finished", "status": "PENDING",
        "attempts": 0, "redeliveryOfId": gid("WebhookDelivery", failed.id),
        "webhook": {"id": created["webhook"]["id"]}}
    original, redelivered = await deliveries(org.id)
    assert (original.status, original.attempts) == (DeliveryStatus.FAILED, 1)
    assert (redelivered.status, redelivered.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    first, second = receiver.requests
    assert second.body == first.body
    assert second.header("Assay-Webhook-Id") == first.header("Assay-Webhook-Id")
    assert _signed_with(second, created["secret"]) is True


async def test_a_pending_delivery_is_redelivered_only_when_its_job_was_lost(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    from redis.asyncio import Redis

    org = await make_org()
    caller = await owner(org)
    await _webhook(private_gql, org, receiver)
    await _emit(org)
    [pending] = await deliveries(org.id)
    delivery_id = gid("WebhookDelivery", pending.id)

    queued = await private_gql.data(REDELIVER, {"id": delivery_id}, caller)
    client = Redis.from_url(redis_dsn)
    await client.flushdb()  # the job is lost
    await client.aclose()
    lost = await private_gql.data(REDELIVER, {"id": delivery_id}, caller)
    await drain(redis_dsn, private_settings)

    assert queued["redeliverWebhook"] == {
        "__typename": "ConflictError", "code": "DELIVERY_PENDING",
        "message": "this delivery is still being tried (0 attempts so far): wait until it "
                   "succeeds or fails, then redeliver it"}
    assert lost["redeliverWebhook"]["delivery"]["id"] == delivery_id
    [row] = await deliveries(org.id)
    assert (row.status, row.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    assert len(receiver.requests) == 1


async def test_deliveries_are_listed_newest_first_with_their_status(
    private_gql: GraphQLClient, receiver: Receiver, redis_dsn: str, private_settings: Settings
) -> None:
    org = await make_org()
    caller = await owner(org)
    created = await _webhook(private_gql, org, receiver)
    other = await _webhook(private_gql, org, receiver, ["evaluation.finished"])
    receiver.enqueue(Answer(500, "down"))
    await _emit(org)
    await drain(redis_dsn, private_settings, RetryPolicy(max_attempts=1))
    await _emit(org)
    await drain(redis_dsn, private_settings)
    await _emit(org)
    await _emit(org, "evaluation.finished")
    failed, succeeded, pending, elsewhere = await deliveries(org.id)
    webhook_id = created["webhook"]["id"]

    every = await private_gql.data(DELIVERIES, {"endpointId": webhook_id}, caller)
    only_failed = await private_gql.data(DELIVERIES, {"endpointId": webhook_id,
                                                      "status": "FAILED"}, caller)
    first_page = await private_gql.data(DELIVERIES, {"endpointId": webhook_id, "first": 2},
                                        caller)
    next_page = await private_gql.data(DELIVERIES, {
        "endpointId": webhook_id, "first": 2,
        "after": first_page["webhookDeliveries"]["pageInfo"]["endCursor"]}, caller)
    everywhere = await private_gql.data(DELIVERIES, caller=caller)

    def listed(page: dict[str, Any]) -> list[tuple[str, str, int, int | None]]:
        return [(e["node"]["id"], e["node"]["status"], e["node"]["attempts"],
                 e["node"]["lastStatusCode"]) for e in page["webhookDeliveries"]["edges"]]

    ids = {row.id: gid("WebhookDelivery", row.id) for row in (failed, succeeded, pending,
                                                              elsewhere)}
    assert listed(every) == [(ids[pending.id], "PENDING", 0, None),
                             (ids[succeeded.id], "SUCCEEDED", 1, 200),
                             (ids[failed.id], "FAILED", 1, 500)]
    assert every["webhookDeliveries"]["totalCount"] == 3
    assert listed(only_failed) == [(ids[failed.id], "FAILED", 1, 500)]
    assert only_failed["webhookDeliveries"]["edges"][0]["node"]["lastError"] == (
        f"gave up after 1 attempt; the last: HTTP 500 (Internal Server Error) from "
        f"{receiver.url()}: down: answer 2xx once the event is received")
    assert listed(first_page) == listed(every)[:2]
    assert first_page["webhookDeliveries"]["pageInfo"]["hasNextPage"] is True
    assert listed(next_page) == listed(every)[2:]
    assert [e["node"]["id"] for e in everywhere["webhookDeliveries"]["edges"]] == [
        ids[elsewhere.id], ids[pending.id], ids[succeeded.id], ids[failed.id]]
    assert everywhere["webhookDeliveries"]["edges"][0]["node"]["webhook"] == {
        "id": other["webhook"]["id"]}
    assert created["secret"] not in json.dumps([every, everywhere])
