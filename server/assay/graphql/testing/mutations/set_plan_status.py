"""setPlanStatus: DRAFT <-> READY, either -> ARCHIVED (final)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.types import PlanStatusEnum, PlanType
from assay.testing import service


@strawberry.input
class SetPlanStatusInput:
    plan_id: strawberry.ID
    status: PlanStatusEnum  # type: ignore[valid-type]


@strawberry.type
class SetPlanStatusSuccess:
    plan: PlanType
    changed: bool = strawberry.field(description="False when the plan already had the status.")


SetPlanStatusResult = Annotated[
    SetPlanStatusSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("SetPlanStatusResult"),
]


@strawberry.type
class SetPlanStatusMutation:
    @guarded_mutation(
        Permission.PLAN_WRITE,
        description="Move a plan: DRAFT -> READY (needs a case to run), READY -> DRAFT, "
        "DRAFT or READY -> ARCHIVED (final).",
    )
    @returns_errors
    async def set_plan_status(
        self, info: strawberry.Info, input: SetPlanStatusInput
    ) -> SetPlanStatusResult:
        change = await service.set_status(
            plan_id=expect_id(input.plan_id, "Plan", "input.planId"), status=input.status
        )
        info.context.loaders.clear()
        return SetPlanStatusSuccess(plan=PlanType.from_model(change.plan),
                                    changed=change.count > 0)
