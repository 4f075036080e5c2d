"""A page of case results for each of many evaluations, in one query.

A list of evaluations that shows each one's first cases would otherwise page every
evaluation with its own query. PostgreSQL numbers each evaluation's results in run order
(``row_number() OVER (PARTITION BY evaluation ORDER BY run case)``: run case ids are
time-ordered and written in position order) and keeps the first ``limit``; row-level
security applies as usual, and the results themselves are then loaded through the scoped
manager (which also applies a narrowed caller's projects).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from assay.evaluations.models import EvaluationCaseResult
from assay.tenancy.scope import require_org

_PAGE_SQL = """
SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY evaluation_id ORDER BY run_case_id) AS n
    FROM evaluation_case_results
    WHERE organization_id = $1 AND evaluation_id = ANY($2::uuid[])
      AND ($3::boolean IS NULL OR passed = $3::boolean)
      AND ($4::uuid IS NULL OR run_case_id > $4::uuid)
) AS ranked
WHERE n <= $5
"""


async def case_pages(evaluation_ids: Sequence[uuid.UUID], *, passed: bool | None, limit: int,
                     after: uuid.UUID | None = None
                     ) -> dict[uuid.UUID, list[EvaluationCaseResult]]:
    """Up to ``limit`` results of each evaluation in run order (only those that passed, or
    did not, when ``passed`` is given), after the run case ``after``."""
    db = EvaluationCaseResult._meta.db
    rows = await db.execute_query_dict(
        _PAGE_SQL, [require_org(), list(evaluation_ids), passed, after, limit])
    results = await EvaluationCaseResult.filter(
        id__in=[row["id"] for row in rows]).order_by("run_case_id") if rows else []
    pages: dict[uuid.UUID, list[EvaluationCaseResult]] = defaultdict(list)
    for result in results:
        pages[result.evaluation_id].append(result)
    return pages
