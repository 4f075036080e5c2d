"""configureJudge."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, ValidationError, returns_errors
from assay.graphql.judging.inputs import ConfigureJudgeInput
from assay.graphql.judging.types import JudgeType
from assay.graphql.permissions import guarded_mutation
from assay.judging import configurations


@strawberry.type
class ConfigureJudgeSuccess:
    judge: JudgeType


ConfigureJudgeResult = Annotated[
    ConfigureJudgeSuccess | ValidationError | ConflictError,
    strawberry.union("ConfigureJudgeResult"),
]


@strawberry.type
class ConfigureJudgeMutation:
    @guarded_mutation(Permission.JUDGE_MANAGE,
                      description="Add a judge (provider, model, URL, key). The key is sealed "
                      "at once and never returned; testJudge checks that it all works.")
    @returns_errors
    async def configure_judge(self, input: ConfigureJudgeInput) -> ConfigureJudgeResult:
        row = await configurations.create_configuration(input.to_spec())
        return ConfigureJudgeSuccess(judge=JudgeType.from_model(row))
