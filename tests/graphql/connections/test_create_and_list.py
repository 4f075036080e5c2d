"""createAgentConnection, agentConnections and node(id:) through the API."""

from __future__ import annotations

import logging

import asyncpg
import pytest

from tests.graphql.connections.support import (
    BROWSER,
    HTTP,
    LIST,
    NODE,
    create,
    create_ok,
    http_input,
    table_counts,
)
from tests.support import GraphQLClient, key_caller, make_org, owner


async def test_owner_creates_an_http_connection(gql: GraphQLClient, owner_db: asyncpg.Connection
                                                ) -> None:
    org = await make_org()

    result = await create(gql, await owner(org), http_input(org))

    connection = result["agentConnection"]
    assert result["__typename"] == "CreateAgentConnectionSuccess"
    assert {k: v for k, v in connection.items() if k != "id"} == {
        "name": "Support bot",
        "kind": "HTTP",
        "concurrency": 10,
        "http": {
            "url": "https://bot.example.com/v1/chat",
            "method": "POST",
            "auth": {"type": "BEARER", "headerName": None, "queryParam": None},
            "headers": [{"name": "Accept", "value": "application/json"}],
            "secretHeaders": [],
            "bodyTemplate": '{"messages": {{conversation}}}',
            "responsePath": "choices.0.message.content",
            "sessionIdPath": None,
            "timeoutSeconds": 30,
        },
        "browser": None,
        "project": {"name": "Default"},
        "credentials": [{"name": "auth", "isSet": True, "hint": "…6789"}],
    }
    assert await table_counts(owner_db, org.id) == (1, 1, 4)  # bootstrap wrote 3 events


