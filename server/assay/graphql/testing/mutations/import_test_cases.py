"""importTestCases: a whole document of cases, all or nothing, idempotent by key."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.testing.types import CaseFormat, SuiteType, TestCaseType
from assay.testing import service


@strawberry.input
class ImportTestCasesInput:
    project_id: strawberry.ID
    format: CaseFormat
    content: str = strawberry.field(description="The document, as exportTestCases writes it.")
    idempotency_key: str = strawberry.field(
        description="Chosen once per document: sending it again answers the first import."
    )
    suite_id: strawberry.ID | None = strawberry.field(
        default=None, description="Also add every imported case to this suite."
    )


@strawberry.type
class ImportTestCasesSuccess:
    count: int
    test_cases: list[TestCaseType] = strawberry.field(description="In document order.")
    suite: SuiteType | None
    replayed: bool = strawberry.field(
        description="True when this key was imported before: nothing new was written."
    )


ImportTestCasesResult = Annotated[
    ImportTestCasesSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("ImportTestCasesResult"),
]


@strawberry.type
class ImportTestCasesMutation:
    @guarded_mutation(Permission.TESTCASE_WRITE, description="Import test cases from a document.")
    @returns_errors
    async def import_test_cases(
        self, info: strawberry.Info, input: ImportTestCasesInput
    ) -> ImportTestCasesResult:
        suite_id = input.suite_id
        outcome = await service.import_cases(
            project_id=expect_id(input.project_id, "Project", "input.projectId"),
            fmt=input.format.value,
            content=input.content,
            idempotency_key=input.idempotency_key,
            suite_id=expect_id(suite_id, "Suite", "input.suiteId") if suite_id else None,
        )
        info.context.loaders.clear()
        return ImportTestCasesSuccess(
            count=len(outcome.cases),
            test_cases=[TestCaseType.from_model(case) for case in outcome.cases],
            suite=SuiteType.from_model(outcome.suite) if outcome.suite else None,
            replayed=outcome.replayed,
        )
