"""rotateConnectionCredential: replace (or add) one secret without asking for the old one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.connections import service
from assay.graphql.connections.inputs import SecretValue
from assay.graphql.connections.types import AgentConnectionType, CredentialType
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id


@strawberry.type
class RotateConnectionCredentialSuccess:
    agent_connection: AgentConnectionType
    credential: CredentialType


RotateConnectionCredentialResult = Annotated[
    RotateConnectionCredentialSuccess | ValidationError | NotFoundError,
    strawberry.union("RotateConnectionCredentialResult"),
]


@strawberry.type
class RotateConnectionCredentialMutation:
    @guarded_mutation(Permission.CONNECTION_CREDENTIAL_ROTATE,
                      description="Seal a new value for the credential `name` of a connection "
                      "(adding it if missing). The old value is not needed and is gone after.")
    @returns_errors
    async def rotate_connection_credential(
        self,
        connection_id: strawberry.ID,
        name: str,
        value: SecretValue,
    ) -> RotateConnectionCredentialResult:
        connection, credential = await service.rotate_credential(
            expect_id(connection_id, "AgentConnection", "connectionId"), name=name, value=value
        )
        return RotateConnectionCredentialSuccess(
            agent_connection=AgentConnectionType.from_model(connection),
            credential=CredentialType.from_model(credential),
        )
