"""updateJudge."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.judging.inputs import UpdateJudgeInput
from assay.graphql.judging.types import JudgeType
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.judging import configurations


@strawberry.type
class UpdateJudgeSuccess:
    judge: JudgeType


UpdateJudgeResult = Annotated[
    UpdateJudgeSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("UpdateJudgeResult"),
]


@strawberry.type
class UpdateJudgeMutation:
    @guarded_mutation(Permission.JUDGE_MANAGE,
                      description="Change a judge, replace or remove its key, or make it the "
                      "default. The old key is not needed and is gone after.")
    @returns_errors
    async def update_judge(self, input: UpdateJudgeInput) -> UpdateJudgeResult:
        row = await configurations.update_configuration(
            expect_id(input.id, "Judge", "input.id"), input.to_changes())
        return UpdateJudgeSuccess(judge=JudgeType.from_model(row))
