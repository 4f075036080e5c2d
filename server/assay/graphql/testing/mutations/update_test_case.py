"""updateTestCase: the fields given replace the current ones; a change is a new version."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.inputs import TestCaseFields, case_raw
from assay.graphql.testing.types import TestCaseType
from assay.testing import service


@strawberry.input(description="The case and the fields to replace; fields left out stay.")
class UpdateTestCaseInput(TestCaseFields):
    id: strawberry.ID
    expected_version: int | None = strawberry.field(
        default=None,
        description="The version you edited: if the case moved on since, nothing is saved "
        "and a STALE_VERSION conflict says to reload.",
    )


@strawberry.type
class UpdateTestCaseSuccess:
    test_case: TestCaseType
    changed: bool = strawberry.field(
        description="False when the input matched the case: no new version was written."
    )


UpdateTestCaseResult = Annotated[
    UpdateTestCaseSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("UpdateTestCaseResult"),
]


@strawberry.type
class UpdateTestCaseMutation:
    @guarded_mutation(Permission.TESTCASE_WRITE, description="Edit a test case.")
    @returns_errors
    async def update_test_case(
        self, info: strawberry.Info, input: UpdateTestCaseInput
    ) -> UpdateTestCaseResult:
        update = await service.update_case(
            case_id=expect_id(input.id, "TestCase", "input.id"),
            changes=case_raw(input),
            expected_version=input.expected_version,
        )
        info.context.loaders.clear()
        return UpdateTestCaseSuccess(test_case=TestCaseType.from_model(update.case),
                                     changed=update.changed)
