"""The OpenAPI 3.1 document of /api/v1, built from the route table itself.

Every route's entry (path, method, declared access, Operation) becomes one operation, so
the document cannot list a route the API does not serve, nor miss one it does. Refusals
every route shares (401/403 on guarded routes, 400/413/415 on routes with a body, 429,
500) are added here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assay import __version__
from assay.rest.call import Reply, RestCall
from assay.rest.routing import PREFIX, Operation, RestRoute, Success
from assay.rest.schemas import HEADERS, PARAMETERS, SCHEMAS, ref

SECURITY_SCHEME = "apiKey"
_RATE_HEADERS = ("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")

#: Refusals shared by routes: status -> (when, codes).
_GUARDED = {401: ("No API key, a session instead of one, or a key that is invalid, expired or "
                  "revoked (refused before it is counted: no RateLimit headers).",
                  ("UNAUTHENTICATED",)),
            403: ("The key lacks the permission (e.g. a READ key starting a run).",
                  ("FORBIDDEN",))}
_WITH_BODY = {400: ("The body is not JSON.", ("MALFORMED_JSON",)),
              413: ("The body is too large (when Content-Length says so, it is refused before "
                    "it is counted: no RateLimit headers).", ("PAYLOAD_TOO_LARGE",)),
              415: ("The body is not sent as application/json.", ("UNSUPPORTED_MEDIA_TYPE",))}
_ALWAYS = {429: ("Over the rate limit: wait Retry-After seconds.", ("RATE_LIMITED",)),
           500: ("An unexpected error; quote the requestId.", ("INTERNAL",))}
_EXPECTED = {404: "Not found (an id of another organization answers the same).",
             409: "The request clashes with the current state.",
             422: "Invalid input: extensions.path names the field or header."}

DESCRIPTION = """For CI pipelines: start a run, follow it, read its results.

Authenticate with an API key: `Authorization: Bearer <key>` (a READ key reads; a WRITE key
also starts and cancels runs). Session cookies are refused. Ids are the GraphQL API's global
ids; a raw UUID is accepted too. Every refusal is JSON in one shape (see Error). Every
answer carries X-Request-Id, and every counted request the RateLimit-* headers (limits are
per API key and minute; requests without a key count against their address).
"""


def _headers(*names: str) -> dict[str, Any]:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": ref(schema)}}


def _success(success: Success) -> dict[str, Any]:
    content = {media_type: {"schema": {"type": "string"}} for media_type in success.media_types}
    return {"description": success.description,
            "headers": _headers(*_RATE_HEADERS, *success.headers),
            "content": content or _json(success.schema)}


def _refusal(when: str, codes: Sequence[str], *extra_headers: str) -> dict[str, Any]:
    return {"description": f"{when} Codes: {', '.join(codes)}.",
            "headers": _headers(*_RATE_HEADERS, *extra_headers), "content": _json("Error")}


def _responses(route: RestRoute) -> dict[str, Any]:
    operation = route.operation
    responses = {str(status): _success(s) for status, s in sorted(operation.successes.items())}
    shared = {**(_GUARDED if route.permission else {}),
              **(_WITH_BODY if route.takes_body else {}), **_ALWAYS}
    refusals = {status: (_EXPECTED[status], codes)
                for status, codes in operation.refusals.items()} | shared
    for status, (when, codes) in sorted(refusals.items()):
        extra = ("Retry-After",) if status == 429 else ()
        responses[str(status)] = _refusal(when, codes, *extra)
    return responses


def _operation(route: RestRoute) -> dict[str, Any]:
    operation = route.operation
    entry: dict[str, Any] = {
        "operationId": operation.operation_id,
        "summary": operation.summary,
        "description": operation.description,
        "security": [{SECURITY_SCHEME: []}] if route.permission else [],
        "responses": _responses(route),
    }
    if route.permission is not None:
        entry["x-assay-permission"] = route.permission.value
    if operation.parameters:
        entry["parameters"] = [{"$ref": f"#/components/parameters/{name}"}
                               for name in operation.parameters]
    if operation.body is not None:
        entry["requestBody"] = {"required": True, "content": _json(operation.body)}
    return entry


def document(routes: Sequence[RestRoute]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(PREFIX + route.path, {})[route.method.lower()] = _operation(route)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Assay REST API", "version": __version__, "description": DESCRIPTION},
        "security": [{SECURITY_SCHEME: []}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "securitySchemes": {SECURITY_SCHEME: {
                "type": "http", "scheme": "bearer",
                "description": "An Assay API key: assay_<organization>_<secret>."}},
        },
    }


def with_document(routes: Sequence[RestRoute]) -> list[RestRoute]:
    """``routes`` and GET /openapi.json, which serves the document of all of them."""
    built: dict[str, Any] = {}

    async def serve(call: RestCall) -> Reply:
        return Reply(200, built)

    served = RestRoute("GET", "/openapi.json", serve, permission=None,
                       public_reason="describes the API to clients; holds no tenant data",
                       operation=Operation(
                           operation_id="getOpenApiDocument",
                           summary="This document",
                           description="The OpenAPI 3.1 description of /api/v1. No key needed.",
                           successes={200: Success("The document.", "OpenApiDocument")}))
    every = [*routes, served]
    built.update(document(every))
    return every
