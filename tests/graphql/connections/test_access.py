"""Who may read and change connections; other organizations' ids are NOT_FOUND."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg

from assay.db.transactions import tenant_transaction
from assay.organizations.models import Role
from assay.projects import service as projects
from tests.graphql.connections.support import (
    LIST,
    NODE,
    ROTATE,
    UPDATE,
    create,
    create_ok,
    credential_rows,
    http_input,
    table_counts,
)
from tests.support import GraphQLClient, error_codes, key_caller, make_org, member, owner

CREATE_TYPENAME = """
mutation($input: CreateAgentConnectionInput!) {
  createAgentConnection(input: $input) { __typename } }
"""
MINT = """
mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  ... on CreateApiKeySuccess { secret } } }
"""
NOT_FOUND = {"__typename": "NotFoundError", "code": "NOT_FOUND",
             "message": "AgentConnection not found: check the id, and that you have access to it"}


async def test_viewer_reads_but_cannot_create_update_or_rotate(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    connection_id = await create_ok(gql, await owner(org), http_input(org))
    viewer = await member(org, Role.VIEWER)
    counts, sealed = await table_counts(owner_db, org.id), await credential_rows(owner_db, org.id)

    created = await gql.post(CREATE_TYPENAME, {"input": http_input(org, "Other")}, viewer)
    updated = await gql.post(UPDATE, {"input": {"id": connection_id, "name": "X"}}, viewer)
    rotated = await gql.post(ROTATE, {"id": connection_id, "name": "auth",
                                      "value": "viewer-was-here"}, viewer)
    listed = await gql.data(LIST, {}, viewer)

    assert [error_codes(b) for b in (created, updated, rotated)] == [["FORBIDDEN"]] * 3
    assert listed["agentConnections"]["totalCount"] == 1
    assert await table_counts(owner_db, org.id) == counts
    assert await credential_rows(owner_db, org.id) == sealed


async def test_member_creates_and_rotates(gql: GraphQLClient, owner_db: asyncpg.Connection
                                         ) -> None:
    org = await make_org()
    caller = await member(org, Role.MEMBER)

    connection_id = await create_ok(gql, caller, http_input(org))
    rotated = await gql.data(ROTATE, {"id": connection_id, "name": "auth",
                                      "value": "member-rotated-1234"}, caller)

    assert rotated["rotateConnectionCredential"]["__typename"] == (
        "RotateConnectionCredentialSuccess")
    assert (await table_counts(owner_db, org.id))[:2] == (1, 1)


async def test_read_only_api_key_cannot_write(gql: GraphQLClient, owner_db: asyncpg.Connection
                                              ) -> None:
    org = await make_org()
    minted = await gql.data(MINT, {"input": {
        "projectId": org.project_gid, "name": "read", "scope": "READ",
        "expiresAt": (datetime.now(UTC) + timedelta(days=30)).isoformat()}}, await owner(org))

    body = await gql.post(CREATE_TYPENAME, {"input": http_input(org)},
                          key_caller(minted["createApiKey"]["secret"]))

    assert error_codes(body) == ["FORBIDDEN"]
    assert (await table_counts(owner_db, org.id))[:2] == (0, 0)


async def test_another_organizations_connection_is_not_found_everywhere(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org, other = await make_org(), await make_org("Other")
    foreign = await create_ok(gql, await owner(other), http_input(other))
    caller = await owner(org)
    counts = await table_counts(owner_db, other.id)
    sealed = await credential_rows(owner_db, other.id)

    updated = await gql.data(UPDATE, {"input": {"id": foreign, "name": "Mine now"}}, caller)
    rotated = await gql.data(ROTATE, {"id": foreign, "name": "auth", "value": "hijack-1234"},
                             caller)
    node = await gql.post(NODE, {"id": foreign}, caller)
    listed = await gql.post(LIST, {"projectId": other.project_gid}, caller)

    assert updated["updateAgentConnection"] == NOT_FOUND
    assert rotated["rotateConnectionCredential"] == NOT_FOUND
    assert error_codes(node) == ["NOT_FOUND"]
    assert listed["data"] is None
    assert error_codes(listed) == ["NOT_FOUND"]
    assert await table_counts(owner_db, other.id) == counts
    assert await credential_rows(owner_db, other.id) == sealed


async def test_a_member_narrowed_to_another_project_does_not_see_the_connection(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    connection_id = await create_ok(gql, await owner(org), http_input(org))
    async with tenant_transaction(org.id):
        elsewhere = await projects.create_project(name="Elsewhere")
    narrowed = await member(org, Role.MEMBER, projects=[elsewhere.id])
    sealed = await credential_rows(owner_db, org.id)

    listed = await gql.data(LIST, {}, narrowed)
    rotated = await gql.data(ROTATE, {"id": connection_id, "name": "auth",
                                      "value": "narrowed-1234"}, narrowed)
    created = await create(gql, narrowed, http_input(org))

    assert listed["agentConnections"]["totalCount"] == 0
    assert rotated["rotateConnectionCredential"] == NOT_FOUND
    assert created["__typename"] == "NotFoundError"
    assert await credential_rows(owner_db, org.id) == sealed
