"""addTestCasesToSuite: idempotent; cases already in the suite are skipped."""

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
class AddTestCasesToSuiteInput:
    suite_id: strawberry.ID
    test_case_ids: list[strawberry.ID]


@strawberry.type
class AddTestCasesToSuiteSuccess:
    suite: SuiteType
    added_count: int = strawberry.field(description="Cases added; those already in it are not.")


AddTestCasesToSuiteResult = Annotated[
    AddTestCasesToSuiteSuccess | ValidationError | NotFoundError,
    strawberry.union("AddTestCasesToSuiteResult"),
]


@strawberry.type
class AddTestCasesToSuiteMutation:
    @guarded_mutation(Permission.SUITE_WRITE, description="Add test cases to a suite.")
    @returns_errors
    async def add_test_cases_to_suite(
        self, info: strawberry.Info, input: AddTestCasesToSuiteInput
    ) -> AddTestCasesToSuiteResult:
        change = await service.add_cases(
            suite_id=expect_id(input.suite_id, "Suite", "input.suiteId"),
            case_ids=expect_ids(input.test_case_ids, "TestCase", "input.testCaseIds"),
        )
        info.context.loaders.clear()
        return AddTestCasesToSuiteSuccess(suite=SuiteType.from_model(change.suite),
                                          added_count=change.count)