async def test_owner_creates_a_browser_connection(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    payload = {"projectId": org.project_gid, "name": "Shop widget", "browser": BROWSER,
               "concurrency": 5, "credentials": [{"name": "password", "value": "pw-1"}]}

    result = await create(gql, await owner(org), payload)

    connection = result["agentConnection"]
    assert (connection["kind"], connection["concurrency"], connection["http"]) == (
        "BROWSER", 5, None)
    assert connection["browser"] == {
        "chatUrl": "https://shop.example.com/chat",
        "loginUrl": "https://shop.example.com/login",
        "selectors": {"input": "textarea", "sendButton": "#send", "response": ".bot-message",
                      "typingIndicator": ".typing"},
        "loginSteps": [
            {"action": "FILL", "selector": "#email", "value": "qa@example.com", "key": None,
             "url": None, "milliseconds": None},
            {"action": "FILL", "selector": "#password", "value": "{{credentials.password}}",
             "key": None, "url": None, "milliseconds": None},
            {"action": "CLICK", "selector": "button[type=submit]", "value": None, "key": None,
             "url": None, "milliseconds": None},
            {"action": "WAIT", "selector": None, "value": None, "key": None, "url": None,
             "milliseconds": 500},
        ],
        "postNavigationSteps": [{"action": "PRESS", "selector": None, "value": None,
                                 "key": "Escape", "url": None, "milliseconds": None}],
        "navigationTimeoutMs": 30_000,
        "responseTimeoutMs": 60_000,
        "quietPeriodMs": 1_500,
    }
    assert connection["credentials"] == [{"name": "password", "isSet": True, "hint": "…"}]


@pytest.mark.parametrize(
    ("change", "issues"),
    [
        ({"http": {**HTTP, "bodyTemplate": '{"q": {{message}}}'}}, [{
            "path": ["input", "http", "bodyTemplate"],
            "code": "INVALID_JSON",
            "message": "the body template is not valid JSON once its placeholders are filled "
                       "in (Expecting value at line 1, column 7): {{message}}, "
                       "{{conversation_id}} and {{session_id}} go inside quotes, "
                       "{{conversation}} without quotes",
        }]),
        ({"credentials": []}, [{
            "path": ["input", "http", "auth", "type"],
            "code": "CREDENTIAL_MISSING",
            "message": "BEARER auth sends the credential named 'auth', which is not set: "
                       "add it to input.credentials",
        }]),
        ({"http": None}, [{
            "path": ["input"],
            "code": "KIND_REQUIRED",
            "message": "give the configuration: http for an HTTP agent or browser for a chat "
                       "page",
        }]),
        ({"browser": BROWSER}, [{
            "path": ["input"], "code": "ONE_KIND", "message": "give http or browser, not both",
        }]),
        ({"projectId": "bm90LWFuLWlk"}, [{
            "path": ["input", "projectId"], "code": "INVALID_ID",
            "message": "not a Project id: pass the id field of a Project",
        }]),
        ({"concurrency": 0, "name": ""}, [
            {"path": ["input", "name"], "code": "INVALID_NAME",
             "message": "give the connection a name of 1 to 200 characters"},
            {"path": ["input", "concurrency"], "code": "OUT_OF_RANGE",
             "message": "give a number of simultaneous conversations from 1 to 100 "
                        "(default 10)"},
        ]),
    ],
)
async def test_invalid_input_is_a_validation_error_and_writes_nothing(
    gql: GraphQLClient, owner_db: asyncpg.Connection, change: dict[str, object],
    issues: list[dict[str, object]]
) -> None:
    org = await make_org()
    before = await table_counts(owner_db, org.id)

    result = await create(gql, await owner(org), {**http_input(org), **change})

    assert result["__typename"] == "ValidationError"
    assert result["code"] == "VALIDATION_FAILED"
    assert result["issues"] == issues
    assert await table_counts(owner_db, org.id) == before


async def test_duplicate_name_is_a_conflict(gql: GraphQLClient, owner_db: asyncpg.Connection
                                            ) -> None:
    org = await make_org()
    caller = await owner(org)
    await create_ok(gql, caller, http_input(org))
    before = await table_counts(owner_db, org.id)

    result = await create(gql, caller, http_input(org))

    assert result == {
        "__typename": "ConflictError", "code": "DUPLICATE_NAME",
        "message": "a connection named 'Support bot' already exists in this project: choose "
                   "another name",
    }
    assert await table_counts(owner_db, org.id) == before


async def test_another_organizations_project_is_not_found(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org, other = await make_org(), await make_org("Other")
    payload = {**http_input(org), "projectId": other.project_gid}

    result = await create(gql, await owner(org), payload)

    assert result == {"__typename": "NotFoundError", "code": "NOT_FOUND",
                      "message": "Project not found: check the id, and that you have access "
                                 "to it"}
    assert (await table_counts(owner_db, other.id))[:2] == (0, 0)


async def test_list_filters_by_project_and_kind(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    await create_ok(gql, caller, http_input(org, "Alpha"))
    await create_ok(gql, caller, {"projectId": org.project_gid, "name": "Beta",
                                  "browser": BROWSER,
                                  "credentials": [{"name": "password", "value": "pw"}]})
    await create_ok(gql, caller, http_input(org, "Gamma"))

    everything = await gql.data(LIST, {}, caller)
    browsers = await gql.data(LIST, {"kind": "BROWSER"}, caller)
    paged = await gql.data(LIST, {"projectId": org.project_gid, "kind": "HTTP", "first": 1},
                           caller)

    assert [e["node"]["name"] for e in everything["agentConnections"]["edges"]] == [
        "Alpha", "Beta", "Gamma"]
    assert browsers["agentConnections"]["totalCount"] == 1
    assert browsers["agentConnections"]["edges"][0]["node"] == {
        "name": "Beta", "kind": "BROWSER", "concurrency": 2, "project": {"name": "Default"},
        "credentials": [{"name": "password", "hint": "…"}]}
    assert paged["agentConnections"]["totalCount"] == 2
    assert paged["agentConnections"]["pageInfo"]["hasNextPage"] is True
    after = paged["agentConnections"]["pageInfo"]["endCursor"]
    rest = await gql.data(LIST, {"kind": "HTTP", "after": after}, caller)
    assert [e["node"]["name"] for e in rest["agentConnections"]["edges"]] == ["Gamma"]


async def test_node_resolves_a_connection(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    connection_id = await create_ok(gql, caller, http_input(org))

    data = await gql.data(NODE, {"id": connection_id}, caller)

    assert data["node"] == {"__typename": "AgentConnection", "name": "Support bot",
                            "kind": "HTTP"}


async def test_api_keys_act_within_their_scope(gql: GraphQLClient, owner_db: asyncpg.Connection
                                               ) -> None:
    org = await make_org()

    result = await create(gql, key_caller(org.api_key), http_input(org))

    assert result["__typename"] == "CreateAgentConnectionSuccess"
    assert (await table_counts(owner_db, org.id))[:2] == (1, 1)


async def test_statements_per_list_request_do_not_grow_with_the_list(
    gql: GraphQLClient, database: object, caplog: pytest.LogCaptureFixture
) -> None:
    org = await make_org()
    caller = await owner(org)
    statements = []
    for names in (["A", "B"], ["C", "D", "E", "F"]):
        for name in names:
            await create_ok(gql, caller, http_input(org, name))
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
            data = await gql.data(LIST, {}, caller)
        statements.append(len([r for r in caplog.records if r.name == "tortoise.db_client"]))
        assert [e["node"]["credentials"] for e in data["agentConnections"]["edges"]] == [
            [{"name": "auth", "hint": "…6789"}]] * len(data["agentConnections"]["edges"])

    assert statements[0] == statements[1]
