"""Webhook endpoints through the API: a secret shown once and sealed, validation, changes,
rotation, deletion, and other organizations kept out."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg

from assay.db.transactions import tenant_transaction
from assay.organizations.models import Role
from assay.webhooks import sealed_secrets
from assay.webhooks.models import WebhookEndpoint
from tests.security.world import snapshot
from tests.support import GraphQLClient, error_codes, gid, make_org, member, owner
from tests.webhooks.rows import failed_delivery
from tests.webhooks.support import (
    CREATE,
    DELETE,
    DELIVERIES,
    ROTATE,
    UPDATE,
    WEBHOOKS,
    create,
    endpoints,
    pk,
)

URL = "https://hooks.example.com/assay?team=qa"
NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Webhook { url secretHint } } }"


async def _events(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> list[tuple[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT action, details, x::text AS row_text FROM audit_events x "
        "WHERE organization_id = $1 AND action LIKE 'webhook.%' ORDER BY seq", org_id)
    return [(row["action"], json.loads(row["details"])) for row in rows]


async def test_a_webhook_shows_its_secret_once_and_seals_it(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)

    created = await create(gql, caller, URL, ["evaluation.finished", "run.finished"],
                           description="QA dashboard")
    listed = await gql.data(WEBHOOKS, caller=caller)
    node = await gql.data(NODE, {"id": created["webhook"]["id"]}, caller)

    secret = created["secret"]
    assert secret.startswith("whsec_") and len(secret) == 6 + 43
    webhook = created["webhook"]
    assert {k: v for k, v in webhook.items() if k != "id"} == {
        "url": URL, "events": ["run.finished", "evaluation.finished"],
        "description": "QA dashboard", "active": True, "secretHint": f"…{secret[-4:]}"}
    assert [{k: v for k, v in w.items() if k not in ("createdAt", "updatedAt")}
            for w in listed["webhooks"]] == [webhook]
    assert node["node"] == {"__typename": "Webhook", "id": webhook["id"], "url": URL,
                            "secretHint": f"…{secret[-4:]}"}
    assert secret not in json.dumps([listed, node])
    row = await owner_db.fetchrow(
        "SELECT w.*, w::text AS row_text FROM webhook_endpoints w WHERE organization_id = $1",
        org.id)
    assert secret not in row["row_text"]
    assert secret.encode() not in bytes(row["secret_ciphertext"])
    assert (row["secret_version"], len(row["secret_nonce"])) == (1, 12)
    audit = await owner_db.fetch(
        "SELECT x::text AS row_text FROM audit_events x WHERE organization_id = $1", org.id)
    assert [r for r in audit if secret in r["row_text"]] == []
    assert await _events(owner_db, org.id) == [("webhook.create", {
        "url": "https://hooks.example.com/assay", "events": ["run.finished",
                                                            "evaluation.finished"],
        "active": True})]
    async with tenant_transaction(org.id):
        stored = await WebhookEndpoint.get(id=pk(webhook["id"]))
        assert await sealed_secrets.open_secret(stored) == secret


async def test_bad_input_is_refused_with_what_to_do_and_nothing_is_made(
    gql: GraphQLClient
) -> None:
    org = await make_org()
    caller = await owner(org)
    cases = [
        ("ftp://hooks.example.com/x", ["run.finished"], "INVALID_URL"),
        ("https://user:pw@hooks.example.com/x", ["run.finished"], "INVALID_URL"),
        ("https://hooks.example.com/x#part", ["run.finished"], "INVALID_URL"),
        ("https://hooks.example.com/x", ["run.done"], "UNKNOWN_EVENT"),
        ("https://hooks.example.com/x", [], "REQUIRED"),
        ("http://127.0.0.1:8080/hook", ["run.finished"], "SSRF_REFUSED"),
        ("http://169.254.169.254/latest", ["run.finished"], "SSRF_REFUSED"),
        ("http://localhost/hook", ["run.finished"], "SSRF_REFUSED"),
    ]

    answers = [(await gql.data(CREATE, {"input": {"url": url, "events": events}}, caller)
                )["createWebhook"] for url, events, _ in cases]

    assert [(a["__typename"], a["issues"][0]["code"]) for a in answers] == [
        ("ValidationError", code) for _, _, code in cases]
    assert answers[3]["message"] == ("input.events: unknown event type 'run.done': choose "
                                     "among run.finished, evaluation.finished, "
                                     "comparison.regression")
    assert answers[5]["message"].startswith(
        "input.url: 127.0.0.1 is a loopback address: give the receiver's public URL. Assay "
        "does not reach loopback")
    assert await endpoints(org.id) == []


async def test_an_operator_who_allows_private_targets_may_register_loopback(
    private_gql: GraphQLClient
) -> None:
    org = await make_org()

    created = await create(private_gql, await owner(org), "http://127.0.0.1:8080/hook")

    assert created["webhook"]["url"] == "http://127.0.0.1:8080/hook"


async def test_a_webhook_is_changed_rotated_and_deleted_with_its_deliveries(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    created = await create(gql, caller, URL)
    webhook_id = created["webhook"]["id"]
    async with tenant_transaction(org.id):
        await failed_delivery(pk(webhook_id))

    updated = await gql.data(UPDATE, {"input": {
        "id": webhook_id, "events": ["comparison.regression"], "active": False}}, caller)
    nothing = await gql.data(UPDATE, {"input": {"id": webhook_id}}, caller)
    rotated = await gql.data(ROTATE, {"id": webhook_id}, caller)
    new_secret = rotated["rotateWebhookSecret"]["secret"]
    async with tenant_transaction(org.id):
        opened = await sealed_secrets.open_secret(await WebhookEndpoint.get(id=pk(webhook_id)))
    deleted = await gql.data(DELETE, {"id": webhook_id}, caller)

    assert updated["updateWebhook"]["webhook"]["events"] == ["comparison.regression"]
    assert updated["updateWebhook"]["webhook"]["active"] is False
    assert nothing["updateWebhook"] == {
        "__typename": "ValidationError", "code": "VALIDATION_FAILED",
        "message": "input: nothing to change: give url, events, description or active"}
    assert new_secret != created["secret"] and new_secret.startswith("whsec_")
    assert rotated["rotateWebhookSecret"]["webhook"]["secretHint"] == f"…{new_secret[-4:]}"
    assert opened == new_secret
    assert deleted["deleteWebhook"] == {"__typename": "DeleteWebhookSuccess",
                                        "deletedId": webhook_id}
    assert await endpoints(org.id) == []
    assert await owner_db.fetchval(
        "SELECT count(*) FROM webhook_deliveries WHERE organization_id = $1", org.id) == 0
    assert [action for action, _ in await _events(owner_db, org.id)] == [
        "webhook.create", "webhook.update", "webhook.rotate_secret", "webhook.delete"]
    assert (await _events(owner_db, org.id))[3][1] == {
        "url": "https://hooks.example.com/assay", "deliveries": 1}


async def test_members_and_viewers_neither_see_nor_change_webhooks(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    created = await create(gql, await owner(org), URL)
    callers = [await member(org, Role.MEMBER), await member(org, Role.VIEWER)]
    before = await snapshot(owner_db, org.id)

    for caller in callers:
        listed = await gql.post(WEBHOOKS, caller=caller)
        rotated = await gql.post(ROTATE, {"id": created["webhook"]["id"]}, caller)
        assert (error_codes(listed), listed["data"]) == (["FORBIDDEN"], None)
        assert (error_codes(rotated), rotated["data"]) == (["FORBIDDEN"], None)

    assert await snapshot(owner_db, org.id) == before


async def test_another_organization_cannot_reach_a_webhook_or_its_deliveries(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    victim, attacker = await make_org("Victim"), await make_org("Attacker")
    created = await create(gql, await owner(victim), URL)
    webhook_id = created["webhook"]["id"]
    async with tenant_transaction(victim.id):
        delivery = await failed_delivery(pk(webhook_id))
    intruder = await owner(attacker)
    before = await snapshot(owner_db, victim.id)

    node = await gql.post(NODE, {"id": webhook_id}, intruder)
    listed = await gql.data(WEBHOOKS, caller=intruder)
    pages = await gql.post(DELIVERIES, {"endpointId": webhook_id}, intruder)
    unknown = await gql.post(DELIVERIES, {"endpointId": gid("Webhook", uuid.uuid4())},
                             intruder)
    all_pages = await gql.data(DELIVERIES, caller=intruder)
    rotated = await gql.data(ROTATE, {"id": webhook_id}, intruder)
    redelivered = await gql.data(
        "mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { __typename } }",
        {"id": gid("WebhookDelivery", delivery.id)}, intruder)

    assert error_codes(node) == ["NOT_FOUND"]
    assert listed == {"webhooks": []}
    assert error_codes(pages) == ["NOT_FOUND"] and pages == unknown
    assert all_pages["webhookDeliveries"]["totalCount"] == 0
    assert rotated["rotateWebhookSecret"]["__typename"] == "NotFoundError"
    assert redelivered["redeliverWebhook"]["__typename"] == "NotFoundError"
    assert created["secret"] not in json.dumps([node, listed, pages, rotated])
    assert await snapshot(owner_db, victim.id) == before
