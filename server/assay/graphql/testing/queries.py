"""testCases, suites, plans and exportTestCases."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, expect_id, paginate
from assay.graphql.testing.prefetch import prefetch_cases
from assay.graphql.testing.types import (
    CaseFormat,
    PlanStatusEnum,
    PlanType,
    SuiteType,
    TestCaseDifficulty,
    TestCaseMode,
    TestCaseStatus,
    TestCaseType,
)
from assay.testing import service
from assay.testing.cases import LIVE_STATUSES


@strawberry.type(description="A test case document, as importTestCases reads it.")
class TestCaseExport:
    format: CaseFormat
    count: int
    content: str


@strawberry.type
class TestingQuery:
    @guarded_field(
        Permission.TESTCASE_READ,
        description="Test cases, oldest first. By default not the archived ones; `tags` "
        "matches cases with any of them, `search` their title (case-insensitive).",
    )
    async def test_cases(
        self,
        info: strawberry.Info,
        project_id: strawberry.ID | None = None,
        statuses: list[TestCaseStatus] | None = None,  # type: ignore[valid-type]
        tags: list[str] | None = None,
        search: str | None = None,
        mode: TestCaseMode | None = None,  # type: ignore[valid-type]
        difficulty: TestCaseDifficulty | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[TestCaseType]:
        criteria = service.CaseFilter(
            project_id=expect_id(project_id, "Project", "projectId") if project_id else None,
            statuses=statuses or LIVE_STATUSES, tags=tags or (), search=search or "",
            mode=mode, difficulty=difficulty,
        )
        queryset = await service.list_cases(criteria)
        page = await paginate(queryset, TestCaseType.from_model, first=first, after=after)
        await prefetch_cases(info, [edge.node for edge in page.edges])
        return page

    @guarded_field(Permission.SUITE_READ, description="Suites, oldest first.")
    async def suites(
        self, project_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[SuiteType]:
        pk = expect_id(project_id, "Project", "projectId") if project_id else None
        queryset = await service.list_suites(project_id=pk)
        return await paginate(queryset, SuiteType.from_model, first=first, after=after)

    @guarded_field(Permission.PLAN_READ, description="Plans, oldest first.")
    async def plans(
        self, project_id: strawberry.ID | None = None,
        status: PlanStatusEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None, after: str | None = None,
    ) -> Connection[PlanType]:
        pk = expect_id(project_id, "Project", "projectId") if project_id else None
        queryset = await service.list_plans(project_id=pk, status=status)
        return await paginate(queryset, PlanType.from_model, first=first, after=after)

    @guarded_field(
        Permission.TESTCASE_READ,
        description="A project's test cases (of one suite, when given) as a document; by "
        "default not the archived ones.",
    )
    async def export_test_cases(
        self, project_id: strawberry.ID, format: CaseFormat,
        suite_id: strawberry.ID | None = None,
        statuses: list[TestCaseStatus] | None = None,  # type: ignore[valid-type]
    ) -> TestCaseExport:
        export = await service.export_cases(
            project_id=expect_id(project_id, "Project", "projectId"),
            fmt=format.value,
            suite_id=expect_id(suite_id, "Suite", "suiteId") if suite_id else None,
            statuses=statuses or LIVE_STATUSES,
        )
        return TestCaseExport(format=CaseFormat(export.format), count=export.count,
                              content=export.content)
