"""Every mutation writes exactly one audit event, in its transaction, saying who, what and where."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from assay.audit.service import verify_chain
from assay.db.transactions import tenant_transaction
from assay.graphql.node import NODE_KINDS
from assay.graphql.relay import encode_id
from tests.security.walk import RootField, root_fields, sdl_schema
from tests.security.world import SECRETS, build_world, call
from tests.support import Caller, GraphQLClient, key_caller

SCHEMA = sdl_schema()
#: Signing up, signing in and ending sessions record events about a person (in each of their
#: organizations' trails, targeting the User, most by anonymous callers); tests/identity
#: checks each of those events.
PERSONAL = {"signUp", "verifyEmail", "logIn", "beginTotpEnrollment", "confirmTotpEnrollment",
            "verifyTotp", "logOut", "revokeSession", "requestPasswordReset", "resetPassword",
            # needs the token mailed to the invitee; tests/identity checks its event
            "acceptInvitation"}
MUTATIONS = [root for root in root_fields(SCHEMA)
             if root.operation == "mutation" and root.name not in PERSONAL]
ACTION = re.compile(r"[a-z][a-z_]*(\.[a-z_]+)+")
#: What an event may target: objects with a global id (members and invitations have one but
#: are read through `members`/`invitations`, not `node`) and the organization itself.
TARGET_KINDS = {*NODE_KINDS, "Organization", "Member", "Invitation"}
#: Where the test client connects from (httpx's ASGI transport).
CLIENT_IP = "127.0.0.1"


async def _post(gql: GraphQLClient, query: str, variables: dict[str, Any],
                caller: Caller) -> httpx.Response:
    return await gql.http.post("/graphql", json={"query": query, "variables": variables},
                               headers=caller.headers)


async def _events_after(owner_db: asyncpg.Connection, org_id: uuid.UUID,
                        seq: int) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT *, x::text AS row_text FROM audit_events x "
        "WHERE organization_id = $1 AND seq > $2 ORDER BY seq", org_id, seq)
    return [dict(row) for row in rows]


async def _last_seq(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> int:
    seq: int = await owner_db.fetchval(
        "SELECT coalesce(max(seq), 0) FROM audit_events WHERE organization_id = $1", org_id)
    return seq


def _node_ids(value: Any) -> set[str]:
    """Global ids of every object in a response value."""
    if isinstance(value, list):
        return {found for item in value for found in _node_ids(item)}
    if not isinstance(value, dict):
        return set()
    own = {value["id"]} if isinstance(value.get("id"), str) else set()
    return own | {found for item in value.values() for found in _node_ids(item)}


def _input_ids(value: Any) -> set[str]:
    """Every string in the call's variables (the ids it names among them)."""
    if isinstance(value, dict):
        return {found for item in value.values() for found in _input_ids(item)}
    if isinstance(value, list):
        return {found for item in value for found in _input_ids(item)}
    return {value} if isinstance(value, str) else set()


def _success(root: RootField, body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("errors") is None, body
    result: dict[str, Any] = body["data"][root.name]
    assert result["__typename"].endswith("Success"), result
    return result


@pytest.mark.parametrize("root", MUTATIONS, ids=lambda root: root.name)
async def test_a_mutation_writes_one_event(
    root: RootField, gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    world = await build_world(gql, "Audited")
    query, variables = call(SCHEMA, root, world)
    seq = await _last_seq(owner_db, world.org.id)
    started = datetime.now(UTC)

    response = await _post(gql, query, variables, world.owner)

    finished = datetime.now(UTC)
    result = _success(root, response.json())
    events = await _events_after(owner_db, world.org.id, seq)
    assert [e["seq"] for e in events] == [seq + 1]
    event = events[0]
    assert event["organization_id"] == world.org.id
    assert (event["actor_type"], event["actor_id"]) == ("user", str(world.org.owner_id))
    assert ACTION.fullmatch(event["action"]), event["action"]
    assert event["target_type"] in TARGET_KINDS
    target = encode_id(event["target_type"], uuid.UUID(event["target_id"]))
    assert target in _node_ids(result) | _input_ids(variables), (target, result, variables)
    assert event["request_id"] == response.headers["x-request-id"]
    assert event["ip"] == CLIENT_IP
    assert event["created_at"].utcoffset() == timedelta(0)
    assert started - timedelta(seconds=1) <= event["created_at"] <= finished
    assert [s for s in SECRETS if s in event["row_text"]] == []
    assert isinstance(json.loads(event["details"]), dict)


async def test_an_api_key_is_recorded_as_the_actor(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    world = await build_world(gql, "Keyed")
    caller = key_caller(world.org.api_key)
    await gql.data("{ viewer { kind } }", caller=caller)  # the key's first use is its own event
    key_id = await owner_db.fetchval(
        "SELECT id FROM api_keys WHERE organization_id = $1 AND name = 'bootstrap'",
        world.org.id)
    root = next(r for r in MUTATIONS if r.name == "createSuite")
    query, variables = call(SCHEMA, root, world)
    seq = await _last_seq(owner_db, world.org.id)

    response = await _post(gql, query, variables, caller)

    _success(root, response.json())
    events = await _events_after(owner_db, world.org.id, seq)
    assert [(e["actor_type"], e["actor_id"], e["request_id"]) for e in events] == [
        ("api_key", str(key_id), response.headers["x-request-id"])]


async def test_a_refused_change_writes_no_event(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    world = await build_world(gql, "Refused")
    root = next(r for r in MUTATIONS if r.name == "createSuite")
    query, variables = call(SCHEMA, root, world, {("input", "name"): "Smoke"})
    seq = await _last_seq(owner_db, world.org.id)

    response = await _post(gql, query, variables, world.owner)

    assert response.json()["data"]["createSuite"]["__typename"] == "ConflictError"
    assert await _events_after(owner_db, world.org.id, seq) == []


async def test_the_chain_verifies_after_a_busy_world(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    world = await build_world(gql, "Verified")
    events = await _last_seq(owner_db, world.org.id)

    async with tenant_transaction(world.org.id):
        checked = await verify_chain()

    assert checked == (events, None)
