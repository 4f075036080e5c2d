"""createTestCase."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.inputs import TestCaseFields, case_raw
from assay.graphql.testing.types import TestCaseType
from assay.testing import service


@strawberry.input(description="A new test case: its project, a title, and its content.")
class CreateTestCaseInput(TestCaseFields):
    project_id: strawberry.ID
    title: str


@strawberry.type
class CreateTestCaseSuccess:
    test_case: TestCaseType


CreateTestCaseResult = Annotated[
    CreateTestCaseSuccess | ValidationError | NotFoundError,
    strawberry.union("CreateTestCaseResult"),
]


@strawberry.type
class CreateTestCaseMutation:
    @guarded_mutation(Permission.TESTCASE_WRITE, description="Create a test case (version 1).")
    @returns_errors
    async def create_test_case(
        self, info: strawberry.Info, input: CreateTestCaseInput
    ) -> CreateTestCaseResult:
        project_id = expect_id(input.project_id, "Project", "input.projectId")
        case = await service.create_case(project_id=project_id, raw=case_raw(input))
        info.context.loaders.clear()
        return CreateTestCaseSuccess(test_case=TestCaseType.from_model(case))
