"""archiveTestCase."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.types import TestCaseType
from assay.testing import service


@strawberry.input
class ArchiveTestCaseInput:
    id: strawberry.ID


@strawberry.type
class ArchiveTestCaseSuccess:
    test_case: TestCaseType
    changed: bool = strawberry.field(description="False when the case was already archived.")


ArchiveTestCaseResult = Annotated[
    ArchiveTestCaseSuccess | ValidationError | NotFoundError,
    strawberry.union("ArchiveTestCaseResult"),
]


@strawberry.type
class ArchiveTestCaseMutation:
    @guarded_mutation(
        Permission.TESTCASE_WRITE,
        description="Archive a test case: it leaves listings and plans; its versions stay.",
    )
    @returns_errors
    async def archive_test_case(
        self, info: strawberry.Info, input: ArchiveTestCaseInput
    ) -> ArchiveTestCaseResult:
        update = await service.archive_case(case_id=expect_id(input.id, "TestCase", "input.id"))
        info.context.loaders.clear()
        return ArchiveTestCaseSuccess(test_case=TestCaseType.from_model(update.case),
                                      changed=update.changed)
