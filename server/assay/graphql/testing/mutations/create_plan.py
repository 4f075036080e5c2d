"""createPlan: a DRAFT plan, optionally with its suites."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.inputs import expect_ids
from assay.graphql.testing.types import PlanType
from assay.testing import service


@strawberry.input
class CreatePlanInput:
    project_id: strawberry.ID
    name: str
    description: str = ""
    suite_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Suites of the same project, in the order they run."
    )


@strawberry.type
class CreatePlanSuccess:
    plan: PlanType


CreatePlanResult = Annotated[
    CreatePlanSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CreatePlanResult"),
]


@strawberry.type
class CreatePlanMutation:
    @guarded_mutation(Permission.PLAN_WRITE, description="Create a plan in DRAFT.")
    @returns_errors
    async def create_plan(self, info: strawberry.Info, input: CreatePlanInput) -> CreatePlanResult:
        plan = await service.create_plan(
            project_id=expect_id(input.project_id, "Project", "input.projectId"),
            name=input.name,
            description=input.description,
            suite_ids=expect_ids(input.suite_ids or [], "Suite", "input.suiteIds"),
        )
        info.context.loaders.clear()
        return CreatePlanSuccess(plan=PlanType.from_model(plan))
