"""The SCIM service's ASGI application (mounted at /scim/v2): one pipeline for every endpoint.

Each request presents a SCIM token as a bearer (the global authentication middleware leaves
/scim/v2 alone: these tokens are not API keys), is counted against the token's rate limit
(an unauthenticated one against its address, the REST API's limit either way), and runs in
ONE tenant transaction of the token's organization, acting as the token: a refusal rolls
back everything the request wrote, audit events included. Every answer is
``application/scim+json``; refusals use the SCIM error schema.
"""

from __future__ import annotations

import json
import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from tortoise.exceptions import IntegrityError

from assay.audit.context import Actor, acting_as
from assay.db.transactions import tenant_transaction
from assay.rest import ratelimit
from assay.scim import endpoints, tokens, urns
from assay.scim.calls import Reply, ScimCall
from assay.scim.errors import ScimError, uniqueness
from assay.scim.render import PREFIX, Site
from assay.settings import Settings

log = logging.getLogger("assay.scim")

_REALM = 'Bearer realm="Assay SCIM"'


def _unauthenticated(detail: str, *, presented: bool) -> ScimError:
    challenge = f'{_REALM}, error="invalid_token"' if presented else _REALM
    return ScimError(401, detail, headers={"WWW-Authenticate": challenge})


async def _caller(request: Request) -> tokens.TokenCaller | ScimError:
    """The token's caller, or the 401 to answer (decided before any rate limit is counted)."""
    authorization = request.headers.get("authorization")
    if not authorization:
        return _unauthenticated("send the organization's SCIM token as 'Authorization: Bearer "
                                "<token>' (an owner or admin creates one with "
                                "createScimToken)", presented=False)
    kind, _, token = authorization.partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        return _unauthenticated("send the SCIM token as 'Authorization: Bearer <token>'",
                                presented=False)
    caller = await tokens.authenticate(
        token.strip(), request_id=request.scope.get("assay.request_id", ""),
        ip=request.scope.get("assay.client_ip", ""))
    if caller is None:
        return _unauthenticated("the SCIM token is invalid, expired or revoked: ask an owner or "
                                "admin of the organization for a new one (createScimToken)",
                                presented=True)
    return caller


def _response(reply: Reply) -> Response:
    content = b"" if reply.body is None else json.dumps(reply.body).encode()
    media_type = None if reply.body is None else urns.MEDIA_TYPE
    return Response(content, status_code=reply.status, headers=reply.headers,
                    media_type=media_type)


class ScimApi:
    PREFIX = PREFIX

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.site = Site.of(settings.public_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        request = Request(scope, receive)
        request_id: str = scope.get("assay.request_id", "")
        quota: ratelimit.Quota | None = None
        try:
            caller = await _caller(request)
            bucket = (f"scim:{caller.token_id}" if isinstance(caller, tokens.TokenCaller)
                      else f"scim-ip:{scope.get('assay.client_ip', '')}")
            quota = await ratelimit.hit(self.settings, bucket)
            if quota.exceeded:
                raise ScimError(429, f"over {quota.limit} requests a minute for this SCIM "
                                f"token: wait {quota.reset} s (Retry-After), then send fewer")
            if isinstance(caller, ScimError):
                raise caller
            reply = await self._respond(request, caller)
        except ScimError as error:
            reply = Reply(error.status, error.body(), error.headers)
        except Exception:
            log.exception("unexpected error in SCIM request %s", request_id)
            reply = Reply(500, ScimError(500, "Unexpected error. Quote request id "
                                         f"{request_id} when reporting it.").body())
        response = _response(reply)
        if quota is not None:
            response.headers.update(quota.headers())
        await response(scope, receive, send)

    async def _respond(self, request: Request, caller: tokens.TokenCaller) -> Reply:
        handler, params, allowed = endpoints.route(request.method, _route_path(request.scope))
        if handler is None:
            raise _unrouted(request, allowed)
        call = ScimCall(request=request, site=self.site, params=params,
                        max_body_bytes=self.settings.max_request_bytes)
        actor = Actor(type="scim_token", id=str(caller.token_id),
                      request_id=request.scope.get("assay.request_id", ""),
                      ip=request.scope.get("assay.client_ip", ""))
        try:
            async with tenant_transaction(caller.org_id):
                with acting_as(actor):
                    return await handler(call)
        except IntegrityError:  # two requests raced to create the same name
            raise uniqueness("another request just used the same userName, displayName or "
                             "person: look it up with a filter, then retry") from None


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


def _unrouted(request: Request, allowed: list[str]) -> ScimError:
    if allowed:
        return ScimError(405, f"{request.method} is not allowed here: use "
                         f"{' or '.join(allowed)}", headers={"Allow": ", ".join(allowed)})
    return ScimError(404, f"no such SCIM endpoint: {request.url.path}; the endpoints are "
                     "/ServiceProviderConfig, /ResourceTypes, /Schemas, /Users and /Groups")
