"""Calibration: how closely one evaluator version, with one judge model, scores its labels.

Every case of the evaluator's ``calibration.jsonl`` is scored (a few at once) with the
evaluator's default threshold, then compared with its label:

- mean absolute error between scores and labels;
- Spearman's rank correlation (average ranks for ties; None when a side is constant);
- pass/fail agreement at the default threshold;
- the share of cases scored within their own tolerance;
- per case: id, language, expected, score, deviation, within_tolerance, explanation or
  error.

A case the evaluator could not score (the judge failed after its retries, the plugin
raised, hung or returned garbage (see assay.plugins.guard), or the case lacks what the
evaluator needs) is held against the judge, never left
out: it counts as a score of 0 in the error and the rank correlation (its deviation is the
expected score), and as neither agreeing nor within tolerance. Its score is recorded as
null, with the error. A model that cannot answer reliably therefore cannot pass the gate.

``within_margin`` is ``mean_abs_error <= margin.max_mean_abs_error and pass_agreement >=
margin.min_pass_agreement`` (the evaluator's declared margin). Reports are stored in the
global, append-only ``calibration_reports`` table; they describe public datasets only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assay.ids import new_id
from assay.judging import metrics
from assay.judging.models import CalibrationReport
from assay.plugins import guard
from assay.plugins.guard import PluginFailure
from assay_sdk import (
    CalibrationCase,
    CalibrationMargin,
    EvaluationContext,
    Evaluator,
    Judge,
    JudgeError,
    JudgeReply,
    JudgeRequest,
)

#: Cases scored at once.
CONCURRENCY = 4
#: The longest one case may take, the judge's retries and backoff included.
CASE_TIMEOUT_S = 600.0


@dataclass(frozen=True, kw_only=True)
class CaseDeviation:
    id: str
    language: str
    expected: float
    #: The evaluator's score; None when it could not score the case (see ``error``).
    score: float | None
    #: |score - expected|; for an unscored case, the expected score (scored as 0).
    deviation: float
    within_tolerance: bool
    explanation: str = ""
    #: "CODE: message" when the case could not be scored.
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "language": self.language, "expected": self.expected,
                "score": self.score, "deviation": self.deviation,
                "within_tolerance": self.within_tolerance, "explanation": self.explanation,
                "error": self.error}


@dataclass(frozen=True, kw_only=True)
class Calibration:
    """The outcome of one calibration run, before or after it is stored."""

    evaluator: str
    evaluator_version: str
    judge: str
    model: str
    cases: int
    errors: int
    mean_abs_error: float
    rank_correlation: float | None
    pass_agreement: float
    within_tolerance: float
    margin: CalibrationMargin
    within_margin: bool
    deviations: tuple[CaseDeviation, ...]
    judge_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def worst(self, count: int = 5) -> list[CaseDeviation]:
        """The ``count`` largest deviations, errors first among equals, then by case id."""
        return sorted(self.deviations, key=lambda d: (-d.deviation, not d.error, d.id))[:count]


@dataclass
class _Counter:
    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0


class _CountingJudge:
    """The judge as the evaluator sees it during calibration: no cache, every call counted."""

    def __init__(self, judge: Judge) -> None:
        self.judge = judge
        self.model: str = judge.model
        self.counter = _Counter()

    async def ask(self, request: JudgeRequest) -> JudgeReply:
        try:
            reply = await self.judge.ask(request)
        except JudgeError as exc:
            self.counter.calls += exc.calls
            raise
        self.counter.calls += reply.calls
        self.counter.input_tokens += reply.input_tokens
        self.counter.output_tokens += reply.output_tokens
        return reply


class CalibrationError(Exception):
    """The evaluator cannot be calibrated (no dataset, a broken one, or it fails to start)."""


def dataset(evaluator: type[Evaluator]) -> list[CalibrationCase]:
    try:
        cases = evaluator.calibration_cases()
    except (OSError, ValueError) as exc:
        raise CalibrationError(f"{evaluator.name} {evaluator.version} has no usable "
                               f"calibration dataset: {exc}") from None
    if not cases:
        raise CalibrationError(f"{evaluator.name} {evaluator.version}: its calibration "
                               "dataset has no cases")
    return cases


async def calibrate(evaluator: type[Evaluator], judge: Judge, *, samples: int = 1,
                    concurrency: int = CONCURRENCY) -> Calibration:
    """Score every case of ``evaluator``'s dataset with ``judge`` and measure the agreement."""
    cases = dataset(evaluator)
    instance = guard.create(evaluator)
    if isinstance(instance, PluginFailure):
        raise CalibrationError(f"{evaluator.name} {evaluator.version} fails to start: "
                               f"{instance.message}")
    counting = _CountingJudge(judge)
    context = EvaluationContext(threshold=evaluator.default_threshold, judge=counting,
                                samples=samples)
    limit = asyncio.Semaphore(concurrency)

    async def one(case: CalibrationCase) -> CaseDeviation:
        async with limit:
            return await _score(instance, case, context)

    deviations = await asyncio.gather(*(one(case) for case in cases))
    return summarise(evaluator, judge.name, judge.model, deviations, counting.counter)


