"""How evaluator verdicts make a case's verdict, and case verdicts an evaluation's.

A case passes when the run's asserts all passed, every evaluator that scored it met its
threshold, no evaluator failed to score it (ERROR), and its answer leaked no personal
data. Its score is the weighted mean of the evaluators that scored it (null when none
did). A case that did not pass is *errored* when the only reason is an evaluator that could
not score (the judge failed), and *failed* otherwise.

The evaluation's overall score is the mean of its cases' scores (cases without one left
out), its pass rate the share of its cases that passed, and its summary, per evaluator,
the mean score and how many cases it passed, failed, skipped and could not score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ScoreStatus(StrEnum):
    SCORED = "SCORED"
    SKIPPED = "SKIPPED"
    ERROR = "ERROR"


class CaseOutcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERRORED = "errored"


def _evaluator(spec: Mapping[str, Any], status: ScoreStatus) -> dict[str, Any]:
    return {"slug": spec["slug"], "version": spec["version"], "status": status.value,
            "score": None, "passed": None, "threshold": spec["threshold"],
            "weight": spec["weight"], "explanation": "", "details": {}, "reason": "",
            "error_code": ""}


def scored(spec: Mapping[str, Any], score: float, explanation: str,
           details: Mapping[str, Any]) -> dict[str, Any]:
    """An evaluator's score entry; ``passed`` is held to the evaluation's threshold."""
    return {**_evaluator(spec, ScoreStatus.SCORED), "score": score,
            "passed": score >= float(spec["threshold"]), "explanation": explanation,
            "details": json_ready(details)}


def skipped(spec: Mapping[str, Any], reason: str) -> dict[str, Any]:
    return {**_evaluator(spec, ScoreStatus.SKIPPED), "reason": reason}


def errored(spec: Mapping[str, Any], code: str, reason: str) -> dict[str, Any]:
    return {**_evaluator(spec, ScoreStatus.ERROR), "reason": reason, "error_code": code}


def json_ready(value: Any) -> Any:
    """``value`` as plain JSON (a plugin's details may hold anything): non-finite numbers
    become null, unknown objects their text."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_ready(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return str(value)


@dataclass(frozen=True)
class CaseVerdict:
    passed: bool
    score: float | None
    outcome: CaseOutcome


def weighted_mean(scores: Sequence[Mapping[str, Any]]) -> float | None:
    """The weighted mean of the SCORED entries; None when there is none."""
    counted = [(float(s["score"]), float(s["weight"])) for s in scores
               if s["status"] == ScoreStatus.SCORED]
    total = math.fsum(weight for _, weight in counted)
    if not counted or total <= 0:
        return None
    return math.fsum(score * weight for score, weight in counted) / total


def case_verdict(scores: Sequence[Mapping[str, Any]], *, asserts_passed: bool,
                 pii_leak: bool) -> CaseVerdict:
    below = any(s["status"] == ScoreStatus.SCORED and not s["passed"] for s in scores)
    error = any(s["status"] == ScoreStatus.ERROR for s in scores)
    score = weighted_mean(scores)
    if asserts_passed and not below and not error and not pii_leak:
        return CaseVerdict(True, score, CaseOutcome.PASSED)
    if asserts_passed and not below and not pii_leak:
        return CaseVerdict(False, score, CaseOutcome.ERRORED)
    return CaseVerdict(False, score, CaseOutcome.FAILED)


@dataclass(frozen=True)
class Totals:
    overall_score: float | None
    pass_rate: float | None
    summary: dict[str, dict[str, Any]]


def totals(evaluators: Sequence[Mapping[str, Any]], cases: Iterable[Mapping[str, Any]],
           total: int) -> Totals:
    """The evaluation's figures from its case results (``score``, ``passed``, ``scores``)."""
    case_scores: list[float] = []
    passed = 0
    tallies: dict[str, dict[str, Any]] = {
        str(e["slug"]): {"scores": [], "passed": 0, "failed": 0, "skipped": 0, "errored": 0}
        for e in evaluators}
    for case in cases:
        passed += 1 if case["passed"] else 0
        if case["score"] is not None:
            case_scores.append(float(case["score"]))
        for entry in case["scores"]:
            tally = tallies.get(str(entry["slug"]))
            if tally is not None:
                _count(tally, entry)
    summary = {slug: _summarised(t) for slug, t in tallies.items()}
    overall = math.fsum(case_scores) / len(case_scores) if case_scores else None
    return Totals(overall, passed / total if total else None, summary)


def _count(tally: dict[str, Any], entry: Mapping[str, Any]) -> None:
    status = entry["status"]
    if status == ScoreStatus.SCORED:
        tally["scores"].append(float(entry["score"]))
        tally["passed" if entry["passed"] else "failed"] += 1
    elif status == ScoreStatus.SKIPPED:
        tally["skipped"] += 1
    else:
        tally["errored"] += 1


def _summarised(tally: dict[str, Any]) -> dict[str, Any]:
    scores = tally["scores"]
    mean = math.fsum(scores) / len(scores) if scores else None
    return {"mean": mean, "passed": tally["passed"], "failed": tally["failed"],
            "skipped": tally["skipped"], "errored": tally["errored"]}
