"""Hardening of /graphql: document limits, transport, JSON errors, masking, production mode."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from assay.app import AssayGraphQL, create_app
from assay.db.config import DatabaseUrl
from assay.graphql.schema import build_schema
from assay.http_guards import RequestGuards
from assay.settings import Settings
from tests.security.world import snapshot
from tests.support import GraphQLClient, make_org, owner

SECRET_DETAIL = "database password is hunter2"
LIMITS = Settings(environment="test")


def _record(info: strawberry.Info, name: str) -> None:
    info.context.request.app.state.calls.append(name)


@strawberry.type
class Box:
    @strawberry.field
    def child(self, info: strawberry.Info) -> Box:
        _record(info, "child")
        return Box()

    @strawberry.field
    def leaf(self, info: strawberry.Info) -> int:
        _record(info, "leaf")
        return 1


@strawberry.type(name="Query")
class ProbeQuery:
    @strawberry.field
    def box(self, info: strawberry.Info, tags: list[int] | None = None) -> Box:
        _record(info, "box")
        return Box()

    @strawberry.field
    def boom(self, info: strawberry.Info) -> int:
        _record(info, "boom")
        raise RuntimeError(SECRET_DETAIL)


@dataclass
class Probe:
    """A tiny schema with the real extension list; ``calls`` lists the resolvers that ran."""

    calls: list[str] = field(default_factory=list)


@pytest.fixture
async def probe() -> AsyncIterator[tuple[Probe, httpx.AsyncClient]]:
    recorder = Probe()
    real = build_schema(LIMITS)
    schema = strawberry.Schema(query=ProbeQuery, extensions=real.extensions, config=real.config)
    view = AssayGraphQL(LIMITS, schema, graphql_ide=None)
    app = Starlette(routes=[Route("/graphql", view, methods=["POST"])], middleware=[
        Middleware(RequestGuards, max_body_bytes=LIMITS.max_request_bytes)])
    app.state.calls = recorder.calls
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as client:
        yield recorder, client


@pytest.fixture
async def production() -> AsyncIterator[httpx.AsyncClient]:
    """The real application in production mode (these requests never reach the database)."""
    settings = Settings(environment="production")
    app = create_app(settings, DatabaseUrl.parse("postgresql://nobody@127.0.0.1:1/none"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prod") as client:
        yield client


def nested(depth: int) -> str:
    """A query whose deepest field is ``depth`` levels below the root field."""
    inner = "leaf"
    for _ in range(depth - 1):
        inner = f"child {{ {inner} }}"
    return f"{{ box {{ {inner} }} }}"


def aliases(count: int) -> str:
    return " ".join(f"a{n}: box {{ leaf }}" for n in range(count))


def tokens(count: int) -> str:
    """A document of exactly ``count`` lexical tokens: `{ box(tags: [1 1 …]) { leaf } }`."""
    return "{ box(tags: [" + " ".join(["1"] * (count - 12)) + "]) { leaf } }"


async def _post(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query})
    body: dict[str, Any] = response.json()
    return body


def _messages(body: dict[str, Any]) -> list[str]:
    return [error["message"] for error in body.get("errors") or []]


async def test_depth_at_the_limit_runs(probe: tuple[Probe, httpx.AsyncClient]) -> None:
    recorder, client = probe

    body = await _post(client, nested(LIMITS.max_query_depth))

    assert "errors" not in body
    assert len(recorder.calls) == LIMITS.max_query_depth + 1


async def test_depth_over_the_limit_runs_nothing(probe: tuple[Probe, httpx.AsyncClient]) -> None:
    recorder, client = probe

    body = await _post(client, nested(LIMITS.max_query_depth + 1))

    assert body["data"] is None
    assert _messages(body) == [
        f"'anonymous' exceeds maximum operation depth of {LIMITS.max_query_depth}"]
    assert recorder.calls == []


async def test_aliases_at_the_limit_run(probe: tuple[Probe, httpx.AsyncClient]) -> None:
    recorder, client = probe

    body = await _post(client, f"{{ {aliases(LIMITS.max_aliases)} }}")

    assert "errors" not in body
    assert len(recorder.calls) == 2 * LIMITS.max_aliases


@pytest.mark.parametrize("shape", ["inline", "fragment", "nested fragments", "inline fragment"])
async def test_one_alias_too_many_runs_nothing(
    probe: tuple[Probe, httpx.AsyncClient], shape: str
) -> None:
    recorder, client = probe
    count = LIMITS.max_aliases + 1
    half = count // 2
    second = " ".join(f"b{n}: box {{ leaf }}" for n in range(half, count))
    documents = {
        "inline": f"{{ {aliases(count)} }}",
        "fragment": f"{{ ...F }} fragment F on Query {{ {aliases(count)} }}",
        "nested fragments": (
            f"{{ ...F }} fragment F on Query {{ {aliases(half)} ...G }} "
            f"fragment G on Query {{ {second} }}"
        ),
        "inline fragment": f"{{ ... on Query {{ {aliases(count)} }} }}",
    }

    body = await _post(client, documents[shape])

    assert body["data"] is None
    assert _messages(body) == [f"{count} aliases found. Allowed: {LIMITS.max_aliases}"]
    assert recorder.calls == []


async def test_token_limit(probe: tuple[Probe, httpx.AsyncClient]) -> None:
    recorder, client = probe

    accepted = await _post(client, tokens(LIMITS.max_tokens))
    ran = len(recorder.calls)
    recorder.calls.clear()
    refused = await _post(client, tokens(LIMITS.max_tokens + 1))

    assert "errors" not in accepted
    assert ran == 2
    assert refused["data"] is None
    assert _messages(refused) == [
        f"Syntax Error: Document contains more than {LIMITS.max_tokens} tokens. "
        "Parsing aborted."]
    assert recorder.calls == []


async def test_unexpected_errors_are_masked_with_the_request_id(
    probe: tuple[Probe, httpx.AsyncClient], caplog: pytest.LogCaptureFixture
) -> None:
    _, client = probe

    with caplog.at_level(logging.ERROR, logger="assay.graphql"):
        response = await client.post("/graphql", json={"query": "{ boom }"})

    request_id = response.headers["x-request-id"]
    assert len(request_id) == 16
    assert response.json() == {"data": None, "errors": [{
        "message": f"Unexpected error. Quote request id {request_id} when reporting it.",
        "locations": [{"line": 1, "column": 3}],
        "path": ["boom"],
        "extensions": {"code": "INTERNAL", "requestId": request_id},
    }]}
    assert SECRET_DETAIL not in response.text
    logged = [r for r in caplog.records if r.name == "assay.graphql"]
    assert [r.getMessage() for r in logged] == [
        f"unexpected error in request {request_id} at ['boom']"]
    assert logged[0].exc_info is not None
    assert str(logged[0].exc_info[1]) == SECRET_DETAIL


async def test_limits_apply_on_the_real_endpoint_before_any_mutation(
    gql: GraphQLClient, owner_db: Any
) -> None:
    org = await make_org()
    caller = await owner(org)
    before = await snapshot(owner_db, org.id)
    count = LIMITS.max_aliases + 1
    many = " ".join(
        f'p{n}: createProject(input: {{name: "Alias {n}"}}) {{ __typename }}'
        for n in range(count))

    body = await gql.post(f"mutation {{ {many} }}", caller=caller)

    assert body["data"] is None
    assert _messages(body) == [f"{count} aliases found. Allowed: {LIMITS.max_aliases}"]
    assert await snapshot(owner_db, org.id) == before


async def test_batches_are_refused(gql: GraphQLClient) -> None:
    response = await gql.http.post("/graphql", json=[{"query": "{ viewer { role } }"}] * 2)

    assert response.status_code == 400


async def test_queries_over_get_are_refused(gql: GraphQLClient) -> None:
    response = await gql.http.get("/graphql", params={"query": "{ viewer { role } }"})

    assert response.status_code == 400
    assert "viewer" not in response.text


async def test_mutations_over_get_are_refused(gql: GraphQLClient, owner_db: Any) -> None:
    org = await make_org()
    caller = await owner(org)
    before = await snapshot(owner_db, org.id)

    response = await gql.http.get(
        "/graphql", headers=caller.headers,
        params={"query": 'mutation { createProject(input: {name: "Via GET"}) { __typename } }'})

    assert response.status_code == 400
    assert await snapshot(owner_db, org.id) == before


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])
async def test_simple_cross_site_content_types_are_refused(
    gql: GraphQLClient, owner_db: Any, content_type: str
) -> None:
    org = await make_org()
    caller = await owner(org)
    before = await snapshot(owner_db, org.id)

    response = await gql.http.post(
        "/graphql", headers={**caller.headers, "content-type": content_type},
        content='{"query": "mutation { createProject(input: {name: \\"CSRF\\"}) { __typename } }"}')

    assert response.status_code == 400
    assert await snapshot(owner_db, org.id) == before


async def test_a_declared_oversized_body_is_413_json(gql: GraphQLClient) -> None:
    limit = LIMITS.max_request_bytes
    padding = "x" * limit

    response = await gql.http.post("/graphql", json={"query": "{ viewer { role } }",
                                                     "extensions": {"pad": padding}})

    assert response.status_code == 413
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"errors": [{
        "message": f"the request body is over the {limit}-byte limit: send less per request "
                   "(e.g. import test cases in several documents)",
        "extensions": {"code": "PAYLOAD_TOO_LARGE", "requestId": response.headers["x-request-id"]},
    }]}


async def test_a_malformed_content_length_is_a_clear_400(gql: GraphQLClient) -> None:
    response = await gql.http.post("/graphql", content=b'{"query": "{ viewer { role } }"}',
                                   headers={"content-type": "application/json",
                                            "content-length": "12abc"})

    assert response.status_code == 400
    assert response.json() == {"errors": [{
        "message": "the Content-Length header must be a whole number of bytes: let your HTTP "
                   "client set it",
        "extensions": {"code": "BAD_CONTENT_LENGTH",
                       "requestId": response.headers["x-request-id"]},
    }]}


async def test_a_streamed_oversized_body_is_413_json(gql: GraphQLClient) -> None:
    limit = LIMITS.max_request_bytes

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ viewer { role } }", "extensions": {"pad": "'
        for _ in range(limit // 65536 + 1):
            yield b"x" * 65536
        yield b'"}}'

    response = await gql.http.post("/graphql", content=chunks(),
                                   headers={"content-type": "application/json"})

    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def _is_json_error(response: httpx.Response) -> bool:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return False
    body = response.json()
    return isinstance(body, dict) and bool(body.get("errors"))



@pytest.mark.parametrize(("method", "path", "kwargs", "status", "message"), [
    pytest.param("GET", "/nope", {}, 404, "Not Found", id="unknown path"),
    pytest.param("POST", "/nope", {"json": {}}, 404, "Not Found", id="unknown path POST"),
    pytest.param("GET", "/graphql/../etc/passwd", {}, 404, "Not Found", id="path games"),
    pytest.param("PUT", "/graphql", {"json": {}}, 405, "Method Not Allowed", id="wrong method"),
    pytest.param("GET", "/graphql", {"params": {"query": "{ viewer { role } }"}}, 400,
                 "queries are not allowed when using GET", id="query over GET"),
    pytest.param("POST", "/graphql", {"json": [{"query": "{ viewer { role } }"}]}, 400,
                 "Batching is not enabled", id="batch"),
    pytest.param("POST", "/graphql", {"content": "{}", "headers": {"content-type": "text/plain"}},
                 400, "Unsupported content type", id="text/plain"),
    pytest.param("POST", "/graphql", {"content": "{not json",
                                      "headers": {"content-type": "application/json"}},
                 400, "Unable to parse request body as JSON", id="malformed JSON"),
    pytest.param("POST", "/graphql", {"json": {"variables": {}}}, 400,
                 "No GraphQL query found in the request", id="no query"),
])
async def test_errors_are_json_never_html(
    gql: GraphQLClient, method: str, path: str, kwargs: dict[str, Any], status: int,
    message: str,
) -> None:
    headers = {"accept": "text/html", **kwargs.pop("headers", {})}
    response = await gql.http.request(method, path, headers=headers, **kwargs)

    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body == {"errors": [{"message": message, "extensions": {
        "code": f"HTTP_{status}", "requestId": response.headers["x-request-id"]}}]}


async def test_development_mode_serves_graphiql(gql: GraphQLClient) -> None:
    response = await gql.http.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_production_serves_no_graphiql(production: httpx.AsyncClient) -> None:
    response = await production.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 404
    assert "graphiql" not in response.text.lower()


@pytest.mark.parametrize("query", [
    "{ __schema { types { name } } }",
    '{ __type(name: "Query") { fields { name } } }',
    "{ ...F } fragment F on Query { __schema { queryType { name } } }",
])
async def test_production_refuses_introspection(
    production: httpx.AsyncClient, query: str
) -> None:
    body = await _post(production, query)

    assert body["data"] is None
    assert _messages(body)[0].startswith("GraphQL introspection has been disabled")


async def test_production_makes_no_suggestions(production: httpx.AsyncClient) -> None:
    body = await _post(production, "{ viewr { rol } }")

    assert _messages(body) == ["Cannot query field 'viewr' on type 'Query'."]


async def test_development_suggests_fields(gql: GraphQLClient) -> None:
    body = await _post(gql.http, "{ viewr { role } }")

    assert _messages(body) == ["Cannot query field 'viewr' on type 'Query'. Did you mean 'viewer'?"]
