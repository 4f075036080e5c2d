"""The report's figures: totals, latency percentiles, per-evaluator statistics, errors and
PII alerts, each computed from the cases alone.

Latency percentiles are nearest-rank over the total latency of the cases that got at least
one timed reply (a case that errored before any reply has no latency to count). Evaluator
statistics are over the cases an evaluator SCORED; the standard deviation is the
population's (these cases are all there is, not a sample). The histogram has ten buckets
[0, 0.1), [0.1, 0.2) ... [0.9, 1.0]; a score of 1.0 falls in the last.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from assay.reports.facts import CaseFacts, EvaluationFacts, mean, r4, r4_or_none

BUCKETS = 10
PERCENTILES = (50, 90, 99)


def totals(cases: Sequence[CaseFacts], threshold: float) -> dict[str, Any]:
    """Counts, pass rate (passed / cases), overall score (mean of the cases' scores, cases
    without one left out) and whether the pass rate meets ``threshold``."""
    count = len(cases)
    passed = sum(1 for case in cases if case.passed)
    statuses = [case.status for case in cases]
    errored, timed_out = statuses.count("ERROR"), statuses.count("TIMEOUT")
    pass_rate = passed / count if count else 0.0
    overall = mean([case.score for case in cases if case.score is not None])
    return {"cases": count, "passed": passed, "failed": count - passed - errored - timed_out,
            "errored": errored, "timed_out": timed_out,
            "pii_alerts": sum(len(case.pii_findings) for case in cases),
            "pass_rate": r4(pass_rate), "overall_score": r4_or_none(overall),
            "meets_threshold": pass_rate >= threshold}


def nearest_rank(ordered: Sequence[float], percentile: float) -> float:
    """The nearest-rank percentile of ascending ``ordered`` (not empty)."""
    rank = max(1, math.ceil(percentile / 100 * len(ordered)))
    return ordered[rank - 1]


def latency(cases: Sequence[CaseFacts]) -> dict[str, Any]:
    ordered = sorted(case.latency_ms for case in cases if case.latencies)
    if not ordered:
        return {"count": 0, "mean": 0.0, "p50": 0.0, "p90": 0.0, "p99": 0.0, "max": 0.0}
    figures: dict[str, Any] = {"count": len(ordered), "mean": r4(math.fsum(ordered)
                                                                  / len(ordered))}
    for percentile in PERCENTILES:
        figures[f"p{percentile}"] = r4(nearest_rank(ordered, percentile))
    figures["max"] = r4(ordered[-1])
    return figures


def bucket(score: float) -> int:
    """The histogram bucket of a score in [0, 1] (rounding noise like 0.7 * 10 =
    6.999... does not move a score down a bucket)."""
    return min(max(math.floor(round(score * BUCKETS, 9)), 0), BUCKETS - 1)


def _statistics(scores: list[float]) -> dict[str, Any]:
    histogram = [0] * BUCKETS
    for score in scores:
        histogram[bucket(score)] += 1
    if not scores:
        return {"mean": None, "stdev": None, "min": None, "max": None, "histogram": histogram}
    return {"mean": r4(math.fsum(scores) / len(scores)), "stdev": r4(statistics.pstdev(scores)),
            "min": r4(min(scores)), "max": r4(max(scores)), "histogram": histogram}


def evaluators(evaluations: Sequence[EvaluationFacts],
               cases: Sequence[CaseFacts]) -> list[dict[str, Any]]:
    """One entry per evaluator version, in the order the evaluations list them."""
    titles: dict[tuple[str, str], str] = {}
    for evaluation in evaluations:
        for choice in evaluation.evaluators:
            titles.setdefault((choice.slug, choice.version), choice.title)
    tallies: dict[tuple[str, str], list[dict[str, Any]]] = {key: [] for key in titles}
    for case in cases:
        for entry in case.scores:
            key = (str(entry["slug"]), str(entry["version"]))
            tallies.setdefault(key, []).append(entry)
    return [_evaluator(slug, version, titles.get((slug, version), slug), entries)
            for (slug, version), entries in tallies.items()]


def _evaluator(slug: str, version: str, title: str,
               entries: list[dict[str, Any]]) -> dict[str, Any]:
    scored = [entry for entry in entries if entry["status"] == "SCORED"]
    return {"slug": slug, "title": title, "version": version, "scored": len(scored),
            "passed": sum(1 for entry in scored if entry["passed"]),
            "failed": sum(1 for entry in scored if not entry["passed"]),
            "skipped": sum(1 for entry in entries if entry["status"] == "SKIPPED"),
            "errored": sum(1 for entry in entries if entry["status"] == "ERROR"),
            **_statistics([float(entry["score"]) for entry in scored])}


def slug_means(cases: Sequence[CaseFacts]) -> dict[str, float]:
    """Each evaluator's mean score over every case it scored, whatever its version."""
    scores: dict[str, list[float]] = {}
    for case in cases:
        for entry in case.scores:
            if entry["status"] == "SCORED":
                scores.setdefault(str(entry["slug"]), []).append(float(entry["score"]))
    return {slug: math.fsum(values) / len(values) for slug, values in scores.items()}


def errors(cases: Sequence[CaseFacts]) -> list[dict[str, Any]]:
    return [{"run_case_id": case.run_case_id, "title": case.title, "status": case.status,
             "error_code": case.error_code, "error_message": case.error_message}
            for case in cases if case.status in ("ERROR", "TIMEOUT")]


def pii_alerts(cases: Sequence[CaseFacts]) -> list[dict[str, Any]]:
    return [{"run_case_id": case.run_case_id, "title": case.title,
             "turn": int(finding.get("turn") or 0), "type": str(finding.get("type", "")),
             "masked": str(finding.get("masked", "")),
             "score": r4(float(finding.get("score", 0.0)))}
            for case in cases for finding in case.pii_findings]


def case_entry(case: CaseFacts) -> dict[str, Any]:
    """A case as the snapshot lists it."""
    return {
        "evaluation_id": case.evaluation_id, "run_case_id": case.run_case_id,
        "test_case_id": case.test_case_id, "title": case.title, "suites": list(case.suites),
        "status": case.status, "passed": case.passed, "score": r4_or_none(case.score),
        "latency_ms": r4(case.latency_ms), "input": case.input, "answer": case.answer,
        "expected_output": case.expected_output, "turns": list(case.turns),
        "failed_asserts": list(case.failed_asserts),
        "evaluators": [_case_evaluator(entry) for entry in case.scores],
    }


def _case_evaluator(entry: dict[str, Any]) -> dict[str, Any]:
    score = entry.get("score")
    return {"slug": str(entry["slug"]), "status": str(entry["status"]),
            "score": None if score is None else r4(float(score)),
            "passed": entry.get("passed"), "threshold": r4(float(entry["threshold"])),
            "explanation": str(entry.get("explanation") or ""),
            "reason": str(entry.get("reason") or "")}
