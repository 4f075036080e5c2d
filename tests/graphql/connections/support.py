"""Documents and helpers for the agent connection API tests."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from tests.support import Caller, GraphQLClient, Org

FIELDS = """
fragment Full on AgentConnection {
  id name kind concurrency
  http { url method auth { type headerName queryParam } headers { name value }
         secretHeaders bodyTemplate responsePath sessionIdPath timeoutSeconds }
  browser { chatUrl loginUrl selectors { input sendButton response typingIndicator }
            loginSteps { action selector value key url milliseconds }
            postNavigationSteps { action selector value key url milliseconds }
            navigationTimeoutMs responseTimeoutMs quietPeriodMs }
  project { name }
  credentials { name isSet hint }
}
"""
ERRORS = """
... on ValidationError { code message issues { path message code } }
... on NotFoundError { code message }
... on ConflictError { code message }
"""
CREATE = FIELDS + """
mutation($input: CreateAgentConnectionInput!) { createAgentConnection(input: $input) {
  __typename ... on CreateAgentConnectionSuccess { agentConnection { ...Full } } """ + ERRORS + """
} }
"""
UPDATE = FIELDS + """
mutation($input: UpdateAgentConnectionInput!) { updateAgentConnection(input: $input) {
  __typename ... on UpdateAgentConnectionSuccess { agentConnection { ...Full } } """ + ERRORS + """
} }
"""
ROTATE = """
mutation($id: ID!, $name: String!, $value: SecretValue!) {
  rotateConnectionCredential(connectionId: $id, name: $name, value: $value) {
    __typename
    ... on RotateConnectionCredentialSuccess {
      credential { name isSet hint }
      agentConnection { credentials { name isSet hint } }
    }
    ... on ValidationError { code message issues { path message code } }
    ... on NotFoundError { code message }
  }
}
"""
LIST = """
query($projectId: ID, $kind: ConnectionKind, $first: Int, $after: String) {
  agentConnections(projectId: $projectId, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { name kind concurrency project { name } credentials { name hint } } }
  }
}
"""
NODE = """
query($id: ID!) { node(id: $id) { __typename ... on AgentConnection { name kind } } }
"""
CREDENTIALS = """
query($id: ID!) { node(id: $id) { ... on AgentConnection { credentials { name updatedAt } } } }
"""
SECRET = "sk-live-SECRET-0123456789"
HTTP = {
    "url": "https://bot.example.com/v1/chat",
    "method": "POST",
    "auth": {"type": "BEARER"},
    "headers": [{"name": "Accept", "value": "application/json"}],
    "bodyTemplate": '{"messages": {{conversation}}}',
    "responsePath": "choices.0.message.content",
}
BROWSER = {
    "chatUrl": "https://shop.example.com/chat",
    "loginUrl": "https://shop.example.com/login",
    "loginSteps": [
        {"action": "FILL", "selector": "#email", "value": "qa@example.com"},
        {"action": "FILL", "selector": "#password", "value": "{{credentials.password}}"},
        {"action": "CLICK", "selector": "button[type=submit]"},
        {"action": "WAIT", "milliseconds": 500},
    ],
    "postNavigationSteps": [{"action": "PRESS", "key": "Escape"}],
    "selectors": {"input": "textarea", "sendButton": "#send", "response": ".bot-message",
                  "typingIndicator": ".typing"},
}


def http_input(org: Org, name: str = "Support bot", **extra: Any) -> dict[str, Any]:
    return {"projectId": org.project_gid, "name": name, "http": HTTP,
            "credentials": [{"name": "auth", "value": SECRET}], **extra}


async def create(gql: GraphQLClient, caller: Caller, payload: dict[str, Any]) -> dict[str, Any]:
    data = await gql.data(CREATE, {"input": payload}, caller)
    result: dict[str, Any] = data["createAgentConnection"]
    return result


async def create_ok(gql: GraphQLClient, caller: Caller, payload: dict[str, Any]) -> str:
    result = await create(gql, caller, payload)
    assert result["__typename"] == "CreateAgentConnectionSuccess", result
    connection_id: str = result["agentConnection"]["id"]
    return connection_id


async def table_counts(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> tuple[int, int, int]:
    """(connections, credentials, audit events) of an organization, read as the owner."""
    row = await owner_db.fetchrow(
        "SELECT (SELECT count(*) FROM agent_connections WHERE organization_id = $1) AS c,"
        " (SELECT count(*) FROM connection_credentials WHERE organization_id = $1) AS k,"
        " (SELECT count(*) FROM audit_events WHERE organization_id = $1) AS a", org_id)
    return row["c"], row["k"], row["a"]


async def credential_rows(owner_db: asyncpg.Connection,
                          org_id: uuid.UUID) -> list[tuple[object, ...]]:
    rows = await owner_db.fetch(
        "SELECT id, name, ciphertext, nonce, key_version, hint FROM connection_credentials "
        "WHERE organization_id = $1 ORDER BY name", org_id)
    return [tuple(row) for row in rows]
