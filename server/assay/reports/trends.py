"""A plan's trend: overall score and pass rate over its last N completed, evaluated runs.

Two queries whatever N: the runs (COMPLETED, of the plan, with at least one COMPLETED
evaluation, latest finished first), then those runs' COMPLETED evaluations, of which the
latest per run is the one that counts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Subquery

from assay.errors import invalid
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.reports.facts import r4_or_none
from assay.runs.models import Run, RunStatus
from assay.testing.plans import get_plan

MAX_POINTS = 100


@dataclass(frozen=True)
class TrendPoint:
    run_id: uuid.UUID
    evaluation_id: uuid.UUID
    finished_at: datetime | None
    overall_score: float | None
    pass_rate: float | None
    cases: int


async def plan_trend(plan_id: uuid.UUID, last_n: int = 10) -> list[TrendPoint]:
    """The last ``last_n`` points, oldest first (ready to draw)."""
    if not 1 <= last_n <= MAX_POINTS:
        raise invalid("last", f"give a number of runs from 1 to {MAX_POINTS}", "INVALID")
    plan = await get_plan(plan_id)
    evaluated = Evaluation.filter(status=EvaluationStatus.COMPLETED).values("run_id")
    runs = await Run.filter(plan_id=plan.id, status=RunStatus.COMPLETED,
                            id__in=Subquery(evaluated)
                            ).order_by("-finished_at", "-id").limit(last_n)
    evaluations = await Evaluation.filter(
        run_id__in=[run.id for run in runs], status=EvaluationStatus.COMPLETED
    ).order_by("finished_at", "id")
    latest = {evaluation.run_id: evaluation for evaluation in evaluations}
    return [TrendPoint(run_id=run.id, evaluation_id=latest[run.id].id,
                       finished_at=run.finished_at,
                       overall_score=r4_or_none(latest[run.id].overall_score),
                       pass_rate=r4_or_none(latest[run.id].pass_rate),
                       cases=latest[run.id].total)
            for run in reversed(runs) if run.id in latest]
