"""deleteJudge."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import encode_id, expect_id
from assay.judging import configurations


@strawberry.type
class DeleteJudgeSuccess:
    deleted_id: strawberry.ID = strawberry.field(description="The id the judge had.")


DeleteJudgeResult = Annotated[
    DeleteJudgeSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("DeleteJudgeResult"),
]


@strawberry.type
class DeleteJudgeMutation:
    @guarded_mutation(Permission.JUDGE_MANAGE,
                      description="Delete a judge and its sealed key. The default is refused "
                      "while other judges exist (DEFAULT_JUDGE: make another the default "
                      "first), and so is a judge a queued or running evaluation uses "
                      "(JUDGE_IN_USE). Finished evaluations keep their record of it.")
    @returns_errors
    async def delete_judge(self, id: strawberry.ID) -> DeleteJudgeResult:
        row = await configurations.delete_configuration(expect_id(id, "Judge", "id"))
        return DeleteJudgeSuccess(deleted_id=strawberry.ID(encode_id("Judge", row.id)))
