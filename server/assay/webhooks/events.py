"""The events an endpoint may subscribe to, and the payloads of those Assay emits itself.

Every payload names objects by the API's global ids (what clients pass to ``node``), holds
statuses and figures, and never a credential, a connection's configuration or a judge's
address. ``comparison.regression`` is emitted by the reports (a comparison with a baseline
that finds cases that passed before and fail now); its payload is theirs, in this shape:

    {"report": {"id", "title"}, "project": {"id", "name"}, "plan": {"id", "name"},
     "baseline": {"evaluation_id", "run_id"}, "current": {"evaluation_id", "run_id"},
     "overall_delta", "pass_rate_delta",
     "regressions": [{"test_case_id", "title", "before": {"passed", "score"},
                      "after": {"passed", "score"}}]}
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from assay.evaluations.models import Evaluation
from assay.ids import encode_id
from assay.projects.models import Project
from assay.runs.models import Run

RUN_FINISHED = "run.finished"
EVALUATION_FINISHED = "evaluation.finished"
COMPARISON_REGRESSION = "comparison.regression"

#: Event type -> when it is sent (in the order the API lists them).
EVENT_TYPES: dict[str, str] = {
    RUN_FINISHED: "a run ended: COMPLETED, FAILED or CANCELLED",
    EVALUATION_FINISHED: "an evaluation of a run ended: COMPLETED, FAILED or CANCELLED",
    COMPARISON_REGRESSION: "a report's comparison with a baseline found cases that passed "
                           "before and fail now",
}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def _project(project_id: uuid.UUID) -> dict[str, Any]:
    name = await Project.filter(id=project_id).first().values_list("name", flat=True)
    return {"id": encode_id("Project", project_id), "name": str(name or "")}


async def run_finished(run_id: uuid.UUID) -> dict[str, Any]:
    """The data of ``run.finished`` for a run whose status is final (in its transaction)."""
    run = await Run.get(id=run_id)
    snapshot = run.snapshot if isinstance(run.snapshot, dict) else {}
    plan = snapshot.get("plan") or {}
    connection = snapshot.get("connection") or {}
    return {"run": {
        "id": encode_id("Run", run.id),
        "status": run.status.value,
        "project": await _project(run.project_id),
        "plan": {"id": encode_id("Plan", run.plan_id), "name": str(plan.get("name", ""))},
        "connection": {"id": encode_id("AgentConnection", run.connection_id),
                       "name": str(connection.get("name", "")),
                       "kind": str(connection.get("kind", ""))},
        "total": run.total, "passed": run.passed, "failed": run.failed,
        "errored": run.errored, "timed_out": run.timed_out, "cancelled": run.cancelled,
        "pass_rate": _rate(run.passed, run.total),
        "created_at": _iso(run.created_at), "started_at": _iso(run.started_at),
        "finished_at": _iso(run.finished_at),
    }}


def _evaluators(evaluation: Evaluation) -> list[dict[str, Any]]:
    summary = evaluation.summary if isinstance(evaluation.summary, dict) else {}
    entries = []
    for spec in evaluation.evaluators or []:
        figures = summary.get(str(spec.get("slug")), {})
        figures = figures if isinstance(figures, dict) else {}
        entries.append({
            "slug": spec.get("slug"), "version": spec.get("version"),
            "threshold": spec.get("threshold"), "weight": spec.get("weight"),
            **{k: figures.get(k) for k in ("mean", "passed", "failed", "skipped", "errored")},
        })
    return entries


async def evaluation_finished(evaluation_id: uuid.UUID) -> dict[str, Any]:
    """The data of ``evaluation.finished`` for an evaluation whose status is final."""
    evaluation = await Evaluation.get(id=evaluation_id)
    judge = evaluation.judge if isinstance(evaluation.judge, dict) else {}
    return {"evaluation": {
        "id": encode_id("Evaluation", evaluation.id),
        "status": evaluation.status.value,
        "run_id": encode_id("Run", evaluation.run_id),
        "project": await _project(evaluation.project_id),
        "total": evaluation.total, "passed": evaluation.passed, "failed": evaluation.failed,
        "errored": evaluation.errored, "pii_leaks": evaluation.pii_leaks,
        "pass_rate": evaluation.pass_rate, "overall_score": evaluation.overall_score,
        "evaluators": _evaluators(evaluation),
        "judge": {"provider": judge["provider"], "model": judge.get("model", "")}
        if judge.get("provider") else {},
        "error_message": evaluation.error_message,
        "created_at": _iso(evaluation.created_at), "started_at": _iso(evaluation.started_at),
        "finished_at": _iso(evaluation.finished_at),
    }}
