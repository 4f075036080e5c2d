"""The TestCase, TestCaseVersion, Suite and Plan types, and their enums."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar, cast

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.graphql.lookahead import ready_or_load
from assay.graphql.node import register_node
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import (
    Connection,
    Node,
    PageRequest,
    connection_from_rows,
    encode_id,
)
from assay.graphql.testing import loaders
from assay.testing.cases import CONTENT_FIELDS, LIVE_STATUSES
from assay.testing.models import (
    CaseMode,
    CaseStatus,
    Difficulty,
    Plan,
    PlanStatus,
    Suite,
    TestCase,
    TestCaseVersion,
)

TestCaseMode = strawberry.enum(CaseMode, name="TestCaseMode")
TestCaseDifficulty = strawberry.enum(Difficulty, name="Difficulty")
TestCaseStatus = strawberry.enum(CaseStatus, name="TestCaseStatus")
PlanStatusEnum = strawberry.enum(PlanStatus, name="PlanStatus")


@strawberry.enum(name="TestCaseFormat", description="A document format for import and export.")
class CaseFormat(Enum):
    JSON = "JSON"
    YAML = "YAML"
    CSV = "CSV"


F = TypeVar("F", bound=Callable[..., Any])


def described(text: str) -> Callable[[F], F]:
    """``strawberry.field(description=text)`` as a typed decorator for resolvers."""
    return cast(Callable[[F], F], strawberry.field(description=text))


def _statuses(statuses: list[Any] | None) -> tuple[str, ...]:
    """A hashable, sorted set of status names; by default the live (not archived) ones."""
    return tuple(sorted({CaseStatus(s).value for s in (statuses or LIVE_STATUSES)}))


async def _project(info: strawberry.Info, project_id: uuid.UUID) -> ProjectType:
    return ProjectType.from_model(await info.context.loaders.load(projects_by_id, project_id))


def _content(row: TestCase | TestCaseVersion) -> dict[str, Any]:
    return {column: getattr(row, column) for column in CONTENT_FIELDS}


@strawberry.interface(description="What a test case says: shared by a case and its versions.")
class TestCaseContent:
    title: str
    mode: TestCaseMode  # type: ignore[valid-type]
    input: str = strawberry.field(description="The question (SIMPLE); empty otherwise.")
    turns: list[str] = strawberry.field(description="The scripted user turns (CONVERSATIONAL).")
    expected_output: str = strawberry.field(
        description="The expected answer (SIMPLE) or behaviour (CONVERSATIONAL)."
    )
    context: str
    tags: list[str]
    category: str
    difficulty: TestCaseDifficulty  # type: ignore[valid-type]
    language: str
    asserts: JSON = strawberry.field(description="Deterministic asserts, as validated.")
    version: int


@strawberry.type(name="TestCaseVersion", description="An immutable snapshot of a test case.")
class TestCaseVersionType(Node, TestCaseContent):
    created_at: datetime
    created_by: str = strawberry.field(description="Who saved it: actor type and id.")
    case_pk: strawberry.Private[uuid.UUID]

    @described("The test case this is a version of.")
    async def test_case(self, info: strawberry.Info) -> TestCaseType:
        return TestCaseType.from_model(await info.context.loaders.load(loaders.cases_by_id,
                                                                       self.case_pk))

    @classmethod
    def from_model(cls, row: TestCaseVersion) -> TestCaseVersionType:
        return cls(id=strawberry.ID(encode_id("TestCaseVersion", row.id)), version=row.version,
                   created_at=row.created_at, created_by=row.created_by,
                   case_pk=row.test_case_id, **_content(row))


@strawberry.type(name="TestCase", description="An input for the agent and what a good answer is.")
class TestCaseType(Node, TestCaseContent):
    status: TestCaseStatus  # type: ignore[valid-type]
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[uuid.UUID]
    project_pk: strawberry.Private[uuid.UUID]
    #: Set by a list resolver that loaded them for the whole page (see graphql/lookahead.py).
    prefetched_project: strawberry.Private[ProjectType | None] = None
    prefetched_suites: strawberry.Private[list[SuiteType] | None] = None

    @strawberry.field
    def project(self, info: strawberry.Info) -> ProjectType:
        return ready_or_load(self.prefetched_project, lambda: _project(info, self.project_pk))

    @described("The suites holding this case, by name.")
    def suites(self, info: strawberry.Info) -> list[SuiteType]:
        return ready_or_load(self.prefetched_suites, lambda: self._load_suites(info))

    async def _load_suites(self, info: strawberry.Info) -> list[SuiteType]:
        suite_ids = await info.context.loaders.load(loaders.suite_ids_by_case, self.pk)
        return suites_by_name(
            await info.context.loaders.get(loaders.suites_by_id).load_many(suite_ids)
        )

    @described("Every version, newest first (the first is the current one).")
    async def versions(self, info: strawberry.Info) -> list[TestCaseVersionType]:
        rows = await info.context.loaders.load(loaders.versions_by_case, self.pk)
        return [TestCaseVersionType.from_model(row) for row in rows]

    @described("One version by its number; null if it does not exist.")
    async def version_at(self, info: strawberry.Info, version: int) -> TestCaseVersionType | None:
        row = await info.context.loaders.load(loaders.version_at, (self.pk, version))
        return TestCaseVersionType.from_model(row) if row is not None else None

    @classmethod
    def from_model(cls, row: TestCase) -> TestCaseType:
        return cls(id=strawberry.ID(encode_id("TestCase", row.id)), pk=row.id,
                   project_pk=row.project_id, status=row.status, version=row.version,
                   created_at=row.created_at, updated_at=row.updated_at, **_content(row))


@strawberry.type(name="Suite", description="A named group of test cases of one project.")
class SuiteType(Node):
    name: str
    description: str
    tags: list[str]
    created_at: datetime
    pk: strawberry.Private[uuid.UUID]
    project_pk: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def project(self, info: strawberry.Info) -> ProjectType:
        return await _project(info, self.project_pk)

    @described("How many non-archived test cases the suite holds.")
    async def test_case_count(self, info: strawberry.Info) -> int:
        count: int = await info.context.loaders.load(
            loaders.suite_case_counts, (self.pk, _statuses(None))
        )
        return count

    @described("The suite's cases, oldest first (by default not archived).")
    async def test_cases(
        self, info: strawberry.Info,
        statuses: list[TestCaseStatus] | None = None,  # type: ignore[valid-type]
        first: int | None = None, after: str | None = None,
    ) -> Connection[TestCaseType]:
        page, wanted = PageRequest.of(first, after), _statuses(statuses)
        rows = await info.context.loaders.load(
            loaders.suite_case_pages, loaders.SuitePageKey(self.pk, wanted, page.size, page.after)
        )

        async def count() -> int:
            total: int = await info.context.loaders.load(
                loaders.suite_case_counts, (self.pk, wanted)
            )
            return total

        return connection_from_rows(rows, TestCaseType.from_model, page, count)

    @classmethod
    def from_model(cls, row: Suite) -> SuiteType:
        return cls(id=strawberry.ID(encode_id("Suite", row.id)), pk=row.id,
                   project_pk=row.project_id, name=row.name, description=row.description,
                   tags=row.tags, created_at=row.created_at)


def suites_by_name(rows: Iterable[Suite | None]) -> list[SuiteType]:
    """The suites among ``rows`` (None for one not visible), sorted by name."""
    return sorted((SuiteType.from_model(row) for row in rows if row is not None),
                  key=lambda suite: suite.name)


@strawberry.type(name="Plan", description="The executable unit: an ordered set of suites.")
class PlanType(Node):
    name: str
    description: str
    status: PlanStatusEnum  # type: ignore[valid-type]
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[uuid.UUID]
    project_pk: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def project(self, info: strawberry.Info) -> ProjectType:
        return await _project(info, self.project_pk)

    @described("The plan's suites, in order.")
    async def suites(self, info: strawberry.Info) -> list[SuiteType]:
        rows = await info.context.loaders.load(loaders.suites_by_plan, self.pk)
        return [SuiteType.from_model(row) for row in rows]

    @described("Non-archived test cases over all its suites (a case in two counts once).")
    async def case_count(self, info: strawberry.Info) -> int:
        count: int = await info.context.loaders.load(loaders.live_case_counts_by_plan, self.pk)
        return count

    @classmethod
    def from_model(cls, row: Plan) -> PlanType:
        return cls(id=strawberry.ID(encode_id("Plan", row.id)), pk=row.id,
                   project_pk=row.project_id, name=row.name, description=row.description,
                   status=row.status, created_at=row.created_at, updated_at=row.updated_at)


register_node("TestCase", permission=Permission.TESTCASE_READ, load=loaders.cases_by_id,
              to_type=TestCaseType.from_model)
register_node("TestCaseVersion", permission=Permission.TESTCASE_READ,
              load=loaders.versions_by_id, to_type=TestCaseVersionType.from_model)
register_node("Suite", permission=Permission.SUITE_READ, load=loaders.suites_by_id,
              to_type=SuiteType.from_model)
register_node("Plan", permission=Permission.PLAN_READ, load=loaders.plans_by_id,
              to_type=PlanType.from_model)
