"""The AgentConnection type, its configuration of either kind, and its credentials' metadata."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry

from assay.auth.permissions import Permission
from assay.connections.models import AgentConnection, ConnectionCredential, ConnectionKind
from assay.connections.specs import AuthType, HttpMethod, StepAction
from assay.graphql.connections.loaders import connections_by_id, credentials_by_connection
from assay.graphql.node import register_node
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import Node, encode_id

ConnectionKindEnum = strawberry.enum(ConnectionKind, name="ConnectionKind")
HttpMethodEnum = strawberry.enum(HttpMethod, name="HttpMethod")
HttpAuthTypeEnum = strawberry.enum(AuthType, name="HttpAuthType",
                                   description="How the agent's HTTP API authenticates calls.")
BrowserActionEnum = strawberry.enum(StepAction, name="BrowserAction")


@strawberry.type(name="HttpAuth", description="The auth scheme; its secret is the credential "
                 "named 'auth'.")
class HttpAuthType:
    type: HttpAuthTypeEnum  # type: ignore[valid-type]
    header_name: str | None = strawberry.field(description="The header of API_KEY_HEADER.")
    query_param: str | None = strawberry.field(description="The parameter of API_KEY_QUERY.")


@strawberry.type(name="HttpHeader", description="A plain, non-secret header.")
class HttpHeaderType:
    name: str
    value: str


@strawberry.type(name="HttpConnectionConfig", description="How to call an agent over HTTP.")
class HttpConfigType:
    url: str
    method: HttpMethodEnum  # type: ignore[valid-type]
    auth: HttpAuthType
    headers: list[HttpHeaderType]
    secret_headers: list[str] = strawberry.field(
        description="Headers whose values are the credentials named header:<Name>."
    )
    body_template: str | None
    response_path: str
    session_id_path: str | None
    timeout_seconds: int

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> HttpConfigType:
        auth = config["auth"]
        return cls(
            url=config["url"],
            method=HttpMethod(config["method"]),
            auth=HttpAuthType(type=AuthType(auth["type"]), header_name=auth.get("header_name"),
                              query_param=auth.get("query_param")),
            headers=[HttpHeaderType(name=h["name"], value=h["value"]) for h in config["headers"]],
            secret_headers=list(config["secret_headers"]),
            body_template=config["body_template"],
            response_path=config["response_path"],
            session_id_path=config["session_id_path"],
            timeout_seconds=config["timeout_seconds"],
        )


@strawberry.type(name="BrowserStep", description="One action of a login or post-navigation "
                 "script; a value may reference a credential as {{credentials.NAME}}.")
class BrowserStepType:
    action: BrowserActionEnum  # type: ignore[valid-type]
    selector: str | None
    value: str | None
    key: str | None
    url: str | None
    milliseconds: int | None

    @classmethod
    def from_config(cls, step: dict[str, Any]) -> BrowserStepType:
        return cls(action=StepAction(step["action"]), selector=step.get("selector"),
                   value=step.get("value"), key=step.get("key"), url=step.get("url"),
                   milliseconds=step.get("milliseconds"))


@strawberry.type(name="BrowserSelectors", description="CSS selectors of the chat widget.")
class BrowserSelectorsType:
    input: str
    send_button: str
    response: str
    typing_indicator: str | None


@strawberry.type(name="BrowserConnectionConfig", description="How to drive the agent's chat "
                 "page in a real browser.")
class BrowserConfigType:
    chat_url: str
    login_url: str | None
    login_steps: list[BrowserStepType]
    post_navigation_steps: list[BrowserStepType]
    selectors: BrowserSelectorsType
    navigation_timeout_ms: int
    response_timeout_ms: int
    quiet_period_ms: int

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> BrowserConfigType:
        selectors = config["selectors"]
        return cls(
            chat_url=config["chat_url"],
            login_url=config["login_url"],
            login_steps=[BrowserStepType.from_config(s) for s in config["login_steps"]],
            post_navigation_steps=[
                BrowserStepType.from_config(s) for s in config["post_navigation_steps"]
            ],
            selectors=BrowserSelectorsType(
                input=selectors["input"], send_button=selectors["send_button"],
                response=selectors["response"], typing_indicator=selectors["typing_indicator"],
            ),
            navigation_timeout_ms=config["navigation_timeout_ms"],
            response_timeout_ms=config["response_timeout_ms"],
            quiet_period_ms=config["quiet_period_ms"],
        )


@strawberry.type(name="ConnectionCredential", description="A sealed secret of a connection "
                 "(listed by name). Its value is write-only: it is never returned.")
class CredentialType:
    name: str
    is_set: bool = strawberry.field(description="Whether a value is stored.")
    hint: str = strawberry.field(description="A short reminder, such as …a1b2 (the last four "
                                 "characters of secrets of 12 or more).")
    updated_at: datetime = strawberry.field(description="When the value last changed.")

    @classmethod
    def from_model(cls, row: ConnectionCredential) -> CredentialType:
        return cls(name=row.name, is_set=True, hint=row.hint, updated_at=row.updated_at)


@strawberry.type(name="AgentConnection", description="How to reach an agent under test.")
class AgentConnectionType(Node):
    name: str
    kind: ConnectionKindEnum  # type: ignore[valid-type]
    concurrency: int = strawberry.field(description="Conversations run at once at most.")
    http: HttpConfigType | None = strawberry.field(description="Set for HTTP connections.")
    browser: BrowserConfigType | None = strawberry.field(description="Set for BROWSER ones.")
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[uuid.UUID]
    project_pk: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def project(self, info: strawberry.Info) -> ProjectType:
        return ProjectType.from_model(await info.context.loaders.load(projects_by_id,
                                                                      self.project_pk))

    @strawberry.field
    async def credentials(self, info: strawberry.Info) -> list[CredentialType]:
        rows = await info.context.loaders.load(credentials_by_connection, self.pk)
        return [CredentialType.from_model(row) for row in rows]

    @classmethod
    def from_model(cls, row: AgentConnection) -> AgentConnectionType:
        kind = ConnectionKind(row.kind)
        return cls(
            id=strawberry.ID(encode_id("AgentConnection", row.id)),
            pk=row.id,
            project_pk=row.project_id,
            name=row.name,
            kind=kind,
            concurrency=row.concurrency,
            http=HttpConfigType.from_config(row.config) if kind is ConnectionKind.HTTP else None,
            browser=(BrowserConfigType.from_config(row.config)
                     if kind is ConnectionKind.BROWSER else None),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


register_node(
    "AgentConnection",
    permission=Permission.CONNECTION_READ,
    load=connections_by_id,
    to_type=AgentConnectionType.from_model,
)
