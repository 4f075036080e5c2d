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


async def _live_links(suites: list[Suite]) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(suite id, case id) for every non-archived case of the suites, cases in id order."""
    rows = await SuiteTestCase.filter(
        suite_id__in=[suite.id for suite in suites], test_case__status__not=CaseStatus.ARCHIVED
    ).order_by("test_case_id").values_list("suite_id", "test_case_id")
    return [(suite_id, case_id) for suite_id, case_id in rows]


async def _versions(case_ids: list[uuid.UUID]) -> dict[uuid.UUID, TestCaseVersion]:
    """The current version of each case."""
    rows = await TestCase.filter(id__in=case_ids).values_list("id", "version")
    current = {case_id: version for case_id, version in rows}
    versions = await TestCaseVersion.filter(test_case_id__in=case_ids)
    return {row.test_case_id: row for row in versions
            if row.version == current.get(row.test_case_id)}


async def plan_cases(plan: Plan) -> PlanCases:
    """Every non-archived case of the plan's suites, at its current version, in run order."""
    suites = await _suites(plan)
    links = await _live_links(suites)
    versions = await _versions(list({case_id for _, case_id in links}))
    by_suite: dict[uuid.UUID, list[uuid.UUID]] = {suite.id: [] for suite in suites}
    for suite_id, case_id in links:
        if case_id in versions:
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
