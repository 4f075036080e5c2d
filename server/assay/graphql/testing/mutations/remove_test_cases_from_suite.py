"""removeTestCasesFromSuite: cases not in the suite are skipped."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.inputs import expect_ids
from assay.graphql.testing.types import SuiteType
from assay.testing import service


@strawberry.input
class RemoveTestCasesFromSuiteInput:
    suite_id: strawberry.ID
    test_case_ids: list[strawberry.ID]


@strawberry.type
class RemoveTestCasesFromSuiteSuccess:
    suite: SuiteType
    removed_count: int = strawberry.field(description="Cases taken out of the suite.")


RemoveTestCasesFromSuiteResult = Annotated[
    RemoveTestCasesFromSuiteSuccess | ValidationError | NotFoundError,
    strawberry.union("RemoveTestCasesFromSuiteResult"),
]


@strawberry.type
class RemoveTestCasesFromSuiteMutation:
    @guarded_mutation(Permission.SUITE_WRITE, description="Take test cases out of a suite.")
    @returns_errors
    async def remove_test_cases_from_suite(
        self, info: strawberry.Info, input: RemoveTestCasesFromSuiteInput
    ) -> RemoveTestCasesFromSuiteResult:
        change = await service.remove_cases(
            suite_id=expect_id(input.suite_id, "Suite", "input.suiteId"),
            case_ids=expect_ids(input.test_case_ids, "TestCase", "input.testCaseIds"),
        )
        info.context.loaders.clear()
        return RemoveTestCasesFromSuiteSuccess(suite=SuiteType.from_model(change.suite),
                                               removed_count=change.count)
