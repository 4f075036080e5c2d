"""What a run freezes at start: the plan's cases at their exact versions, and the connection."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from assay.connections.models import AgentConnection
from assay.testing.models import (
    CaseStatus,
    Plan,
    PlanSuite,
    Suite,
    SuiteTestCase,
    TestCase,
    TestCaseVersion,
)

#: The columns of a case version a run case copies.
CASE_CONTENT = ("mode", "title", "input", "turns", "expected_output", "context", "tags",
                "category", "difficulty", "language", "asserts")


@dataclass(frozen=True)
class PlanCases:
    #: Suites in plan order, each with the ids of its cases that run (in run order).
    suites: list[dict[str, Any]]
    #: The version of every case that runs, in run order (a case in two suites runs once).
    versions: list[TestCaseVersion]


async def _suites(plan: Plan) -> list[Suite]:
    links = await PlanSuite.filter(plan_id=plan.id).order_by("position")
    suites = {s.id: s for s in await Suite.filter(id__in=[link.suite_id for link in links])}
    return [suites[link.suite_id] for link in links if link.suite_id in suites]


async def _live_cases(suite_ids: list[uuid.UUID]) -> dict[uuid.UUID, TestCase]:
    links = SuiteTestCase.filter(suite_id__in=suite_ids).values_list("test_case_id", flat=True)
    cases = await TestCase.filter(id__in=list(await links)).exclude(status=CaseStatus.ARCHIVED)
    return {case.id: case for case in cases}


async def _versions(cases: dict[uuid.UUID, TestCase]) -> dict[uuid.UUID, TestCaseVersion]:
    rows = await TestCaseVersion.filter(test_case_id__in=list(cases))
    return {row.test_case_id: row for row in rows
            if row.version == cases[row.test_case_id].version}


async def plan_cases(plan: Plan) -> PlanCases:
    """Every non-archived case of the plan's suites, at its current version, in run order."""
    suites = await _suites(plan)
    cases = await _live_cases([suite.id for suite in suites])
    versions = await _versions(cases)
    links = await SuiteTestCase.filter(
        suite_id__in=[s.id for s in suites], test_case_id__in=list(versions)
    ).order_by("test_case_id").values_list("suite_id", "test_case_id")
    by_suite: dict[uuid.UUID, list[uuid.UUID]] = {suite.id: [] for suite in suites}
    for suite_id, case_id in links:
        by_suite[suite_id].append(case_id)
    ordered = list(dict.fromkeys(c for s in suites for c in by_suite[s.id]))
    listing = [{"id": str(s.id), "name": s.name,
                "case_ids": [str(c) for c in by_suite[s.id]]} for s in suites]
    return PlanCases(suites=listing, versions=[versions[c] for c in ordered])


def run_snapshot(plan: Plan, connection: AgentConnection, cases: PlanCases) -> dict[str, Any]:
    """The run's frozen context; the connection's config holds no secret (those are sealed)."""
    return {
        "plan": {"id": str(plan.id), "name": plan.name},
        "suites": cases.suites,
        "connection": {"id": str(connection.id), "name": connection.name,
                       "kind": str(connection.kind), "config": connection.config,
                       "concurrency": connection.concurrency},
        "case_count": len(cases.versions),
    }


def case_content(version: TestCaseVersion) -> dict[str, Any]:
    return {column: getattr(version, column) for column in CASE_CONTENT}
