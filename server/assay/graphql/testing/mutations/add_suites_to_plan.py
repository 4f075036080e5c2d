"""addSuitesToPlan: only while the plan is DRAFT; suites already in it keep their place."""

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
class AddSuitesToPlanInput:
    plan_id: strawberry.ID
    suite_ids: list[strawberry.ID]


@strawberry.type
class AddSuitesToPlanSuccess:
    plan: PlanType
    added_count: int = strawberry.field(description="Suites appended to the plan.")


AddSuitesToPlanResult = Annotated[
    AddSuitesToPlanSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("AddSuitesToPlanResult"),
]


@strawberry.type
class AddSuitesToPlanMutation:
    @guarded_mutation(Permission.PLAN_WRITE, description="Append suites to a DRAFT plan.")
    @returns_errors
    async def add_suites_to_plan(
        self, info: strawberry.Info, input: AddSuitesToPlanInput
    ) -> AddSuitesToPlanResult:
        change = await service.add_suites(
            plan_id=expect_id(input.plan_id, "Plan", "input.planId"),
            suite_ids=expect_ids(input.suite_ids, "Suite", "input.suiteIds"),
        )
        info.context.loaders.clear()
        return AddSuitesToPlanSuccess(plan=PlanType.from_model(change.plan),
                                      added_count=change.count)
