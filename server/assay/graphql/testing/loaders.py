"""Batch loaders for test design: one query per relation per request, whatever the list size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from assay.graphql.loaders import by_id, grouped
from assay.testing import suite_pages
from assay.testing.models import (
    CaseStatus,
    Plan,
    PlanSuite,
    Suite,
    SuiteTestCase,
    TestCase,
    TestCaseVersion,
)

VersionKey = tuple[uuid.UUID, int]


async def cases_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await TestCase.filter(id__in=keys), keys)


async def versions_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await TestCaseVersion.filter(id__in=keys), keys)


async def suites_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Suite.filter(id__in=keys), keys)


async def plans_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Plan.filter(id__in=keys), keys)


async def suite_ids_by_case(keys: list[uuid.UUID]) -> list[list[uuid.UUID]]:
    """Each case's suite ids (plain tuples: a list of 100 cases has hundreds of links)."""
    links = await SuiteTestCase.filter(test_case_id__in=keys).values_list(
        "test_case_id", "suite_id"
    )
    groups: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for case_id, suite_id in links:
        groups[case_id].append(suite_id)
    return [groups.get(key, []) for key in keys]


async def versions_by_case(keys: list[uuid.UUID]) -> list[list[TestCaseVersion]]:
    """Each case's versions, newest first."""
    rows = await TestCaseVersion.filter(test_case_id__in=keys).order_by("-version")
    return grouped(rows, keys, "test_case_id")


async def version_at(keys: list[VersionKey]) -> list[TestCaseVersion | None]:
    """The version ``n`` of a case, for (case id, n) keys."""
    rows = await TestCaseVersion.filter(
        test_case_id__in={case for case, _ in keys}, version__in={n for _, n in keys}
    )
    index = {(row.test_case_id, row.version): row for row in rows}
    return [index.get(key) for key in keys]


@dataclass(frozen=True)
class SuitePageKey:
    """One page of one suite's cases: statuses sorted, ``size`` rows after ``after``."""

    suite_id: uuid.UUID
    statuses: tuple[str, ...]
    size: int
    after: uuid.UUID | None


async def suite_case_pages(keys: list[SuitePageKey]) -> list[list[TestCase]]:
    """Each key's page (plus one row, to tell if more follow): one query per page shape."""
    shapes: dict[tuple[tuple[str, ...], int, uuid.UUID | None], list[SuitePageKey]] = (
        defaultdict(list)
    )
    for key in keys:
        shapes[(key.statuses, key.size, key.after)].append(key)
    found: dict[SuitePageKey, list[TestCase]] = {}
    for (statuses, size, after), members in shapes.items():
        pages = await suite_pages.case_pages(
            [key.suite_id for key in members], statuses=statuses, limit=size + 1, after=after
        )
        found.update({key: pages.get(key.suite_id, []) for key in members})
    return [found[key] for key in keys]


SuiteCountKey = tuple[uuid.UUID, tuple[str, ...]]


async def suite_case_counts(keys: list[SuiteCountKey]) -> list[int]:
    """How many cases of the given statuses each suite holds: one query per status set."""
    by_statuses: dict[tuple[str, ...], list[uuid.UUID]] = defaultdict(list)
    for suite_id, statuses in keys:
        by_statuses[statuses].append(suite_id)
    counts: dict[SuiteCountKey, int] = {}
    for statuses, suite_ids in by_statuses.items():
        found = await suite_pages.case_counts(suite_ids, statuses=statuses)
        counts.update({(suite_id, statuses): found.get(suite_id, 0) for suite_id in suite_ids})
    return [counts[key] for key in keys]


async def suites_by_plan(keys: list[uuid.UUID]) -> list[list[Suite]]:
    """Each plan's suites, in the plan's order."""
    links = await PlanSuite.filter(plan_id__in=keys).select_related("suite").order_by("position")
    groups: dict[uuid.UUID, list[Suite]] = defaultdict(list)
    for link in links:
        groups[link.plan_id].append(link.suite)
    return [groups.get(key, []) for key in keys]


async def live_case_counts_by_plan(keys: list[uuid.UUID]) -> list[int]:
    """How many distinct non-archived cases each plan's suites hold (two queries)."""
    plan_suites = await PlanSuite.filter(plan_id__in=keys).values_list("plan_id", "suite_id")
    suite_ids = {suite_id for _, suite_id in plan_suites}
    links = await SuiteTestCase.filter(
        suite_id__in=suite_ids, test_case__status__not=CaseStatus.ARCHIVED
    ).values_list("suite_id", "test_case_id") if suite_ids else []
    cases_of: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for suite_id, case_id in links:
        cases_of[suite_id].add(case_id)
    per_plan: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for plan_id, suite_id in plan_suites:
        per_plan[plan_id] |= cases_of[suite_id]
    return [len(per_plan.get(key, ())) for key in keys]
