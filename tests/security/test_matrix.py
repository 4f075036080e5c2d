"""The access matrix, generated from the schema: every root field by every kind of caller.

A caller is allowed exactly when the field's @requiresPermission permission is granted to it
(or the field is @public). Denied callers get FORBIDDEN (UNAUTHENTICATED when anonymous),
null data, and nothing changes in the organization, its audit trail included.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

import asyncpg
import pytest

from assay.auth.models import ApiKeyScope
from assay.auth.permissions import ROLE_PERMISSIONS, Permission, key_permissions
from assay.graphql.node import NODE_KINDS
from assay.graphql.relay import encode_id
from assay.organizations.models import Role
from tests.graphql_ws import send
from tests.security.walk import Path, RootField, document, root_fields, sdl_schema, slot_type
from tests.security.world import audit_count, snapshot
from tests.support import (
    ANONYMOUS,
    Caller,
    GraphQLClient,
    Org,
    error_codes,
    key_caller,
    make_org,
    member,
    owner,
)

SCHEMA = sdl_schema()
ROOTS = root_fields(SCHEMA)
DENIALS = {"FORBIDDEN", "UNAUTHENTICATED"}
#: Fields that end the session they are called with: each call gets a fresh one.
ENDS_SESSION = {"mutation.logOut"}


class Who(Enum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"
    VIEWER = "VIEWER"
    ANONYMOUS = "anonymous"
    READ_KEY = "READ key"
    WRITE_KEY = "WRITE key"


def granted(who: Who) -> frozenset[Permission]:
    """What the caller holds: its role's permissions, or the keys' (minted by the owner)."""
    if who is Who.ANONYMOUS:
        return frozenset()
    if who is Who.READ_KEY:
        return key_permissions(Role.OWNER, ApiKeyScope.READ)
    if who is Who.WRITE_KEY:
        return key_permissions(Role.OWNER, ApiKeyScope.WRITE)
    return ROLE_PERMISSIONS[Role(who.value)]


def expected_allowed(root: RootField, who: Who) -> bool:
    assert root.permission is not None or root.public_reason is not None, (
        f"{root.label} declares neither @requiresPermission nor @public")
    if root.public_reason is not None:
        return True
    assert root.permission in {p.value for p in Permission}, (
        f"{root.label} asks for {root.permission!r}, which assay.auth.permissions lacks")
    return Permission(root.permission) in granted(who)


@dataclass
class MatrixWorld:
    org: Org
    callers: dict[Who, Caller]

    def id_for(self, root: str, path: Path) -> str:
        """The org's own project for Project slots; a random id of the guessed type otherwise."""
        type_name = slot_type(root, path, NODE_KINDS) or "Unknown"
        if type_name == "Project":
            return self.org.project_gid
        return encode_id(type_name, uuid.uuid4())


CREATE_READ_KEY = """
mutation($projectId: ID!, $expiresAt: DateTime!) {
  createApiKey(input: {projectId: $projectId, name: "matrix read", scope: READ,
                       expiresAt: $expiresAt}) {
    ... on CreateApiKeySuccess { secret }
  }
}
"""


@pytest.fixture(scope="module")
async def world(gql: GraphQLClient) -> MatrixWorld:
    org = await make_org("Matrix")
    boss = await owner(org)
    expires = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    minted = await gql.data(CREATE_READ_KEY, {"projectId": org.project_gid,
                                              "expiresAt": expires}, boss)
    callers = {
        Who.OWNER: boss,
        Who.ADMIN: await member(org, Role.ADMIN),
        Who.MEMBER: await member(org, Role.MEMBER),
        Who.VIEWER: await member(org, Role.VIEWER),
        Who.ANONYMOUS: ANONYMOUS,
        Who.READ_KEY: key_caller(minted["createApiKey"]["secret"]),
        Who.WRITE_KEY: key_caller(org.api_key),
    }
    for who in (Who.READ_KEY, Who.WRITE_KEY):
        # A key's first use is audited; do it now so the matrix measures only its requests.
        await gql.data("{ viewer { kind } }", caller=callers[who])
    return MatrixWorld(org, callers)


def _failed(root: RootField, body: dict[str, Any]) -> bool:
    """No success: GraphQL errors, no data, or a typed error member of a result union."""
    if body.get("errors") or not body.get("data"):
        return True
    value = body["data"].get(root.name)
    return isinstance(value, dict) and "code" in value and "message" in value


def test_the_matrix_covers_queries_mutations_and_subscriptions() -> None:
    operations = {root.operation for root in ROOTS}

    assert operations == {"query", "mutation", "subscription"}
    assert len(ROOTS) == len({root.label for root in ROOTS})


@pytest.mark.parametrize("who", list(Who), ids=lambda who: who.value)
@pytest.mark.parametrize("root", ROOTS, ids=lambda root: root.label)
async def test_access(
    root: RootField, who: Who, world: MatrixWorld, gql: GraphQLClient,
    owner_db: asyncpg.Connection, ws_address: str,
) -> None:
    allowed = expected_allowed(root, who)
    caller = world.callers[who]
    if root.label in ENDS_SESSION and caller.user_id is not None:
        caller = await owner(world.org) if who is Who.OWNER else await member(
            world.org, Role(who.value))
    query, variables = document(SCHEMA, root, world.id_for)
    before = await snapshot(owner_db, world.org.id)
    events_before = await audit_count(owner_db, world.org.id)

    body = await send(gql, ws_address, root.operation, query, variables, caller)

    codes = error_codes(body)
    if "_close" in body:  # graphql-transport-ws refuses an anonymous connection_init: 4403
        assert (who, body["_close"][0]) == (Who.ANONYMOUS, 4403), body
        codes = ["UNAUTHENTICATED"]
    changed = await snapshot(owner_db, world.org.id) != before
    if allowed:
        assert DENIALS.isdisjoint(codes), body
        assert "INTERNAL" not in codes, body
        assert not (_failed(root, body) and changed), f"a failed call changed data: {body}"
        return
    assert codes == ["UNAUTHENTICATED" if who is Who.ANONYMOUS else "FORBIDDEN"], body
    assert body["data"] == ({root.name: None} if root.nullable else None)
    assert await audit_count(owner_db, world.org.id) == events_before
    assert not changed
