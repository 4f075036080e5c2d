"""disableEvaluator."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.judging.types import EvaluatorEnablementType
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.judging import gate


@strawberry.type
class DisableEvaluatorSuccess:
    enablement: EvaluatorEnablementType = strawberry.field(
        description="The enablement as it was; it is gone now.")


DisableEvaluatorResult = Annotated[
    DisableEvaluatorSuccess | ValidationError | NotFoundError,
    strawberry.union("DisableEvaluatorResult"),
]


@strawberry.type
class DisableEvaluatorMutation:
    @guarded_mutation(Permission.EVALUATOR_MANAGE,
                      description="Withdraw an enablement: new evaluations may no longer use "
                      "that evaluator version with that judge model (finished ones keep their "
                      "results).")
    @returns_errors
    async def disable_evaluator(self, enablement_id: strawberry.ID) -> DisableEvaluatorResult:
        row = await gate.disable(expect_id(enablement_id, "EvaluatorEnablement",
                                           "enablementId"))
        return DisableEvaluatorSuccess(enablement=EvaluatorEnablementType.from_model(row))
