"""The ASGI application: /graphql, /healthz, JSON errors, and the database lifecycle."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from cross_web import HTTPException as CrossWebHTTPException
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from tortoise import Tortoise

from assay.auth.middleware import AuthenticationMiddleware
from assay.crypto import envelope
from assay.crypto.keys import load_kek_ring
from assay.db.config import DatabaseUrl, tortoise_config
from assay.graphql.context import Context
from assay.graphql.schema import build_schema
from assay.graphql.websocket import GraphQLWebSocket
from assay.http_guards import RequestGuards
from assay.identity import deliveries, oidc_routes
from assay.rest.api import RestApi
from assay.runs import events as run_events
from assay.runs import queue as run_queue
from assay.scim.api import ScimApi
from assay.settings import Settings


class AssayGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Like strawberry's, but refused HTTP requests get the JSON error shape."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response: Response = await self.run(request)
        except CrossWebHTTPException as exc:
            response = _error_response(request, exc.status_code, exc.reason)
        await response(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            principal=request.scope.get("assay.principal"),
            request_id=request.scope.get("assay.request_id", ""),
            ip=request.scope.get("assay.client_ip", ""),
            settings=self.settings,
        )


async def healthz(request: Request) -> JSONResponse:
    conn = Tortoise.get_connection("default")
    await conn.execute_query("SELECT 1")
    return JSONResponse({"status": "ok"})


def _error_response(request: Request, status: int, message: str) -> JSONResponse:
    request_id = request.scope.get("assay.request_id", "")
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {
            "code": f"HTTP_{status}", "requestId": request_id}}]},
        status_code=status,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, HTTPException):
        return _error_response(request, exc.status_code, exc.detail)
    return _error_response(request, 500, "Unexpected error.")


def create_app(settings: Settings, database: DatabaseUrl, *, pool_max: int = 20) -> Starlette:
    """The application; it opens its database pool and key ring in its lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        envelope.configure(load_kek_ring(settings.kek, settings.data_dir))
        if settings.redis_url is not None:  # else the embedded Redis starts on first enqueue
            run_queue.configure(settings.redis_url.reveal())
        # Requests run in other tasks than the lifespan: share the ORM state across them.
        await Tortoise.init(
            config=tortoise_config(database, pool_max=pool_max), _enable_global_fallback=True
        )
        try:
            yield
        finally:
            await deliveries.delivered()  # mail still being sent goes out before we stop
            await run_events.close()
            await run_queue.close()
            await Tortoise.close_connections()

    schema = build_schema(settings)
    graphql = AssayGraphQL(
        settings,
        schema,
        graphql_ide=None if settings.production else "graphiql",
        allow_queries_via_get=False,
        multipart_uploads_enabled=False,
    )
    handlers: dict[Any, Any] = {HTTPException: _http_error, Exception: _http_error}
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", GraphQLWebSocket(settings, schema)),
            Route("/healthz", healthz),
            Mount(RestApi.PREFIX, app=RestApi(settings)),
            Mount(ScimApi.PREFIX, app=ScimApi(settings)),
            *oidc_routes.routes(settings),
        ],
        middleware=[
            Middleware(RequestGuards, max_body_bytes=settings.max_request_bytes),
            Middleware(AuthenticationMiddleware, settings=settings),
        ],
        exception_handlers=handlers,
        lifespan=lifespan,
    )


def app_from_environment() -> Starlette:
    """The application for one server process (``assay serve --workers N`` imports this)."""
    from assay.runtime import databases
    from assay.settings import load_settings

    settings = load_settings()
    return create_app(settings, databases(settings).app)
