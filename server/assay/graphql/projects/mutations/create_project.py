"""createProject."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.projects.types import ProjectType
from assay.projects import service


@strawberry.input
class CreateProjectInput:
    name: str
    description: str = ""


@strawberry.type
class CreateProjectSuccess:
    project: ProjectType


CreateProjectResult = Annotated[
    CreateProjectSuccess | ValidationError | ConflictError,
    strawberry.union("CreateProjectResult"),
]


@strawberry.type
class CreateProjectMutation:
    @guarded_mutation(Permission.PROJECT_CREATE, description="Create a project.")
    @returns_errors
    async def create_project(self, input: CreateProjectInput) -> CreateProjectResult:
        project = await service.create_project(name=input.name, description=input.description)
        return CreateProjectSuccess(project=ProjectType.from_model(project))
