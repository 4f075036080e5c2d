"""agentConnections."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.connections import service
from assay.graphql.connections.types import AgentConnectionType, ConnectionKindEnum
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, expect_id, paginate


@strawberry.type
class ConnectionQuery:
    @guarded_field(Permission.CONNECTION_READ,
                   description="Agent connections, optionally of one project and kind.")
    async def agent_connections(
        self,
        project_id: strawberry.ID | None = None,
        kind: ConnectionKindEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AgentConnectionType]:
        project_pk = expect_id(project_id, "Project", "projectId") if project_id else None
        queryset = await service.list_connections(project_id=project_pk, kind=kind)
        return await paginate(queryset, AgentConnectionType.from_model, first=first, after=after)
