"""HTTP-level refusals of /api/v1: all JSON in one shape, with the request id and rate headers."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import asyncpg
import httpx

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Settings
from tests.rest.support import RATE_HEADERS, bearer, refusal, runs_path
from tests.support import GraphQLClient, make_org, owner


async def test_unknown_routes_and_methods_are_json(api: httpx.AsyncClient) -> None:
    org = await make_org("Routes")
    key = bearer(org.api_key)

    unknown = await api.get("/api/v1/pipelines", headers=key)
    nested = await api.get("/api/v1/runs/x/y/z", headers=key)
    anonymous = await api.get("/api/v1/nothing")
    wrong = await api.delete("/api/v1/runs/abc", headers=key)
    put = await api.put("/api/v1/runs/abc/cancel", headers=key)

    assert refusal(unknown) == (404, "ROUTE_NOT_FOUND", "no such endpoint: /api/v1/pipelines; "
                                "the endpoints are listed in /api/v1/openapi.json", None)
    assert refusal(nested)[:2] == (404, "ROUTE_NOT_FOUND")
    assert refusal(anonymous)[:2] == (404, "ROUTE_NOT_FOUND")
    assert refusal(wrong) == (405, "METHOD_NOT_ALLOWED", "DELETE is not allowed here: use GET "
                              "(see /api/v1/openapi.json)", None)
    assert wrong.headers["allow"] == "GET"
    assert refusal(put)[:2] == (405, "METHOD_NOT_ALLOWED")
    assert put.headers["allow"] == "POST"
    for response in (unknown, nested, anonymous, wrong, put):
        assert all(name in response.headers for name in RATE_HEADERS)


async def test_bodies_that_are_not_json_are_refused_before_anything_runs(
    api: httpx.AsyncClient, owner_db: asyncpg.Connection,
) -> None:
    org = await make_org("Bodies")
    key = bearer(org.api_key)
    path = runs_path("anything")

    malformed = await api.post(path, content=b'{"connection_id": ', headers={
        **key, "content-type": "application/json"})
    not_utf8 = await api.post(path, content=b"\xff\xfe{}", headers={
        **key, "content-type": "application/json"})
    form = await api.post(path, content=b"connection_id=1", headers={
        **key, "content-type": "application/x-www-form-urlencoded"})

    assert refusal(malformed) == (400, "MALFORMED_JSON", 'the body is not valid JSON: send a '
                                  'JSON object, e.g. {"connection_id": "..."}', None)
    assert refusal(not_utf8)[:2] == (400, "MALFORMED_JSON")
    assert refusal(form) == (415, "UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with "
                             "'Content-Type: application/json'", None)
    assert await owner_db.fetchval("SELECT count(*) FROM runs WHERE organization_id = $1",
                                   org.id) == 0


async def test_oversized_bodies_are_413_json(
    database: dict[str, DatabaseUrl], settings: Settings,
) -> None:
    org = await make_org("Big bodies")
    small = dataclasses.replace(settings, max_request_bytes=64)
    app = create_app(small, database["app"])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as client:
        declared = await client.post(runs_path("p"), json={"connection_id": "x" * 100},
                                     headers=bearer(org.api_key))

        async def chunks() -> AsyncIterator[bytes]:
            yield b'{"connection_id": "'
            yield b"x" * 100
            yield b'"}'

        streamed = await client.post(runs_path("p"), content=chunks(), headers={
            **bearer(org.api_key), "content-type": "application/json"})

    assert refusal(declared)[:2] == (413, "PAYLOAD_TOO_LARGE")
    assert refusal(streamed) == (413, "PAYLOAD_TOO_LARGE", "the request body is over the "
                                 "64-byte limit: send only the documented fields", None)
    assert all(name in streamed.headers for name in RATE_HEADERS)


async def test_only_api_keys_are_accepted(gql: GraphQLClient, api: httpx.AsyncClient) -> None:
    org = await make_org("Keys only")
    session = await owner(org)

    anonymous = await api.get("/api/v1/runs/abc")
    signed_in = await api.post(runs_path("abc"), json={"connection_id": "x"},
                               headers=session.headers)
    wrong_scheme = await api.get("/api/v1/runs/abc", headers={
        "authorization": f"Basic {org.api_key}"})
    revoked_like = await api.get("/api/v1/runs/abc", headers=bearer(org.api_key + "x"))

    assert refusal(anonymous) == (401, "UNAUTHENTICATED", "send an API key as 'Authorization: "
                                  "Bearer <key>' (mint one with the createApiKey mutation)", None)
    assert refusal(signed_in) == (401, "UNAUTHENTICATED", "/api/v1 accepts API keys only, not a "
                                  "signed-in session: send 'Authorization: Bearer <key>' (create "
                                  "one with createApiKey)", None)
    assert refusal(wrong_scheme) == (401, "UNAUTHENTICATED", "send the API key as "
                                     "'Authorization: Bearer <key>'", None)
    assert refusal(revoked_like) == (401, "UNAUTHENTICATED", "the API key is invalid, expired "
                                     "or revoked", None)
    assert all(name in anonymous.headers for name in RATE_HEADERS)
