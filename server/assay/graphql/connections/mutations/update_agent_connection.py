"""updateAgentConnection."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.connections import service
from assay.graphql.connections.inputs import BrowserConnectionInput, HttpConnectionInput, spec_of
from assay.graphql.connections.types import AgentConnectionType
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.input(description="Give only what changes. http or browser (matching the kind) "
                  "replaces the whole configuration; credentials change with "
                  "rotateConnectionCredential.")
class UpdateAgentConnectionInput:
    id: strawberry.ID
    name: str | None = None
    http: HttpConnectionInput | None = None
    browser: BrowserConnectionInput | None = None
    concurrency: int | None = None


@strawberry.type
class UpdateAgentConnectionSuccess:
    agent_connection: AgentConnectionType


UpdateAgentConnectionResult = Annotated[
    UpdateAgentConnectionSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("UpdateAgentConnectionResult"),
]


@strawberry.type
class UpdateAgentConnectionMutation:
    @guarded_mutation(Permission.CONNECTION_WRITE,
                      description="Rename a connection, replace its configuration, or change "
                      "its concurrency. Its kind never changes.")
    @returns_errors
    async def update_agent_connection(
        self, input: UpdateAgentConnectionInput
    ) -> UpdateAgentConnectionResult:
        connection = await service.update_connection(
            expect_id(input.id, "AgentConnection", "input.id"),
            name=input.name,
            spec=spec_of(input.http, input.browser, required=False),
            concurrency=input.concurrency,
        )
        return UpdateAgentConnectionSuccess(
            agent_connection=AgentConnectionType.from_model(connection)
        )
