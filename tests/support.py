"""Test support: a real database per test session, organizations, members and a GraphQL client."""

from __future__ import annotations

import base64
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from assay.auth import sessions
from assay.auth.models import User
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from assay.organizations import service as organizations
from assay.organizations.models import Membership, MembershipProject, Role

APP_ROLE = "assay_app"
TEST_KEK = "test-1:" + base64.b64encode(b"k" * 32).decode()


def service_postgres() -> DatabaseUrl | None:
    """The machine's PostgreSQL service, if one answers on 127.0.0.1:5432."""
    url = os.environ.get("ASSAY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    parsed = DatabaseUrl.parse(url)
    try:
        with socket.create_connection((parsed.host, parsed.port), timeout=1):
            return parsed
    except OSError:
        return None


def embedded_postgres(data_dir: Path) -> DatabaseUrl:
    from assay.db.embedded import start_postgres

    return start_postgres(data_dir).with_database("postgres")


@dataclass
class Org:
    id: uuid.UUID
    owner_id: uuid.UUID
    project_id: uuid.UUID
    api_key: str

    @property
    def project_gid(self) -> str:
        return gid("Project", self.project_id)


def gid(type_name: str, pk: uuid.UUID) -> str:
    from assay.graphql.relay import encode_id

    return encode_id(type_name, pk)


async def make_org(name: str = "Acme") -> Org:
    boot = await organizations.create_organization(
        name=name, owner_email=f"owner-{uuid.uuid4().hex[:10]}@example.com"
    )
    return Org(boot.organization_id, boot.owner_id, boot.project_id, boot.api_key)


@dataclass
class Caller:
    """Headers that authenticate as one principal."""

    headers: dict[str, str]
    user_id: uuid.UUID | None = None


async def member(org: Org, role: Role, *, projects: list[uuid.UUID] | None = None) -> Caller:
    """A new user with ``role`` in ``org`` (narrowed to ``projects`` if given), signed in."""
    user = await User.create(email=f"{role.value.lower()}-{uuid.uuid4().hex[:10]}@example.com")
    async with tenant_transaction(org.id):
        membership = await Membership.create(user_id=user.id, role=role,
                                             narrowed=projects is not None)
        for project_id in projects or []:
            await MembershipProject.create(membership_id=membership.id, project_id=project_id)
    token = await sessions.issue(user.id)
    return Caller(headers=session_headers(token, org.id), user_id=user.id)


async def owner(org: Org) -> Caller:
    token = await sessions.issue(org.owner_id)
    return Caller(headers=session_headers(token, org.id), user_id=org.owner_id)


def session_headers(token: str, org_id: uuid.UUID) -> dict[str, str]:
    """What a browser page of Assay sends: the cookie, the organization, the CSRF header."""
    return {"cookie": f"{sessions.COOKIE}={token}", sessions.ORG_HEADER: str(org_id),
            "x-assay-csrf": "1"}


def key_caller(api_key: str) -> Caller:
    return Caller(headers={"authorization": f"Bearer {api_key}"})


ANONYMOUS = Caller(headers={})


class GraphQLClient:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def post(self, query: str, variables: dict[str, Any] | None = None,
                   caller: Caller = ANONYMOUS) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=caller.headers
        )
        body: dict[str, Any] = response.json()
        body["_status"] = response.status_code
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None,
                   caller: Caller = ANONYMOUS) -> dict[str, Any]:
        """The data of a request that must succeed without errors."""
        body = await self.post(query, variables, caller)
        assert body.get("errors") is None, body
        data: dict[str, Any] = body["data"]
        return data


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code", "") for error in body.get("errors") or []]
