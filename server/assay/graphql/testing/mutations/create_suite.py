"""createSuite."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.types import SuiteType
from assay.testing import service


@strawberry.input
class CreateSuiteInput:
    project_id: strawberry.ID
    name: str
    description: str = ""
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class CreateSuiteSuccess:
    suite: SuiteType


CreateSuiteResult = Annotated[
    CreateSuiteSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CreateSuiteResult"),
]


@strawberry.type
class CreateSuiteMutation:
    @guarded_mutation(Permission.SUITE_WRITE, description="Create an empty suite.")
    @returns_errors
    async def create_suite(
        self, info: strawberry.Info, input: CreateSuiteInput
    ) -> CreateSuiteResult:
        suite = await service.create_suite(
            project_id=expect_id(input.project_id, "Project", "input.projectId"),
            name=input.name,
            description=input.description,
            tags=input.tags,
        )
        info.context.loaders.clear()
        return CreateSuiteSuccess(suite=SuiteType.from_model(suite))
