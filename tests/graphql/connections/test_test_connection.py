"""testConnection: one real message to an agent served on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from assay.app import create_app
from assay.connectors.http_response import status_hint
from assay.connectors.network import refusal
from assay.db.config import DatabaseUrl
from assay.settings import Secret, Settings
from tests.connectors.agents import Agent, serving
from tests.connectors.browser_agent import ChatAgent, served
from tests.support import TEST_KEK, GraphQLClient, make_org, owner

SECRET = "agent-token-5f2a9c0e7b"
CREATE = """
mutation($input: CreateAgentConnectionInput!) {
  createAgentConnection(input: $input) {
    ... on CreateAgentConnectionSuccess { agentConnection { id } }
  }
}"""
TEST = """
mutation($id: ID!, $message: String!) {
  testConnection(id: $id, message: $message) {
    __typename
    ... on TestConnectionSuccess {
      ok reply attempts latencyMs sent received failure { code message }
    }
    ... on MutationError { code message }
  }
}"""


@pytest.fixture
async def agent() -> AsyncIterator[Agent]:
    async with serving() as running:
        yield running


@pytest.fixture
async def private_gql(database: dict[str, DatabaseUrl], tmp_path: Path
                      ) -> AsyncIterator[GraphQLClient]:
    """The API of an operator who allows loopback targets (as the demo and tests do)."""
    settings = Settings(environment="test", data_dir=tmp_path, kek=Secret(TEST_KEK),
                        allow_private_targets=True)
    transport = httpx.ASGITransport(app=create_app(settings, database["app"]))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)


async def _connection(gql: GraphQLClient, caller: Any, project: str, url: str) -> str:
    data = await gql.data(CREATE, {"input": {
        "projectId": project, "name": "Support bot",
        "http": {"url": url, "method": "POST", "auth": {"type": "BEARER"},
                 "responsePath": "choices.0.message.content",
                 "bodyTemplate": '{"messages": {{conversation}}}'},
        "credentials": [{"name": "auth", "value": SECRET}]}}, caller)
    connection_id: str = data["createAgentConnection"]["agentConnection"]["id"]
    return connection_id


async def test_a_working_agent_answers_and_the_secret_stays_hidden(
    private_gql: GraphQLClient, agent: Agent, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection = await _connection(private_gql, caller, org.project_gid, agent.url("/chat"))

    body = await private_gql.post(TEST, {"id": connection, "message": "Hello there"}, caller)

    result = body["data"]["testConnection"]
    assert (result["__typename"], result["ok"], result["reply"], result["attempts"]) == (
        "TestConnectionSuccess", True, "echo: Hello there", 1)
    assert result["failure"] is None
    assert result["latencyMs"] > 0
    assert result["sent"]["headers"]["authorization"] == "[secret]"
    assert SECRET not in str(body)
    assert [(r.path, r.headers["authorization"], r.json()) for r in agent.received] == [
        ("/chat", f"Bearer {SECRET}", {"messages": [{"role": "user", "content": "Hello there"}]})
    ]
    events = await owner_db.fetch(
        "SELECT action, details FROM audit_events WHERE organization_id = $1 "
        "AND action = 'connection.test'", org.id)
    assert [(e["action"], e["details"]) for e in events] == [
        ("connection.test", '{"ok": true, "attempts": 1, "error_code": null}')]


async def test_an_agent_error_is_reported_with_its_status(
    private_gql: GraphQLClient, agent: Agent
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection = await _connection(private_gql, caller, org.project_gid,
                                   agent.url("/status/401"))

    result = (await private_gql.data(TEST, {"id": connection, "message": "Hi"}, caller))[
        "testConnection"]

    assert (result["ok"], result["reply"], result["attempts"]) == (False, None, 1)
    assert result["failure"] == {
        "code": "HTTP_STATUS",
        "message": f"the agent answered 401 Unauthorized: {status_hint(401)}",
    }
    assert len(agent.received) == 1


async def test_loopback_targets_are_refused_unless_the_operator_allows_them(
    gql: GraphQLClient, private_gql: GraphQLClient, agent: Agent
) -> None:
    org = await make_org()
    caller = await owner(org)
    connection = await _connection(private_gql, caller, org.project_gid, agent.url("/chat"))

    result = (await gql.data(TEST, {"id": connection, "message": "Hi"}, caller))[
        "testConnection"]

    assert (result["ok"], result["attempts"]) == (False, 0)
    assert result["failure"] == {"code": "SSRF_REFUSED",
                                 "message": refusal("127.0.0.1", "127.0.0.1").message}
    assert agent.received == []


CREATE_BROWSER = """
mutation($input: CreateAgentConnectionInput!) {
  createAgentConnection(input: $input) {
    ... on CreateAgentConnectionSuccess { agentConnection { id } }
  }
}"""


async def test_a_browser_connection_is_tested_in_chromium(private_gql: GraphQLClient) -> None:
    org = await make_org()
    caller = await owner(org)
    with served(ChatAgent().app()) as base:
        created = await private_gql.data(CREATE_BROWSER, {"input": {
            "projectId": org.project_gid, "name": "Web chat",
            "browser": {"chatUrl": f"{base}/chat", "quietPeriodMs": 300,
                        "selectors": {"input": "#message", "sendButton": "#send",
                                      "response": ".answer", "typingIndicator": "#typing"}}}},
            caller)
        connection = created["createAgentConnection"]["agentConnection"]["id"]

        result = (await private_gql.data(TEST, {"id": connection, "message": "Is it open?"},
                                         caller))["testConnection"]

    assert (result["ok"], result["reply"], result["attempts"], result["failure"]) == (
        True, 'Answer 1: you said "Is it open?".', 1, None)
    assert result["sent"]["message"] == "Is it open?"
