"""updateAgentConnection and rotateConnectionCredential through the API."""

from __future__ import annotations

import json
from datetime import datetime

import asyncpg

from tests.graphql.connections.support import (
    BROWSER,
    CREDENTIALS,
    HTTP,
    ROTATE,
    UPDATE,
    create_ok,
    credential_rows,
    http_input,
    table_counts,
)
from tests.support import GraphQLClient, make_org, owner


async def test_update_renames_and_replaces_the_configuration(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))
    events_before = (await table_counts(owner_db, org.id))[2]
    http = {"url": "https://bot.example.com/ask?q={{message}}", "method": "GET",
            "responsePath": "answer", "auth": {"type": "BEARER"}, "timeoutSeconds": 5}

    data = await gql.data(UPDATE, {"input": {"id": connection_id, "name": "Renamed",
                                             "http": http, "concurrency": 3}}, caller)

    connection = data["updateAgentConnection"]["agentConnection"]
    assert (connection["name"], connection["concurrency"]) == ("Renamed", 3)
    assert connection["http"] == {
        "url": "https://bot.example.com/ask?q={{message}}", "method": "GET",
        "auth": {"type": "BEARER", "headerName": None, "queryParam": None}, "headers": [],
        "secretHeaders": [], "bodyTemplate": None, "responsePath": "answer",
        "sessionIdPath": None, "timeoutSeconds": 5,
    }
    assert (await table_counts(owner_db, org.id))[2] == events_before + 1
    event = await owner_db.fetchrow(
        "SELECT action, details FROM audit_events WHERE organization_id = $1 "
        "ORDER BY seq DESC LIMIT 1", org.id)
    assert (event["action"], json.loads(event["details"])) == (
        "connection.update", {"changed": ["concurrency", "config", "name"], "name": "Renamed"})


async def test_update_refuses_a_kind_change_and_missing_credentials(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))
    before = await table_counts(owner_db, org.id)

    kind = await gql.data(UPDATE, {"input": {"id": connection_id, "browser": BROWSER}}, caller)
    missing = await gql.data(UPDATE, {"input": {"id": connection_id, "http": {
        **HTTP, "secretHeaders": ["X-Tenant-Token"]}}}, caller)

    assert kind["updateAgentConnection"]["issues"] == [{
        "path": ["input", "browser"], "code": "KIND_IMMUTABLE",
        "message": "this connection is HTTP and its kind cannot change: give http instead, "
                   "or create a new connection",
    }]
    assert missing["updateAgentConnection"]["issues"] == [{
        "path": ["input", "http", "secretHeaders", "0"], "code": "CREDENTIAL_MISSING",
        "message": "secret header X-Tenant-Token takes its value from the credential "
                   "'header:X-Tenant-Token', which is not set: set it first with "
                   "rotateConnectionCredential",
    }]
    assert await table_counts(owner_db, org.id) == before


async def test_rotate_then_reference_the_new_credential(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))

    rotated = await gql.data(ROTATE, {"id": connection_id, "name": "header:X-Tenant-Token",
                                      "value": "tenant-token-abcdefgh"}, caller)
    updated = await gql.data(UPDATE, {"input": {"id": connection_id, "http": {
        **HTTP, "secretHeaders": ["X-Tenant-Token"]}}}, caller)

    assert rotated["rotateConnectionCredential"] == {
        "__typename": "RotateConnectionCredentialSuccess",
        "credential": {"name": "header:X-Tenant-Token", "isSet": True, "hint": "…efgh"},
        "agentConnection": {"credentials": [
            {"name": "auth", "isSet": True, "hint": "…6789"},
            {"name": "header:X-Tenant-Token", "isSet": True, "hint": "…efgh"},
        ]},
    }
    assert updated["updateAgentConnection"]["agentConnection"]["http"]["secretHeaders"] == [
        "X-Tenant-Token"]
    assert [row[1] for row in await credential_rows(owner_db, org.id)] == [
        "auth", "header:X-Tenant-Token"]


async def test_rotate_replaces_the_sealed_value_in_place(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))
    [before] = await credential_rows(owner_db, org.id)
    [listed_before] = (await gql.data(CREDENTIALS, {"id": connection_id}, caller))["node"][
        "credentials"]

    data = await gql.data(ROTATE, {"id": connection_id, "name": "auth",
                                   "value": "sk-live-ROTATED-99999999"}, caller)

    [after] = await credential_rows(owner_db, org.id)
    [listed_after] = (await gql.data(CREDENTIALS, {"id": connection_id}, caller))["node"][
        "credentials"]
    assert listed_after["name"] == listed_before["name"] == "auth"
    assert datetime.fromisoformat(listed_after["updatedAt"]) > datetime.fromisoformat(
        listed_before["updatedAt"])
    assert data["rotateConnectionCredential"]["credential"] == {
        "name": "auth", "isSet": True, "hint": "…9999"}
    assert (after[0], after[1]) == (before[0], before[1])
    assert (after[2], after[3]) != (before[2], before[3])


async def test_rotate_validates_name_and_value(gql: GraphQLClient, owner_db: asyncpg.Connection
                                               ) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))
    before = await credential_rows(owner_db, org.id)

    data = await gql.data(ROTATE, {"id": connection_id, "name": "no spaces", "value": ""},
                          caller)

    assert data["rotateConnectionCredential"]["issues"] == [
        {"path": ["name"], "code": "INVALID_NAME",
         "message": "a credential name has 1 to 100 letters, digits and _ . : - and starts "
                    "with a letter or digit"},
        {"path": ["value"], "code": "REQUIRED",
         "message": "give the secret value; it cannot be empty"},
    ]
    assert await credential_rows(owner_db, org.id) == before


async def test_update_with_nothing_to_change_is_refused(gql: GraphQLClient, database: object
                                                        ) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))

    data = await gql.data(UPDATE, {"input": {"id": connection_id}}, caller)

    assert data["updateAgentConnection"] == {
        "__typename": "ValidationError", "code": "VALIDATION_FAILED",
        "message": "input: nothing to change: give name, http, browser or concurrency",
        "issues": [{"path": ["input"], "code": "NOTHING_TO_CHANGE",
                    "message": "nothing to change: give name, http, browser or concurrency"}],
    }
