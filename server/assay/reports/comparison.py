"""Comparing a report with a baseline evaluation, and finding flaky cases.

Cases are matched by test case. A case regressed when it passed in the baseline and fails
now, or (same verdict) when its score dropped by 0.1 or more; it improved in the reverse
cases. When the report holds a case more than once (several evaluations), its last verdict
is the one compared. A case is flaky when the report holds it from two or more different
runs and its verdicts differ; its verdicts are listed in evaluation order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assay.reports.facts import CaseFacts, mean, r4, r4_or_none
from assay.reports.figures import slug_means

#: A score change of at least this much (same verdict) is a regression or an improvement.
SCORE_STEP = 0.1


@dataclass(frozen=True)
class Baseline:
    evaluation_id: str
    run_id: str
    cases: Sequence[CaseFacts]


def _figures(cases: Sequence[CaseFacts]) -> tuple[float | None, float]:
    """(overall score, pass rate), as the totals compute them."""
    overall = mean([case.score for case in cases if case.score is not None])
    rate = sum(1 for case in cases if case.passed) / len(cases) if cases else 0.0
    return overall, rate


def _latest(cases: Sequence[CaseFacts]) -> dict[str, CaseFacts]:
    latest: dict[str, CaseFacts] = {}
    for case in cases:
        latest.pop(case.test_case_id, None)
        latest[case.test_case_id] = case
    return latest


def _change(before: CaseFacts, after: CaseFacts) -> int:
    """-1 for a regression, 1 for an improvement, 0 otherwise."""
    if before.passed != after.passed:
        return 1 if after.passed else -1
    if before.score is None or after.score is None:
        return 0
    delta = round(after.score - before.score, 9)
    if delta <= -SCORE_STEP:
        return -1
    return 1 if delta >= SCORE_STEP else 0


def _verdict(case: CaseFacts) -> dict[str, Any]:
    return {"passed": case.passed, "score": r4_or_none(case.score)}


def _changes(baseline: Sequence[CaseFacts], current: Sequence[CaseFacts]
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    before = _latest(baseline)
    regressions: list[dict[str, Any]] = []
    improvements: list[dict[str, Any]] = []
    for test_case_id, after in _latest(current).items():
        earlier = before.get(test_case_id)
        change = 0 if earlier is None else _change(earlier, after)
        if earlier is None or change == 0:
            continue
        entry = {"test_case_id": test_case_id, "title": after.title,
                 "before": _verdict(earlier), "after": _verdict(after)}
        (improvements if change > 0 else regressions).append(entry)
    return regressions, improvements


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else r4(after - before)


def _evaluator_deltas(baseline: Sequence[CaseFacts],
                      current: Sequence[CaseFacts]) -> list[dict[str, Any]]:
    before, after = slug_means(baseline), slug_means(current)
    slugs = list(dict.fromkeys(str(e["slug"]) for case in current for e in case.scores))
    return [{"slug": slug, "before": r4_or_none(before.get(slug)),
             "after": r4_or_none(after.get(slug)),
             "delta": _delta(before.get(slug), after.get(slug))} for slug in slugs]


def flaky(cases: Sequence[CaseFacts]) -> list[dict[str, Any]]:
    """Cases held from 2+ runs whose verdicts differ, in the order they first appear."""
    held: dict[str, list[CaseFacts]] = {}
    for case in cases:
        held.setdefault(case.test_case_id, []).append(case)
    return [{"test_case_id": test_case_id, "title": entries[-1].title,
             "verdicts": [entry.passed for entry in entries]}
            for test_case_id, entries in held.items()
            if len({entry.run_id for entry in entries}) > 1
            and len({entry.passed for entry in entries}) > 1]


def compare(cases: Sequence[CaseFacts], baseline: Baseline | None) -> dict[str, Any] | None:
    """The snapshot's ``comparison``: null without a baseline unless the report holds two or
    more runs (flaky cases need them)."""
    if baseline is None and len({case.run_id for case in cases}) < 2:
        return None
    found_flaky = flaky(cases)
    if baseline is None:
        return {"baseline": None, "overall_delta": None, "pass_rate_delta": None,
                "regressions": [], "improvements": [], "evaluator_deltas": [],
                "flaky": found_flaky}
    overall_before, rate_before = _figures(baseline.cases)
    overall_after, rate_after = _figures(cases)
    regressions, improvements = _changes(baseline.cases, cases)
    return {"baseline": {"evaluation_id": baseline.evaluation_id, "run_id": baseline.run_id},
            "overall_delta": _delta(overall_before, overall_after),
            "pass_rate_delta": r4(rate_after - rate_before),
            "regressions": regressions, "improvements": improvements,
            "evaluator_deltas": _evaluator_deltas(baseline.cases, cases),
            "flaky": found_flaky}
