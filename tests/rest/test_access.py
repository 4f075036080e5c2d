"""Declared access on every REST route, checked from the route table (like the GraphQL matrix).

Each route needs a permission or is public for a reviewed reason. Anonymous callers and
sessions get 401 on every guarded route; a READ key gets 403 exactly where its permissions
fall short, and nothing changes; a WRITE key passes the check (and then finds nothing).
"""

from __future__ import annotations

import re

import asyncpg
import httpx
import pytest

from assay.auth.models import ApiKeyScope
from assay.auth.permissions import key_permissions
from assay.ids import new_id
from assay.organizations.models import Role
from assay.rest.api import ROUTES
from assay.rest.routing import RestRoute
from tests.rest.support import bearer, read_key, refusal
from tests.security.world import snapshot
from tests.support import make_org, owner

#: Routes anyone may call. Adding one is a security decision: review it, then list it.
PUBLIC = {("GET", "/openapi.json")}
GUARDED = [route for route in ROUTES if route.permission is not None]


def _call(route: RestRoute) -> tuple[str, str, dict[str, str] | None]:
    """A call of ``route`` with random ids everywhere (a valid body if it takes one)."""
    path = "/api/v1" + re.sub(r"{\w+}", lambda _: str(new_id()), route.path)
    named = {"/reports": "run_id"}.get(route.path, "connection_id")
    body = {named: str(new_id())} if route.takes_body else None
    return route.method, path, body


def test_every_route_declares_its_access() -> None:
    public = {(r.method, r.path) for r in ROUTES if r.permission is None}

    assert public == PUBLIC
    assert all(r.public_reason.strip() for r in ROUTES if r.permission is None)
    assert len({(r.method, r.path) for r in ROUTES}) == len(ROUTES)
    assert [(r.method, r.path, r.permission and r.permission.value) for r in GUARDED] == [
        ("POST", "/plans/{plan_id}/runs", "run.create"), ("GET", "/runs/{run_id}", "run.read"),
        ("GET", "/runs/{run_id}/results", "run.read"),
        ("POST", "/runs/{run_id}/cancel", "run.cancel"),
        ("POST", "/runs/{run_id}/evaluations", "evaluation.create"),
        ("GET", "/evaluations/{evaluation_id}", "evaluation.read"),
        ("POST", "/reports", "report.create"),
        ("GET", "/reports/{report_id}/export", "report.read")]


def test_a_route_without_access_cannot_be_declared() -> None:
    route = ROUTES[0]

    with pytest.raises(ValueError, match="give a permission or a public reason"):
        RestRoute(route.method, route.path, route.handler, route.operation, permission=None)
    with pytest.raises(ValueError, match="give a permission or a public reason"):
        RestRoute(route.method, route.path, route.handler, route.operation,
                  permission=route.permission, public_reason="both")


@pytest.mark.parametrize("route", GUARDED, ids=lambda r: f"{r.method} {r.path}")
async def test_who_may_call(route: RestRoute, api: httpx.AsyncClient,
                            owner_db: asyncpg.Connection) -> None:
    org = await make_org("Access")
    session = await owner(org)
    reader = bearer(await read_key(org, ApiKeyScope.READ))
    await api.get(f"/api/v1/runs/{new_id()}", headers=reader)  # record the key's first use
    method, path, body = _call(route)
    before = await snapshot(owner_db, org.id)

    anonymous = await api.request(method, path, json=body)
    signed_in = await api.request(method, path, json=body, headers=session.headers)
    read = await api.request(method, path, json=body, headers=reader)
    after = await snapshot(owner_db, org.id)
    write = await api.request(method, path, json=body, headers=bearer(org.api_key))

    assert refusal(anonymous)[:2] == (401, "UNAUTHENTICATED")
    assert refusal(signed_in)[:2] == (401, "UNAUTHENTICATED")
    assert route.permission is not None
    readable = route.permission in key_permissions(Role.OWNER, ApiKeyScope.READ)
    status, code = refusal(read)[:2]
    assert (status, code == "FORBIDDEN") == ((404, False) if readable else (403, True))
    assert after == before
    assert refusal(write)[0] == 404
