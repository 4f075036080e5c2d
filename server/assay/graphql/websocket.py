"""GraphQL over a websocket (graphql-transport-ws only): who connects, from where, how much.

Browsers cannot set headers on a websocket, so a connection authenticates in its
``connection_init`` payload (``{"authorization": "Bearer <key>", "x-assay-organization":
"<id>"}``) or with the session cookie the handshake carried. The cookie is ambient: any
page the user visits could open a socket that carries it (cross-site websocket hijacking),
so it only counts when the page's Origin is the server's own or listed in
``ASSAY_ALLOWED_ORIGINS``. A key in the payload works from anywhere: the page had to know it.
A refused ``connection_init`` closes the socket with 4403 and a reason that says what to do.

The socket serves subscriptions; queries and mutations stay on HTTP (see
``assay.graphql.extensions.OperationTransport``). The credentials are kept for the life of
the connection so that each subscription can re-check them as it polls: revoking a key or
ending a session closes live subscriptions too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http.websocket_origin import is_same_origin, normalize_origin
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    ErrorMessage,
    SubscribeMessage,
)

from assay.auth import middleware, sessions
from assay.auth.principal import Principal
from assay.graphql.context import Context
from assay.settings import Settings

#: Seconds a client has to send connection_init after the handshake.
CONNECTION_INIT_SECONDS = 10
#: Close code for a refused connection_init (graphql-transport-ws: Forbidden).
FORBIDDEN = 4403
#: Longest close reason a websocket frame carries (bytes).
MAX_REASON = 123
_PAYLOAD_KEYS = ("authorization", sessions.ORG_HEADER)
NO_CREDENTIALS = ('sign in, or send {"authorization": "Bearer <API key>"} as the '
                  "connection_init payload")


@dataclass
class WebSocketContext(Context):
    """The context of one websocket connection, shared by its operations."""

    #: The connection_init payload (strawberry writes it here).
    connection_params: dict[str, Any] = field(default_factory=dict, repr=False)
    #: The headers the principal was resolved from, to resolve it again while polling.
    credentials: dict[str, str] = field(default_factory=dict, repr=False)


def _reason(text: str) -> str:
    return text.encode()[:MAX_REASON].decode(errors="ignore")


def origin_allowed(headers: dict[str, str], allowed: tuple[str, ...]) -> bool:
    """May the page that opened this socket act with the user's cookie?

    No Origin header: not a browser, so there is no ambient cookie to abuse.
    """
    origin = headers.get("origin")
    if origin is None or is_same_origin(origin, headers.get("host")):
        return True
    normalized = normalize_origin(origin)
    return normalized is not None and normalized in {normalize_origin(a) for a in allowed}


def _credentials(handshake: dict[str, str], payload: dict[str, Any],
                 settings: Settings) -> dict[str, str] | str:
    """The headers to authenticate with, or why the connection is refused."""
    given = {str(k).lower(): v for k, v in payload.items() if str(k).lower() in _PAYLOAD_KEYS}
    if any(not isinstance(v, str) for v in given.values()):
        return "authorization and x-assay-organization in connection_init must be strings"
    credentials: dict[str, str] = {}
    if given.get("authorization"):
        credentials["authorization"] = given["authorization"]
    elif "cookie" in handshake:
        if not origin_allowed(handshake, settings.allowed_origins):
            return ("the session cookie is not accepted from this origin: send an API key in "
                    "connection_init or list it in ASSAY_ALLOWED_ORIGINS")
        credentials["cookie"] = handshake["cookie"]
    else:
        return NO_CREDENTIALS
    hint = given.get(sessions.ORG_HEADER) or handshake.get(sessions.ORG_HEADER)
    if hint:
        credentials[sessions.ORG_HEADER] = hint
    return credentials


async def _authenticate(context: WebSocketContext,
                        credentials: dict[str, str]) -> Principal | None:
    try:
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in credentials.items()]
    except UnicodeEncodeError:
        raise middleware.InvalidCredential("the credentials hold characters no header can "
                                           "carry: send them as they were issued") from None
    scope = {"type": "websocket", "headers": headers,
             "assay.request_id": context.request_id, "assay.client_ip": context.ip}
    return await middleware.authenticate(scope, sessions.Timeouts.of(context.settings))


async def authenticate_connection(context: WebSocketContext,
                                  payload: dict[str, Any]) -> str | None:
    """Resolve the connection's principal into ``context``; else why it is refused."""
    handshake = {k.lower(): v for k, v in context.request.headers.items()}
    credentials = _credentials(handshake, payload, context.settings)
    if isinstance(credentials, str):
        return _reason(credentials)
    try:
        principal = await _authenticate(context, credentials)
    except middleware.InvalidCredential as refused:
        return _reason(str(refused))
    if principal is None:  # a cookie header without the session cookie
        return NO_CREDENTIALS
    context.principal = principal
    context.credentials = credentials
    return None


