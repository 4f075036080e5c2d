"""viewer, apiKeys and sessions."""

from __future__ import annotations

import strawberry

from assay.auth import sessions
from assay.auth.models import ApiKey
from assay.auth.permissions import Permission
from assay.graphql.auth.types import ApiKeyType, PrincipalKind, SessionType, Viewer
from assay.graphql.permissions import guarded_field, public_field
from assay.graphql.relay import Connection, encode_id, expect_id, paginate
from assay.projects.service import get_project


@strawberry.type
class AuthQuery:
    @public_field("returns null to anonymous callers", description="Who is calling.")
    def viewer(self, info: strawberry.Info) -> Viewer | None:
        principal = info.context.principal
        if principal is None:
            return None
        return Viewer(
            kind=PrincipalKind(principal.kind),
            organization_id=strawberry.ID(encode_id("Organization", principal.org_id)),
            role=principal.role,
            permissions=sorted(p.value for p in principal.permissions),
            api_key_scope=principal.api_key_scope,
        )

    @guarded_field(Permission.APIKEY_READ, description="API keys, optionally of one project.")
    async def api_keys(
        self, project_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[ApiKeyType]:
        queryset = ApiKey.all()
        if project_id is not None:
            project = await get_project(expect_id(project_id, "Project", "projectId"))
            queryset = queryset.filter(project_id=project.id)
        return await paginate(queryset, ApiKeyType.from_model, first=first, after=after)

    @guarded_field(Permission.SESSION_MANAGE,
                   description="Your sessions that still work, most recently used first.")
    async def sessions(self, info: strawberry.Info) -> list[SessionType]:
        principal = info.context.principal
        rows = await sessions.live_sessions(
            principal.user_id, sessions.Timeouts.of(info.context.settings))
        return [SessionType.from_model(row, principal.session_id) for row in rows]
