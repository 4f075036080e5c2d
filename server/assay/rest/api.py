"""The REST API's ASGI application (mounted at /api/v1): one pipeline for every route.

Each request is counted against its caller's rate limit, routed, checked against the
route's declared permission, and handled in ONE tenant transaction with the caller's
organization, projects and actor, exactly as the GraphQL TenancyExtension does; a refusal
rolls back whatever the handler wrote. Only API keys are accepted: CI scripts have keys,
and refusing session cookies also leaves cross-site request forgery nothing to ride on.
Every answer, refusals included, is JSON and carries the rate-limit headers (except what
the outer middleware refuses first: an invalid key, a body declared too large).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from assay.audit.context import Actor, acting_as
from assay.auth.permissions import Permission
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction
from assay.errors import DomainError
from assay.http_guards import BodyTooLarge
from assay.rest import evaluations, openapi, plans, ratelimit, reports, runs
from assay.rest.call import Reply, RestCall
from assay.rest.errors import RestError, error_response, from_domain
from assay.rest.routing import PREFIX, RestRoute, match
from assay.settings import Settings

log = logging.getLogger("assay.rest")

ROUTES: list[RestRoute] = openapi.with_document([*plans.ROUTES, *runs.ROUTES,
                                                  *evaluations.ROUTES, *reports.ROUTES])


class RestApi:
    PREFIX = PREFIX

    def __init__(self, settings: Settings, routes: Sequence[RestRoute] = ROUTES) -> None:
        self.settings = settings
        self.routes = tuple(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # no websockets here
            await send({"type": "websocket.close", "code": 1008})
            return
        request = Request(scope, receive)
        request_id: str = scope.get("assay.request_id", "")
        principal: Principal | None = scope.get("assay.principal")
        quota: ratelimit.Quota | None = None
        try:
            quota = await ratelimit.hit(self.settings, _bucket(principal, scope))
            if quota.exceeded:
                raise RestError(429, "RATE_LIMITED", f"over {quota.limit} requests a minute "
                                f"for this API key: wait {quota.reset} s (Retry-After), "
                                "then send fewer requests (poll less often)")
            response = await self._respond(request, principal)
        except RestError as error:
            response = error_response(error, request_id)
        except Exception:
            log.exception("unexpected error in request %s", request_id)
            response = error_response(RestError(500, "INTERNAL", "Unexpected error. Quote "
                                                f"request id {request_id} when reporting it."),
                                      request_id)
        if quota is not None:
            response.headers.update(quota.headers())
        await response(scope, receive, send)

    async def _respond(self, request: Request, principal: Principal | None) -> Response:
        found = match(self.routes, request.method, _route_path(request.scope))
        if found.route is None:
            raise _unrouted(request, found.allowed)
        route = found.route
        caller = None if route.permission is None else _check_access(route.permission,
                                                                    principal)
        body = await self._json_body(request) if route.takes_body else None
        call = RestCall(request=request, settings=self.settings, principal=principal,
                        params=found.params, body=body)
        if caller is None:  # a public route: it reads no tenant data
            reply = await route.handler(call)
        else:
            reply = await _in_tenant(route, call, caller)
        if reply.render is not None:
            return Response(await _rendered(reply), status_code=reply.status,
                            headers=reply.headers, media_type=reply.media_type)
        return JSONResponse(reply.body, status_code=reply.status, headers=reply.headers)

    async def _json_body(self, request: Request) -> Any:
        try:
            raw = await request.body()
        except BodyTooLarge:
            limit = self.settings.max_request_bytes
            raise RestError(413, "PAYLOAD_TOO_LARGE", f"the request body is over the {limit}-"
                            "byte limit: send only the documented fields") from None
        if not raw.strip():
            return None
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            raise RestError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with "
                            "'Content-Type: application/json'")
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, ValueError):
            raise RestError(400, "MALFORMED_JSON", "the body is not valid JSON: send a JSON "
                            "object, e.g. {\"connection_id\": \"...\"}") from None


async def _in_tenant(route: RestRoute, call: RestCall, principal: Principal) -> Reply:
    actor = Actor(type=principal.kind, id=str(principal.actor_id),
                  request_id=call.request.scope.get("assay.request_id", ""),
                  ip=call.request.scope.get("assay.client_ip", ""))
    try:
        async with tenant_transaction(principal.org_id, project_ids=principal.project_ids,
                                      user_id=principal.user_id):
            with acting_as(actor):
                reply = await route.handler(call)
    except DomainError as exc:  # raised through the transaction: nothing it wrote stays
        raise from_domain(exc) from None
    for step in call.committed:
        try:
            await step()
        except Exception:  # what committed stands; a missed follow-up is only logged
            log.exception("an after-commit step of request %s failed", actor.request_id)
    return reply


async def _rendered(reply: Reply) -> bytes:
    """The reply's file, rendered outside the request's transaction."""
    assert reply.render is not None
    try:
        return await reply.render()
    except DomainError as exc:
        raise from_domain(exc) from None


def _bucket(principal: Principal | None, scope: Scope) -> str:
    """Whose limit a request counts against: its API key, else (refused anyway) its address."""
    if principal is not None and principal.api_key_id is not None:
        return f"key:{principal.api_key_id}"
    return f"ip:{scope.get('assay.client_ip', '')}"


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


def _unrouted(request: Request, allowed: tuple[str, ...]) -> RestError:
    if allowed:
        return RestError(405, "METHOD_NOT_ALLOWED", f"{request.method} is not allowed here: "
                         f"use {' or '.join(allowed)} (see /api/v1/openapi.json)",
                         headers={"Allow": ", ".join(allowed)})
    return RestError(404, "ROUTE_NOT_FOUND", f"no such endpoint: {request.url.path}; the "
                     "endpoints are listed in /api/v1/openapi.json")


def _check_access(permission: Permission, principal: Principal | None) -> Principal:
    if principal is None:
        raise RestError(401, "UNAUTHENTICATED", "send an API key as 'Authorization: Bearer "
                        "<key>' (mint one with the createApiKey mutation)")
    if principal.api_key_id is None:
        raise RestError(401, "UNAUTHENTICATED", "/api/v1 accepts API keys only, not a "
                        "signed-in session: send 'Authorization: Bearer <key>' (create one "
                        "with createApiKey)")
    if not principal.can(permission):
        raise RestError(403, "FORBIDDEN", f"this API key lacks the {permission.value} "
                        "permission: use a WRITE key of a member whose role allows it (READ "
                        "keys only read)")
    return principal