async def current_principal(context: Context) -> Principal | None:
    """The caller as of now: None when its key was revoked or its session ended."""
    if not isinstance(context, WebSocketContext) or not context.credentials:
        return context.principal
    try:
        return await _authenticate(context, context.credentials)
    except middleware.InvalidCredential:
        return None


class TransportHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """strawberry's graphql-transport-ws handler, with Assay's authentication and limits."""

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        payload = message.get("payload", {})
        first = not self.connection_init_received and not self.connection_timed_out
        if first and isinstance(payload, dict) and isinstance(self.context, WebSocketContext):
            refusal = await authenticate_connection(self.context, payload)
            if refusal is not None:
                self.connection_init_received = True
                if self.connection_init_timeout_task:
                    self.connection_init_timeout_task.cancel()
                await self.websocket.close(code=FORBIDDEN, reason=refusal)
                return
        await super().handle_connection_init(message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged and not await self._still_authenticated():
            return
        limit = self.context.settings.max_subscriptions_per_connection
        fresh = message.get("id") not in self.operations
        if self.connection_acknowledged and fresh and len(self.operations) >= limit:
            error = GraphQLError(f"this connection already has {limit} subscriptions open: "
                                 "complete one, or open another connection",
                                 extensions={"code": "TOO_MANY_SUBSCRIPTIONS"})
            await self.send_message(ErrorMessage(id=message["id"], type="error",
                                                 payload=[error.formatted]))
            return
        await super().handle_subscribe(message)


    async def _still_authenticated(self) -> bool:
        """Re-resolve the caller before each new operation; close the socket when its key
        was revoked or its session ended since the connection began."""
        principal = await current_principal(self.context)
        if principal is None:
            await self.websocket.close(code=FORBIDDEN, reason=_reason(
                "your session ended or your API key was revoked: connect again with valid "
                "credentials"))
            return False
        self.context.principal = principal
        return True


class GraphQLWebSocket(GraphQL[Context, None]):
    """The /graphql websocket endpoint: graphql-transport-ws only (others close with 4406)."""

    graphql_transport_ws_handler_class = TransportHandler

    def __init__(self, settings: Settings, schema: BaseSchema) -> None:
        super().__init__(
            schema,
            graphql_ide=None,
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=CONNECTION_INIT_SECONDS),
            max_subscriptions_per_connection=None,  # TransportHandler applies the setting
        )
        self.settings = settings

    def is_websocket_origin_allowed(self, request: WebSocket, origin: str) -> bool:
        """Any page may open the socket: the cookie only counts from allowed origins, and
        an API key in connection_init counts from anywhere (see authenticate_connection)."""
        return True

    async def get_context(self, request: Request | WebSocket,
                          response: Response | WebSocket | None) -> WebSocketContext:
        client = request.scope.get("client")
        return WebSocketContext(request=request, response=None, principal=None,
                                request_id=secrets.token_hex(8),
                                ip=client[0] if client else "", settings=self.settings)
