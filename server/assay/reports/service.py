"""Creating reports (immutable snapshots of evaluations of one plan) and reading them.

:func:`create_report` checks the request (every evaluation COMPLETED, all of runs of one
plan, a baseline that is a COMPLETED evaluation of the same plan), reads the rows once,
computes the snapshot, validates it against the schema and stores it with its content
hash. Nothing reads the evaluations again afterwards: the report is the snapshot.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from tortoise.queryset import QuerySet

from assay.audit import service as audit
from assay.audit.context import current_actor
from assay.errors import Conflict, NotFound, invalid
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.ids import encode_id, new_id
from assay.projects.models import Project
from assay.reports import gathering
from assay.reports.comparison import Baseline
from assay.reports.models import Report
from assay.reports.snapshot import Header, build_snapshot, content_hash
from assay.runs.models import Run
from assay.runs.service import get_run
from assay.testing.models import Plan
from assay.testing.plans import get_plan

TARGET = "Report"
MAX_EVALUATIONS = 20
MAX_TITLE = 300
DEFAULT_THRESHOLD = 0.8


def _title(title: str | None, plan: Plan, now: datetime) -> str:
    if title is None:
        return f"{plan.name}: {now.date().isoformat()}"
    title = title.strip()
    if not title or len(title) > MAX_TITLE:
        raise invalid("input.title", f"give 1 to {MAX_TITLE} characters, or leave it out for "
                      "the plan's name and today's date", "INVALID")
    return title


def _check_request(evaluation_ids: Sequence[uuid.UUID], threshold: float) -> None:
    if not evaluation_ids:
        raise invalid("input.evaluationIds", "give at least one COMPLETED evaluation to report "
                      "on (see the evaluations query)", "EMPTY")
    if len(evaluation_ids) > MAX_EVALUATIONS:
        raise invalid("input.evaluationIds", f"give at most {MAX_EVALUATIONS} evaluations; "
                      "make several reports for more", "TOO_MANY_EVALUATIONS")
    if len(set(evaluation_ids)) != len(evaluation_ids):
        raise invalid("input.evaluationIds", "an evaluation is given twice: give each once",
                      "DUPLICATE_EVALUATION")
    if not (math.isfinite(threshold) and 0 <= threshold <= 1):
        raise invalid("input.threshold", "give the pass rate the report must reach, from 0 "
                      "to 1 (e.g. 0.8 for 80%)", "THRESHOLD_OUT_OF_RANGE")


async def _evaluations(ids: Sequence[uuid.UUID]) -> list[Evaluation]:
    found = {e.id: e for e in await Evaluation.filter(id__in=list(ids))}
    for evaluation_id in ids:
        if evaluation_id not in found:
            raise NotFound("Evaluation", evaluation_id)
    evaluations = [found[evaluation_id] for evaluation_id in ids]
    unfinished = [e for e in evaluations if e.status != EvaluationStatus.COMPLETED]
    if unfinished:
        listed = ", ".join(f"{encode_id('Evaluation', e.id)} is {e.status.value}"
                           for e in unfinished)
        raise Conflict(f"only COMPLETED evaluations can be reported on: {listed}; wait for "
                       "them to finish (follow evaluationProgress), or leave them out",
                       "NOT_FINISHED")
    return evaluations


def _one_plan(runs: dict[uuid.UUID, Run]) -> uuid.UUID:
    plans = {run.plan_id for run in runs.values()}
    if len(plans) > 1:
        raise Conflict("the evaluations are of runs of different plans: a report covers one "
                       "plan; make one report per plan", "MIXED_PLANS")
    plan_id: uuid.UUID = plans.pop()
    return plan_id


async def _baseline(baseline_id: uuid.UUID, evaluation_ids: Sequence[uuid.UUID],
                    plan_id: uuid.UUID) -> tuple[Evaluation, Run]:
    if baseline_id in evaluation_ids:
        raise invalid("input.baselineEvaluationId", "the baseline is one of the report's "
                      "evaluations: compare with an earlier evaluation", "BASELINE_IN_REPORT")
    baseline = await Evaluation.filter(id=baseline_id).first()
    if baseline is None:
        raise NotFound("Evaluation", baseline_id)
    if baseline.status != EvaluationStatus.COMPLETED:
        raise Conflict(f"the baseline evaluation is {baseline.status.value}: compare with a "
                       "COMPLETED evaluation", "BASELINE_NOT_FINISHED")
    run = await get_run(baseline.run_id)
    if run.plan_id != plan_id:
        raise Conflict("the baseline is an evaluation of a run of another plan: compare with "
                       "an evaluation of a run of the same plan", "BASELINE_OTHER_PLAN")
    return baseline, run


async def create_report(
    *, evaluation_ids: Sequence[uuid.UUID], title: str | None = None,
    threshold: float = DEFAULT_THRESHOLD, baseline_evaluation_id: uuid.UUID | None = None,
) -> Report:
    """Compute and store the report of ``evaluation_ids`` (in that order).

    Raises:
        ValidationFailed: EMPTY, TOO_MANY_EVALUATIONS, DUPLICATE_EVALUATION,
            THRESHOLD_OUT_OF_RANGE, BASELINE_IN_REPORT, a bad title.
        NotFound: an evaluation (or the baseline) is unknown or not visible.
        Conflict: NOT_FINISHED, MIXED_PLANS, EMPTY (no scored case),
            BASELINE_NOT_FINISHED, BASELINE_OTHER_PLAN.
    """
    _check_request(evaluation_ids, threshold)
    evaluations = await _evaluations(evaluation_ids)
    runs = {r.id: r for r in await Run.filter(id__in=list({e.run_id for e in evaluations}))}
    plan = await get_plan(_one_plan(runs))
    now = datetime.now(UTC)
    report_title = _title(title, plan, now)
    baseline: Baseline | None = None
    if baseline_evaluation_id is not None:
        base, base_run = await _baseline(baseline_evaluation_id, evaluation_ids, plan.id)
        baseline = Baseline(encode_id("Evaluation", base.id), encode_id("Run", base_run.id),
                            await gathering.case_facts([base], {base_run.id: base_run}))
    cases = await gathering.case_facts(evaluations, runs)
    if not cases:
        raise Conflict("these evaluations scored no case (their runs had none): there is "
                       "nothing to report", "EMPTY")
    project = await Project.filter(id=plan.project_id).first()
    actor = current_actor()
    report_id = new_id()
    header = Header(id=encode_id("Report", report_id), title=report_title,
                    created_at=now.isoformat(), created_by=f"{actor.type}:{actor.id}"[:100],
                    project_id=encode_id("Project", plan.project_id),
                    project_name=project.name if project is not None else "",
                    plan_id=encode_id("Plan", plan.id), plan_name=plan.name,
                    threshold=threshold)
    snapshot = build_snapshot(header, [gathering.evaluation_facts(e, runs[e.run_id])
                                       for e in evaluations], cases, baseline)
    report = await Report.create(
        id=report_id, project_id=plan.project_id, plan_id=plan.id, title=report_title,
        threshold=threshold, evaluation_ids=[str(e.id) for e in evaluations],
        baseline_evaluation_id=baseline_evaluation_id, snapshot=snapshot,
        content_hash=content_hash(snapshot), created_by=header.created_by, created_at=now)
    await audit.record("report.create", target_type=TARGET, target_id=report.id,
                       details={"plan_id": str(plan.id),
                                "evaluations": report.evaluation_ids,
                                "baseline": None if baseline_evaluation_id is None
                                else str(baseline_evaluation_id),
                                "threshold": threshold, "cases": len(cases),
                                "content_hash": report.content_hash})
    return report


async def latest_evaluation(run_id: uuid.UUID) -> Evaluation:
    """The run's most recent COMPLETED evaluation (what `assay report --run` reports on)."""
    run = await get_run(run_id)
    evaluation = await Evaluation.filter(run_id=run.id, status=EvaluationStatus.COMPLETED
                                         ).order_by("-finished_at", "-id").first()
    if evaluation is None:
        raise Conflict("this run has no COMPLETED evaluation: evaluate it (evaluateRun), wait "
                       "for the evaluation to finish, then report on it", "NOT_EVALUATED")
    return evaluation


async def get_report(report_id: uuid.UUID) -> Report:
    report = await Report.filter(id=report_id).first()
    if report is None:
        raise NotFound("Report", report_id)
    return report


async def list_reports(*, plan_id: uuid.UUID | None = None) -> QuerySet[Report]:
    """Visible reports, optionally of one (visible) plan; NotFound for another's plan."""
    queryset = Report.all()
    if plan_id is not None:
        queryset = queryset.filter(plan_id=(await get_plan(plan_id)).id)
    return queryset
