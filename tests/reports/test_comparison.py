"""Comparison with a baseline, flaky cases across runs, and a plan's trend: exact values."""

from __future__ import annotations

from datetime import timedelta

from assay.db.transactions import tenant_transaction
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.reports import trends
from tests.reports.conftest import BASELINE_AT, CURRENT_AT, Evaluated
from tests.reports.rows import BASELINE, Spec, write_evaluated_run
from tests.support import gid


def _by_id(evaluated: Evaluated, key: str) -> str:
    return gid("TestCase", evaluated.world.cases[key])


async def test_regressions_improvements_and_deltas_against_the_baseline(
        evaluated: Evaluated) -> None:
    comparison = (await evaluated.report()).snapshot["comparison"]
    assert comparison == {
        "baseline": {"evaluation_id": gid("Evaluation", evaluated.baseline),
                     "run_id": gid("Run", evaluated.baseline_run)},
        # 0.81 - 4.6 / 6; 3/6 - 4/6.
        "overall_delta": 0.0433, "pass_rate_delta": -0.1667,
        "regressions": [
            {"test_case_id": _by_id(evaluated, "angry"),
             "title": "Angry customer asks for a manager",
             "before": {"passed": True, "score": 0.8}, "after": {"passed": False, "score": 0.6}},
            {"test_case_id": _by_id(evaluated, "password"), "title": "Password reset link",
             "before": {"passed": True, "score": 0.9},
             "after": {"passed": False, "score": None}},
        ],
        "improvements": [
            {"test_case_id": _by_id(evaluated, "hours"), "title": "Store opening hours",
             "before": {"passed": False, "score": 0.55},
             "after": {"passed": True, "score": 0.975}},
        ],
        # tone 4.7 / 6 -> 0.79; relevance 4.5 / 6 -> 0.83.
        "evaluator_deltas": [{"slug": "tone", "before": 0.7833, "after": 0.79, "delta": 0.0067},
                             {"slug": "relevance", "before": 0.75, "after": 0.83,
                              "delta": 0.08}],
        "flaky": [],
    }


async def test_a_score_drop_of_a_tenth_is_a_regression_and_less_is_not(
        evaluated: Evaluated) -> None:
    world = evaluated.world
    # refund 0.95 -> 0.85 (a drop of exactly 0.1), shipping 0.85 -> 0.8 (0.05): both pass.
    later = [Spec("refund", {"tone": 0.8, "relevance": 0.9}),
             Spec("shipping", {"tone": 0.8, "relevance": 0.8})]
    _, evaluation = await write_evaluated_run(world, later,
                                              finished_at=CURRENT_AT + timedelta(days=1))
    report = await evaluated.report(evaluation_ids=[evaluation],
                                    baseline_evaluation_id=evaluated.current)
    comparison = report.snapshot["comparison"]
    assert comparison["regressions"] == [
        {"test_case_id": _by_id(evaluated, "refund"),
         "title": "Refund policy for damaged items",
         "before": {"passed": True, "score": 0.95}, "after": {"passed": True, "score": 0.85}}]
    assert comparison["improvements"] == []


async def test_cases_whose_verdict_flips_between_runs_are_flaky(evaluated: Evaluated) -> None:
    report = await evaluated.report(evaluation_ids=[evaluated.baseline, evaluated.current],
                                    baseline_evaluation_id=None)
    snapshot = report.snapshot
    assert [case["evaluation_id"] for case in snapshot["cases"]] == \
        [gid("Evaluation", evaluated.baseline)] * 6 + [gid("Evaluation", evaluated.current)] * 6
    assert snapshot["comparison"] == {
        "baseline": None, "overall_delta": None, "pass_rate_delta": None,
        "regressions": [], "improvements": [], "evaluator_deltas": [],
        "flaky": [
            {"test_case_id": _by_id(evaluated, "angry"),
             "title": "Angry customer asks for a manager", "verdicts": [True, False]},
            {"test_case_id": _by_id(evaluated, "password"), "title": "Password reset link",
             "verdicts": [True, False]},
            {"test_case_id": _by_id(evaluated, "hours"), "title": "Store opening hours",
             "verdicts": [False, True]},
        ]}
    # 12 cases: 4 + 3 passed; the two ERROR-free failures of each run and one ERROR.
    assert snapshot["totals"]["cases"] == 12
    assert snapshot["totals"]["passed"] == 7
    assert snapshot["totals"]["pass_rate"] == 0.5833


async def test_one_evaluation_without_a_baseline_has_no_comparison(
        evaluated: Evaluated) -> None:
    report = await evaluated.report(baseline_evaluation_id=None)
    assert report.snapshot["comparison"] is None


async def test_the_trend_is_the_latest_evaluation_of_each_of_the_last_runs(
        evaluated: Evaluated) -> None:
    world = evaluated.world
    third_at = CURRENT_AT + timedelta(days=2)
    _, third = await write_evaluated_run(world, [Spec("refund", {"tone": 1.0, "relevance": 1.0}),
                                                 Spec("hours", {"tone": 0.5, "relevance": 0.5})],
                                         finished_at=third_at)
    # A run whose only evaluation is still running does not count.
    await write_evaluated_run(world, BASELINE, finished_at=third_at + timedelta(days=1),
                              status=EvaluationStatus.RUNNING)
    async with tenant_transaction(world.org.id):
        # The current run evaluated again, later: that evaluation is the one that counts.
        again = await Evaluation.create(
            project_id=world.org.project_id, run_id=evaluated.current_run,
            status=EvaluationStatus.COMPLETED, total=6, overall_score=0.9, pass_rate=1.0,
            finished_at=CURRENT_AT + timedelta(hours=5))
        series = await trends.plan_trend(world.plan_id, 10)
        last_two = await trends.plan_trend(world.plan_id, 2)
    assert [(p.run_id, p.evaluation_id, p.finished_at, p.overall_score, p.pass_rate, p.cases)
            for p in series] == [
        (evaluated.baseline_run, evaluated.baseline, BASELINE_AT, 0.7667, 0.6667, 6),
        (evaluated.current_run, again.id, CURRENT_AT, 0.9, 1.0, 6),
        (series[2].run_id, third, third_at, 0.75, 0.5, 2),
    ]
    assert [p.evaluation_id for p in last_two] == [again.id, third]
