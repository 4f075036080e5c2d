"""createAgentConnection."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.connections import service
from assay.graphql.connections.inputs import (
    BrowserConnectionInput,
    ConnectionCredentialInput,
    HttpConnectionInput,
    spec_of,
)
from assay.graphql.connections.types import AgentConnectionType
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.input
class CreateAgentConnectionInput:
    project_id: strawberry.ID
    name: str
    http: HttpConnectionInput | None = strawberry.field(
        default=None, description="Give http or browser: it decides the kind, for good.")
    browser: BrowserConnectionInput | None = None
    concurrency: int | None = strawberry.field(
        default=None, description="HTTP 1 to 100 (default 10); BROWSER 1 to 20 (default 2).")
    credentials: list[ConnectionCredentialInput] = strawberry.field(
        default_factory=list, description="Secrets the configuration references, sealed "
        "at once and never returned.")


@strawberry.type
class CreateAgentConnectionSuccess:
    agent_connection: AgentConnectionType


CreateAgentConnectionResult = Annotated[
    CreateAgentConnectionSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CreateAgentConnectionResult"),
]


@strawberry.type
class CreateAgentConnectionMutation:
    @guarded_mutation(Permission.CONNECTION_WRITE,
                      description="Create an HTTP or BROWSER connection with its credentials.")
    @returns_errors
    async def create_agent_connection(
        self, input: CreateAgentConnectionInput
    ) -> CreateAgentConnectionResult:
        spec = spec_of(input.http, input.browser, required=True)
        assert spec is not None
        connection = await service.create_connection(
            project_id=expect_id(input.project_id, "Project", "input.projectId"),
            name=input.name,
            spec=spec,
            concurrency=input.concurrency,
            credentials=[credential.to_value() for credential in input.credentials],
        )
        return CreateAgentConnectionSuccess(
            agent_connection=AgentConnectionType.from_model(connection)
        )
