"""Evaluating a finished run, and reading evaluations (the API side; jobs live in
assay.evaluations.jobs).

:func:`evaluate_run` checks everything that would make the evaluation fail at once (the run
is not finished, an evaluator is unknown or unavailable, no judge is configured for an
evaluator that needs one, an evaluator version is not enabled for the judge's model),
then writes a QUEUED Evaluation that records what it will apply: each evaluator's version,
threshold, weight and prompt hash, and the judge (never its key). The caller queues one job
per case of the run (assay.evaluations.queue), in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.audit.context import current_actor
from assay.errors import Conflict, NotFound
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.evaluations.selection import Chosen, choose
from assay.idempotency import clean_key
from assay.judging import configurations, gate
from assay.judging.models import JudgeConfiguration
from assay.plugins.registry import judges
from assay.runs.models import FINAL_RUN_STATUSES, Run, RunCase
from assay.runs.service import get_run

TARGET = "Evaluation"


@dataclass(frozen=True)
class StartedEvaluation:
    evaluation: Evaluation
    #: The run's cases, in run order: one job each.
    run_case_ids: list[uuid.UUID]
    #: False when the idempotency key named an existing evaluation.
    created: bool


async def get_evaluation(evaluation_id: uuid.UUID) -> Evaluation:
    evaluation = await Evaluation.filter(id=evaluation_id).first()
    if evaluation is None:
        raise NotFound("Evaluation", evaluation_id)
    return evaluation


async def list_evaluations(*, run_id: uuid.UUID | None = None) -> QuerySet[Evaluation]:
    """Visible evaluations, optionally of one (visible) run; NotFound for another's run."""
    queryset = Evaluation.all()
    if run_id is not None:
        queryset = queryset.filter(run_id=(await get_run(run_id)).id)
    return queryset


async def _run_case_ids(run_id: uuid.UUID) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = await RunCase.filter(run_id=run_id).order_by(
        "position").values_list("id", flat=True)  # type: ignore[assignment]
    return ids


async def _replay(run: Run, key: str, slugs: list[str]) -> StartedEvaluation | None:
    earlier = await Evaluation.filter(project_id=run.project_id, idempotency_key=key).first()
    if earlier is None:
        return None
    if earlier.run_id != run.id or [e["slug"] for e in earlier.evaluators] != slugs:
        raise Conflict("this idempotency key already started an evaluation of another run or "
                       "with other evaluators: use a new key for a different evaluation",
                       "IDEMPOTENCY_KEY_REUSED")
    return StartedEvaluation(earlier, await _run_case_ids(run.id), created=False)


def _check_finished(run: Run) -> None:
    if run.status not in FINAL_RUN_STATUSES:
        raise Conflict(f"this run is {run.status.value}: only a finished run (COMPLETED, "
                       "FAILED or CANCELLED) can be evaluated; wait for it to finish (follow "
                       "runProgress), then evaluate it", "RUN_NOT_FINISHED")


async def _judge_for(chosen: list[Chosen], judge_id: uuid.UUID | None
                     ) -> JudgeConfiguration | None:
    """The judge the evaluation will call: the one named, else the organization's default;
    None when no chosen evaluator calls a judge."""
    if judge_id is not None:
        named = await configurations.get_configuration(judge_id)
        if named is None:
            raise NotFound("Judge", judge_id)
    needs = [c.slug for c in chosen if c.plugin.uses_judge]
    if not needs:
        return None
    configuration = await configurations.get_configuration(judge_id)
    if configuration is None:
        raise Conflict(f"{', '.join(needs)} need a judge (an LLM) and this organization has "
                       "none: configure one with the configureJudge mutation (provider, model, "
                       "API key), or choose only evaluators that need no judge",
                       "JUDGE_NOT_CONFIGURED")
    if configuration.provider not in judges().plugins:
        raise Conflict(f"judge {configuration.name!r} uses the provider "
                       f"{configuration.provider!r}, which this server cannot load: choose "
                       "another judge, or change its provider with updateJudge",
                       "JUDGE_UNAVAILABLE")
    return configuration


async def _check_enabled(chosen: list[Chosen], configuration: JudgeConfiguration) -> None:
    closed = await gate.not_enabled([c.plugin for c in chosen], configuration.provider,
                                    configuration.model)
    if not closed:
        return
    versions = ", ".join(f"{c.slug} {c.plugin.version}" for c in chosen if c.slug in closed)
    raise Conflict(f"not enabled for {configuration.provider} {configuration.model} in this "
                   f"organization: {versions}. Calibrate each with that model (`assay "
                   f"calibrate SLUG --judge {configuration.provider} --model "
                   f"{configuration.model}`) and enable it with the enableEvaluator mutation "
                   "(an owner may override the calibration with a written reason), or choose "
                   "another judge", "EVALUATOR_NOT_ENABLED")


async def evaluate_run(
    *, run_id: uuid.UUID, evaluators: list[str], judge_id: uuid.UUID | None = None,
    thresholds: dict[str, float] | None = None, weights: dict[str, float] | None = None,
    idempotency_key: str | None = None,
) -> StartedEvaluation:
    """Write a QUEUED evaluation of a finished run (the caller queues its jobs).

    Raises:
        NotFound: the run (or the named judge) is unknown or not visible.
        ValidationFailed: bad slugs, thresholds, weights or key (see selection.choose).
        Conflict: RUN_NOT_FINISHED, JUDGE_NOT_CONFIGURED, JUDGE_UNAVAILABLE,
            EVALUATOR_NOT_ENABLED, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE.
    """
    key = clean_key(idempotency_key)
    run = await get_run(run_id)
    chosen = choose(evaluators, thresholds, weights)
    if key is not None and (replayed := await _replay(run, key, [c.slug for c in chosen])):
        return replayed
    _check_finished(run)
    configuration = await _judge_for(chosen, judge_id)
    if configuration is not None:
        await _check_enabled(chosen, configuration)
    evaluation = await _insert(run, key, chosen, configuration)
    await audit.record("evaluation.create", target_type=TARGET, target_id=evaluation.id,
                       details={"run_id": str(run.id), "evaluators": [c.slug for c in chosen],
                                "judge": evaluation.judge.get("configuration_id"),
                                "cases": evaluation.total, "idempotency_key": key})
    return StartedEvaluation(evaluation, await _run_case_ids(run.id), created=True)


async def _insert(run: Run, key: str | None, chosen: list[Chosen],
                  configuration: JudgeConfiguration | None) -> Evaluation:
    actor = current_actor()
    judge: dict[str, Any] = {} if configuration is None \
        else configurations.judge_snapshot(configuration)
    empty = run.total == 0
    try:
        async with in_transaction():  # a savepoint: a concurrent twin may win the key
            return await Evaluation.create(
                project_id=run.project_id, run_id=run.id, idempotency_key=key,
                evaluators=[c.snapshot() for c in chosen], judge=judge, total=run.total,
                created_by=f"{actor.type}:{actor.id}"[:100],
                # A run without cases has nothing to score: finished as it is written.
                status=EvaluationStatus.COMPLETED if empty else EvaluationStatus.QUEUED,
                finished_at=datetime.now(UTC) if empty else None)
    except IntegrityError:
        raise Conflict("another evaluation with this idempotency key is being started right "
                       "now: retry in a moment to get it", "IDEMPOTENCY_KEY_IN_USE") from None
