"""SCIM test support: an organization with a SCIM token minted over GraphQL, a client that
speaks application/scim+json to /scim/v2, and the shapes RFC 7644 prescribes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from assay.scim import urns
from tests.support import Caller, GraphQLClient, Org, make_org, owner

BASE = "http://127.0.0.1:8000/scim/v2"  # the test settings' public_url + /scim/v2
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ASSAY_GROUP = "urn:assay:params:scim:schemas:extension:2.0:Group"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"

CREATE_TOKEN = """
mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) {
  __typename
  ... on CreateScimTokenSuccess { secret baseUrl scimToken { id name prefix revokedAt } }
  ... on ValidationError { code message issues { path message code } } } }
"""


@dataclass
class Directory:
    """An organization, its owner, and a SCIM client with the organization's token."""

    org: Org
    owner: Caller
    token: str
    token_id: str
    scim: ScimClient


class ScimClient:
    def __init__(self, http: httpx.AsyncClient, token: str) -> None:
        self.http = http
        self.token = token

    async def call(self, method: str, path: str, body: Any = None,
                   headers: dict[str, str] | None = None) -> httpx.Response:
        sent = {"authorization": f"Bearer {self.token}", "accept": urns.MEDIA_TYPE,
                **(headers or {})}
        if body is not None:
            sent.setdefault("content-type", urns.MEDIA_TYPE)
        return await self.http.request(method, f"/scim/v2{path}", headers=sent,
                                       json=body)

    async def get(self, path: str, **headers: str) -> httpx.Response:
        return await self.call("GET", path, headers=headers)

    async def ok(self, method: str, path: str, body: Any = None, status: int = 200
                 ) -> dict[str, Any]:
        """The JSON body of a request that must answer ``status``."""
        response = await self.call(method, path, body)
        assert response.status_code == status, (response.status_code, response.text)
        assert response.headers["content-type"] == urns.MEDIA_TYPE
        found: dict[str, Any] = response.json()
        return found

    async def create_user(self, user_name: str, email: str | None = None, **more: Any
                          ) -> dict[str, Any]:
        body = {"schemas": [USER], "userName": user_name,
                "emails": [{"value": email or user_name, "type": "work", "primary": True}],
                **more}
        return await self.ok("POST", "/Users", body, 201)

    async def patch(self, path: str, *operations: dict[str, Any],
                    headers: dict[str, str] | None = None) -> httpx.Response:
        return await self.call("PATCH", path, {"schemas": [PATCH],
                                               "Operations": list(operations)}, headers)


def address(label: str = "ada") -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}@example.com"


def later(days: int = 30) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def mint(gql: GraphQLClient, caller: Caller, name: str = "Okta") -> dict[str, Any]:
    data = await gql.data(CREATE_TOKEN, {"input": {"name": name, "expiresAt": later()}},
                          caller)
    result: dict[str, Any] = data["createScimToken"]
    assert result["__typename"] == "CreateScimTokenSuccess", result
    return result


async def directory(gql: GraphQLClient, name: str = "Directory") -> Directory:
    org = await make_org(name)
    boss = await owner(org)
    minted = await mint(gql, boss)
    return Directory(org, boss, minted["secret"], minted["scimToken"]["id"],
                     ScimClient(gql.http, minted["secret"]))


def scim_error(response: httpx.Response) -> dict[str, Any]:
    """The body of a SCIM refusal, after checking its media type and schema."""
    assert response.headers["content-type"] == urns.MEDIA_TYPE, response.headers
    body: dict[str, Any] = response.json()
    assert body["schemas"] == [ERROR], body
    assert body["status"] == str(response.status_code), body
    return body


async def events(owner_db: asyncpg.Connection, org_id: uuid.UUID, after: int = 0
                 ) -> list[tuple[str, str, str]]:
    """(action, actor type, target type) of the organization's audit events after ``after``."""
    rows = await owner_db.fetch(
        "SELECT action, actor_type, target_type FROM audit_events "
        "WHERE organization_id = $1 AND seq > $2 ORDER BY seq", org_id, after)
    return [(r["action"], r["actor_type"], r["target_type"]) for r in rows]


async def last_seq(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> int:
    seq: int = await owner_db.fetchval(
        "SELECT coalesce(max(seq), 0) FROM audit_events WHERE organization_id = $1", org_id)
    return seq


@dataclass(frozen=True)
class Person:
    membership_id: uuid.UUID
    user_id: uuid.UUID


async def person(owner_db: asyncpg.Connection, scim_id: str) -> Person:
    """The membership and the user behind a SCIM User id (read past row-level security)."""
    row = await owner_db.fetchrow(
        "SELECT m.id, m.user_id FROM scim_users s JOIN memberships m ON m.id = s.membership_id "
        "WHERE s.id = $1", uuid.UUID(scim_id))
    assert row is not None, scim_id
    return Person(row["id"], row["user_id"])


@dataclass(frozen=True)
class Access:
    role: str
    #: None = every project.
    projects: list[uuid.UUID] | None
    suspended: bool


async def access(owner_db: asyncpg.Connection, membership_id: uuid.UUID) -> Access | None:
    """A membership's role, project narrowing and suspension; None once it is gone."""
    row = await owner_db.fetchrow(
        "SELECT role, narrowed, suspended_at FROM memberships WHERE id = $1", membership_id)
    if row is None:
        return None
    projects = await owner_db.fetch(
        "SELECT project_id FROM membership_projects WHERE membership_id = $1 "
        "ORDER BY project_id", membership_id)
    return Access(row["role"], [p["project_id"] for p in projects] if row["narrowed"] else None,
                  row["suspended_at"] is not None)
