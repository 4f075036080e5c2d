"""Project queries."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import Connection, paginate
from assay.projects.models import Project


@strawberry.type
class ProjectQuery:
    @guarded_field(Permission.PROJECT_READ, description="Projects you can reach, oldest first.")
    async def projects(
        self, first: int | None = None, after: str | None = None
    ) -> Connection[ProjectType]:
        return await paginate(Project.all(), ProjectType.from_model, first=first, after=after)
