"""The ASGI application: /graphql, /healthz, JSON errors, and the database lifecycle."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from tortoise import Tortoise

from assay.auth.middleware import AuthenticationMiddleware
from assay.crypto import envelope
from assay.crypto.keys import load_kek_ring
from assay.db.config import DatabaseUrl, tortoise_config
from assay.graphql.context import Context
from assay.graphql.schema import build_schema
from assay.http_guards import RequestGuards
from assay.settings import Settings


class AssayGraphQL(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            principal=request.scope.get("assay.principal"),
            request_id=request.scope.get("assay.request_id", ""),
            ip=request.scope.get("assay.client_ip", ""),
        )


async def healthz(request: Request) -> JSONResponse:
    conn = Tortoise.get_connection("default")
    await conn.execute_query("SELECT 1")
    return JSONResponse({"status": "ok"})


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "Unexpected error."
    return JSONResponse(
        {"errors": [{"message": detail, "extensions": {
            "code": f"HTTP_{status}", "requestId": request.scope.get("assay.request_id", "")}}]},
        status_code=status,
    )


def create_app(settings: Settings, database: DatabaseUrl, *, pool_max: int = 20) -> Starlette:
    """The application; it opens its database pool and key ring in its lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        envelope.configure(load_kek_ring(settings.kek, settings.data_dir))
        # Requests run in other tasks than the lifespan: share the ORM state across them.
        await Tortoise.init(
            config=tortoise_config(database, pool_max=pool_max), _enable_global_fallback=True
        )
        try:
            yield
        finally:
            await Tortoise.close_connections()

    graphql = AssayGraphQL(
        build_schema(settings),
        graphql_ide=None if settings.production else "graphiql",
        allow_queries_via_get=False,
        multipart_uploads_enabled=False,
    )
    handlers: dict[Any, Any] = {HTTPException: _http_error, Exception: _http_error}
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
        ],
        middleware=[
            Middleware(RequestGuards, max_body_bytes=settings.max_request_bytes),
            Middleware(AuthenticationMiddleware),
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
