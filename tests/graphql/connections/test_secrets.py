"""A credential value never comes back: not in a response, an error, an audit event or a log."""

from __future__ import annotations

import json
import logging
from typing import Any

import asyncpg
import pytest

from assay.organizations.models import Role
from tests.graphql.connections.support import (
    CREATE,
    LIST,
    ROTATE,
    UPDATE,
    create_ok,
    http_input,
)
from tests.support import GraphQLClient, make_org, member, owner

#: One distinct secret per call, so a leak names the path that leaked it.
SECRETS = {name: f"s3cr3t-{name}-7f1c9a2e" for name in (
    "created", "invalid-create", "unnamed", "rotated", "invalid-rotate", "foreign-rotate",
    "viewer-rotate", "typed")}
NUMERIC_SECRET = 918273645546372819


async def test_no_secret_in_responses_audit_or_debug_logs(
    gql: GraphQLClient, owner_db: asyncpg.Connection, caplog: pytest.LogCaptureFixture
) -> None:
    org, other = await make_org(), await make_org("Other")
    caller = await owner(org)
    foreign = await create_ok(gql, await owner(other), http_input(other, "Theirs"))
    bodies: list[dict[str, Any]] = []

    with caplog.at_level(logging.DEBUG):
        bodies += await _calls(gql, org, caller, foreign)
        bodies += await _calls_by_viewer(gql, org)

    assert [b["_status"] for b in bodies] == [200] * len(bodies)
    responses = json.dumps(bodies)
    events = await owner_db.fetchval(
        "SELECT string_agg(details::text || action, ' ') FROM audit_events "
        "WHERE organization_id = ANY($1::uuid[])", [org.id, other.id])
    for secret in [*SECRETS.values(), str(NUMERIC_SECRET)]:
        assert secret not in responses
        assert secret not in caplog.text
        assert secret not in events
    assert "7f1c9a2e" not in caplog.text
    assert len(caplog.records) > 20  # the SQL itself was logged at DEBUG


async def _calls(gql: GraphQLClient, org: Any, caller: Any, foreign: str
                 ) -> list[dict[str, Any]]:
    created = await gql.post(CREATE, {"input": {**http_input(org), "credentials": [
        {"name": "auth", "value": SECRETS["created"]}]}}, caller)
    connection_id = created["data"]["createAgentConnection"]["agentConnection"]["id"]
    return [
        created,
        await gql.post(CREATE, {"input": {**http_input(org, "Bad"), "name": "", "credentials": [
            {"name": "auth", "value": SECRETS["invalid-create"]}]}}, caller),
        await gql.post(CREATE, {"input": {**http_input(org, "Unnamed"), "credentials": [
            {"value": SECRETS["unnamed"]}]}}, caller),
        await gql.post(CREATE, {"input": {**http_input(org, "Typed"), "credentials": [
            {"name": "auth", "value": NUMERIC_SECRET}]}}, caller),
        await gql.post(UPDATE, {"input": {"id": connection_id, "concurrency": 4}}, caller),
        await gql.post(ROTATE, {"id": connection_id, "name": "auth",
                                "value": SECRETS["rotated"]}, caller),
        await gql.post(ROTATE, {"id": connection_id, "name": "bad name",
                                "value": SECRETS["invalid-rotate"]}, caller),
        await gql.post(ROTATE, {"id": foreign, "name": "auth",
                                "value": SECRETS["foreign-rotate"]}, caller),
        await gql.post(ROTATE, {"id": connection_id, "name": "auth",
                                "value": {"nested": SECRETS["typed"]}}, caller),
        await gql.post(LIST, {}, caller),
    ]


async def _calls_by_viewer(gql: GraphQLClient, org: Any) -> list[dict[str, Any]]:
    viewer = await member(org, Role.VIEWER)
    listed = await gql.post("{ agentConnections { edges { node { id } } } }", {}, viewer)
    connection_id = listed["data"]["agentConnections"]["edges"][0]["node"]["id"]
    rotated = await gql.post(ROTATE, {"id": connection_id, "name": "auth",
                                      "value": SECRETS["viewer-rotate"]}, viewer)
    return [listed, rotated]


async def test_errors_for_badly_typed_secrets_do_not_echo_them(gql: GraphQLClient,
                                                               database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))

    body = await gql.post(ROTATE, {"id": connection_id, "name": "auth", "value": NUMERIC_SECRET},
                          caller)

    assert [e["message"] for e in body["errors"]] == [
        "Variable '$value' has invalid value: a secret value must be a string: send it as a "
        "JSON string"
    ]
