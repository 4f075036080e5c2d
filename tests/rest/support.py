"""Helpers for the REST tests: keys, paths, the queue's length, the error shape."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from redis.asyncio import Redis

from assay.auth import api_keys
from assay.auth.models import ApiKeyScope
from assay.db.transactions import tenant_transaction
from assay.graphql.relay import decode_id
from assay.runs.routing import BROWSER_QUEUE, DEFAULT_QUEUE
from tests.support import Org

RATE_HEADERS = ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset")


def bearer(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


async def read_key(org: Org, scope: ApiKeyScope = ApiKeyScope.READ) -> str:
    """A new key of ``org``'s owner for its first project."""
    async with tenant_transaction(org.id):
        minted = await api_keys.mint(project_id=org.project_id, name=f"ci {uuid.uuid4().hex[:6]}",
                                     scope=scope, created_by=org.owner_id,
                                     expires_at=datetime.now(UTC) + timedelta(days=30))
    return minted.plaintext


def pk(global_id: str) -> uuid.UUID:
    decoded = decode_id(global_id)
    assert decoded is not None, global_id
    return decoded[1]


def runs_path(plan_id: str) -> str:
    return f"/api/v1/plans/{plan_id}/runs"


async def queued(redis_dsn: str) -> int:
    """Jobs waiting in the arq queues (HTTP and browser)."""
    client = Redis.from_url(redis_dsn)
    try:
        return sum([int(await client.zcard(name)) for name in (DEFAULT_QUEUE, BROWSER_QUEUE)])
    finally:
        await client.aclose()


def refusal(response: httpx.Response) -> tuple[int, str, str, str | None]:
    """(status, code, message, path) of an error answer, after checking its shape."""
    body: dict[str, Any] = response.json()
    assert response.headers["content-type"] == "application/json", response.headers
    [error] = body["errors"]
    extensions = error["extensions"]
    assert set(body) == {"errors"} and set(error) == {"message", "extensions"}, body
    assert extensions["requestId"] == response.headers["x-request-id"], body
    assert set(extensions) <= {"code", "requestId", "path"}, body
    return response.status_code, extensions["code"], error["message"], extensions.get("path")


def without_request_id(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    for error in body.get("errors", []):
        error["extensions"].pop("requestId")
    return body
