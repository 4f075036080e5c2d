"""One page of test cases for each of many suites, in one query.

A list of suites that shows each suite's first cases would otherwise page every suite with
its own query. PostgreSQL numbers each suite's links (``row_number() OVER (PARTITION BY
suite)``) and keeps the first ``size`` of each; row-level security applies as usual, and the
cases themselves are then loaded through the scoped manager.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from tortoise import connections
from tortoise.functions import Count

from assay.testing.models import SuiteTestCase, TestCase

_PAGE_SQL = """
SELECT suite_id, test_case_id FROM (
    SELECT l.suite_id, l.test_case_id,
           row_number() OVER (PARTITION BY l.suite_id ORDER BY l.test_case_id) AS n
    FROM suite_test_cases AS l JOIN test_cases AS c ON c.id = l.test_case_id
    WHERE l.suite_id = ANY($1::uuid[]) AND c.status = ANY($2::text[])
      AND ($3::uuid IS NULL OR l.test_case_id > $3::uuid)
) AS ranked
WHERE n <= $4
ORDER BY suite_id, test_case_id
"""


async def case_pages(
    suite_ids: Sequence[uuid.UUID], *, statuses: Sequence[str], limit: int,
    after: uuid.UUID | None,
) -> dict[uuid.UUID, list[TestCase]]:
    """Up to ``limit`` cases of each suite with a status in ``statuses``, by id, after ``after``."""
    rows = await connections.get("default").execute_query_dict(
        _PAGE_SQL, [list(suite_ids), list(statuses), after, limit]
    )
    cases = {case.id: case for case in await TestCase.filter(
        id__in={row["test_case_id"] for row in rows})}
    pages: dict[uuid.UUID, list[TestCase]] = defaultdict(list)
    for row in rows:
        case = cases.get(row["test_case_id"])
        if case is not None:  # not visible to a narrowed caller: leave it out
            pages[row["suite_id"]].append(case)
    return pages


async def case_counts(
    suite_ids: Sequence[uuid.UUID], *, statuses: Sequence[str]
) -> dict[uuid.UUID, int]:
    """How many cases with a status in ``statuses`` each suite holds."""
    rows = await (
        SuiteTestCase.filter(suite_id__in=list(suite_ids), test_case__status__in=list(statuses))
        .annotate(n=Count("id"))
        .group_by("suite_id")
        .values_list("suite_id", "n")
    )
    return dict(rows)
