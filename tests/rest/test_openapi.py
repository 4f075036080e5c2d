"""The OpenAPI document: valid 3.1, every served route in it and nothing else, answers match it."""

from __future__ import annotations

import re
from typing import Any

import httpx
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from starlette.routing import Mount

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.rest.api import RestApi
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.rest.support import bearer, refusal, runs_path
from tests.runs.world import build, drain
from tests.support import GraphQLClient

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


async def _document(api: httpx.AsyncClient) -> dict[str, Any]:
    response = await api.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document: dict[str, Any] = response.json()
    return document


def _served(database: dict[str, DatabaseUrl], settings: Settings) -> set[tuple[str, str]]:
    """(METHOD, path) of every route the application's /api/v1 mount answers."""
    app = create_app(settings, database["app"])
    [mount] = [r for r in app.routes if isinstance(r, Mount) and r.path == "/api/v1"]
    assert isinstance(mount.app, RestApi)
    return {(route.method, mount.path + route.path) for route in mount.app.routes}


async def test_every_served_route_is_documented_and_nothing_else(
    api: httpx.AsyncClient, database: dict[str, DatabaseUrl], settings: Settings,
) -> None:
    document = await _document(api)

    documented = {(method.upper(), path) for path, item in document["paths"].items()
                  for method in item if method in METHODS}

    assert documented == _served(database, settings)
    assert documented == {("POST", "/api/v1/plans/{plan_id}/runs"),
                          ("GET", "/api/v1/runs/{run_id}"),
                          ("GET", "/api/v1/runs/{run_id}/results"),
                          ("POST", "/api/v1/runs/{run_id}/cancel"),
                          ("POST", "/api/v1/runs/{run_id}/evaluations"),
                          ("GET", "/api/v1/evaluations/{evaluation_id}"),
                          ("POST", "/api/v1/reports"),
                          ("GET", "/api/v1/reports/{report_id}/export"),
                          ("GET", "/api/v1/openapi.json")}


def _refs(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return own + [r for v in value.values() for r in _refs(v)]
    if isinstance(value, list):
        return [r for v in value for r in _refs(v)]
    return []


def _resolve(document: dict[str, Any], pointer: str) -> Any:
    assert pointer.startswith("#/"), pointer
    node: Any = document
    for part in pointer[2:].split("/"):
        node = node[part]
    return node


async def test_the_document_is_valid_openapi_3_1(api: httpx.AsyncClient) -> None:
    document = await _document(api)
    validate(document)


async def test_the_document_is_complete_and_self_consistent(api: httpx.AsyncClient) -> None:
    document = await _document(api)
    operations = [(path, method, op) for path, item in document["paths"].items()
                  for method, op in item.items()]

    assert document["openapi"] == "3.1.0"
    assert document["components"]["securitySchemes"]["apiKey"] == {
        "type": "http", "scheme": "bearer",
        "description": "An Assay API key: assay_<organization>_<secret>."}
    for pointer in _refs(document):
        assert _resolve(document, pointer) is not None, pointer
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    assert len({op["operationId"] for _, _, op in operations}) == len(operations)
    for path, method, op in operations:
        declared = {_resolve(document, p["$ref"])["name"] for p in op.get("parameters", [])
                    if _resolve(document, p["$ref"])["in"] == "path"}
        assert declared == set(re.findall(r"{(\w+)}", path)), (path, method)
        guarded = op["security"] == [{"apiKey": []}]
        assert guarded == (path != "/api/v1/openapi.json"), (path, method)
        statuses = set(op["responses"])
        assert {"429", "500"} <= statuses
        assert ({"401", "403"} <= statuses) == guarded
        for response in op["responses"].values():
            assert set(response["headers"]) >= {"X-Request-Id", "RateLimit-Limit",
                                                "RateLimit-Remaining", "RateLimit-Reset"}
    start = document["paths"]["/api/v1/plans/{plan_id}/runs"]["post"]
    assert set(start["responses"]) == {"200", "201", "400", "401", "403", "404", "409", "413",
                                       "415", "422", "429", "500"}
    assert "Location" in start["responses"]["201"]["headers"]
    assert "Retry-After" in start["responses"]["429"]["headers"]
    assert start["responses"]["409"]["description"] == (
        "The request clashes with the current state. Codes: IDEMPOTENCY_KEY_REUSED, "
        "IDEMPOTENCY_KEY_IN_USE, PLAN_NOT_READY, PLAN_EMPTY.")


def _validator(document: dict[str, Any], name: str) -> Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


async def test_real_answers_match_the_documented_schemas(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
) -> None:
    document = await _document(api)
    world = await build(gql, agent)
    key = bearer(world.org.api_key)
    started = await api.post(runs_path(world.ids["plan"]), headers=key,
                             json={"connection_id": world.ids["connection"]})
    run_path = started.headers["location"]
    await drain(redis_dsn)
    finished = await api.get(run_path, headers=key)
    page = await api.get(f"{run_path}/results", params={"limit": 2}, headers=key)
    refused = await api.post(f"{run_path}/cancel", headers=key)
    invalid = await api.post(runs_path(world.ids["plan"]), headers=key, json={})

    for name, response in (("Run", started), ("Run", finished), ("ResultsPage", page),
                           ("Error", refused), ("Error", invalid)):
        errors = [e.message for e in _validator(document, name).iter_errors(response.json())]
        assert errors == [], (name, response.json())
    assert [len(page.json()["results"]), refusal(refused)[0], refusal(invalid)[0]] == [
        2, 409, 422]
    wrong = {**finished.json(), "status": "DONE"}
    assert not _validator(document, "Run").is_valid(wrong)