async def _score(evaluator: Evaluator, case: CalibrationCase, context: EvaluationContext
                 ) -> CaseDeviation:
    missing = guard.call_missing(evaluator, case.item)
    if isinstance(missing, PluginFailure):
        return _unscored(case, f"{missing.code}: {missing.message}")
    if missing is not None:
        return _unscored(case, f"SKIPPED: {missing}")
    try:
        result = await guard.call_evaluator(evaluator, case.item, context,
                                            timeout_s=CASE_TIMEOUT_S)
    except JudgeError as exc:
        return _unscored(case, f"{exc.code}: {exc.message}")
    if isinstance(result, PluginFailure):  # a plugin's bug must not end the calibration
        return _unscored(case, f"{result.code}: {result.message}")
    deviation = metrics.rounded(abs(result.score - case.expected_score))
    return CaseDeviation(id=case.id, language=case.language, expected=case.expected_score,
                         score=result.score, deviation=deviation,
                         within_tolerance=deviation <= case.tolerance + 1e-9,
                         explanation=result.explanation)


def _unscored(case: CalibrationCase, error: str) -> CaseDeviation:
    return CaseDeviation(id=case.id, language=case.language, expected=case.expected_score,
                         score=None, deviation=case.expected_score, within_tolerance=False,
                         error=error)


def summarise(evaluator: type[Evaluator], judge: str, model: str,
              deviations: Sequence[CaseDeviation], counter: _Counter | None = None
              ) -> Calibration:
    """The figures of a calibration from its per-case deviations (see the module doc)."""
    threshold = evaluator.default_threshold
    effective = [d.score if d.score is not None else 0.0 for d in deviations]
    labels = [d.expected for d in deviations]
    agreement = metrics.share([d.score is not None and (d.score >= threshold) ==
                               (d.expected >= threshold) for d in deviations])
    correlation = metrics.spearman(effective, labels)
    error = metrics.rounded(metrics.mean_abs_error(effective, labels))
    agreement = metrics.rounded(agreement)
    margin = evaluator.margin
    counter = counter or _Counter()
    return Calibration(
        evaluator=evaluator.name, evaluator_version=evaluator.version, judge=judge,
        model=model, cases=len(deviations), errors=sum(1 for d in deviations if d.error),
        mean_abs_error=error,
        rank_correlation=None if correlation is None else metrics.rounded(correlation),
        pass_agreement=agreement,
        within_tolerance=metrics.rounded(metrics.share([d.within_tolerance
                                                        for d in deviations])),
        margin=margin,
        within_margin=(error <= margin.max_mean_abs_error
                       and agreement >= margin.min_pass_agreement),
        deviations=tuple(deviations), judge_calls=counter.calls,
        input_tokens=counter.input_tokens, output_tokens=counter.output_tokens,
    )


async def store(calibration: Calibration) -> CalibrationReport:
    """Append the report (the table refuses changes to stored ones)."""
    return await CalibrationReport.create(
        id=new_id(),
        evaluator=calibration.evaluator,
        evaluator_version=calibration.evaluator_version,
        judge=calibration.judge,
        model=calibration.model,
        cases=calibration.cases,
        mean_abs_error=calibration.mean_abs_error,
        rank_correlation=calibration.rank_correlation,
        pass_agreement=calibration.pass_agreement,
        within_tolerance=calibration.within_tolerance,
        max_mean_abs_error=calibration.margin.max_mean_abs_error,
        min_pass_agreement=calibration.margin.min_pass_agreement,
        within_margin=calibration.within_margin,
        deviations=[d.to_json() for d in calibration.deviations],
        judge_calls=calibration.judge_calls,
        input_tokens=calibration.input_tokens,
        output_tokens=calibration.output_tokens,
    )
