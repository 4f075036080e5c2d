"""The figures of a report against runs with known answers (worked out by hand below)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assay.reports.facts import CaseFacts
from assay.reports.figures import bucket, errors, latency, nearest_rank, totals
from assay.reports.snapshot import content_hash
from assay.reports.snapshot_schema import snapshot_problems
from tests.reports.conftest import Evaluated
from tests.reports.rows import MASKED_EMAIL
from tests.support import gid

SAMPLE = json.loads(Path(__file__).with_name("sample_snapshot.json").read_text("utf-8"))


async def _snapshot(evaluated: Evaluated) -> dict[str, Any]:
    report = await evaluated.report()
    snapshot: dict[str, Any] = report.snapshot
    assert snapshot_problems(snapshot) == []
    assert report.content_hash == content_hash(snapshot)
    return snapshot


async def test_totals_latency_and_evaluators_are_exact(evaluated: Evaluated) -> None:
    snapshot = await _snapshot(evaluated)
    # 6 cases: refund, shipping, hours pass; angry (tone 0.4) and order (assert, PII) fail;
    # password ERRORed. Case scores 0.95, 0.85, 0.6, 0.675, -, 0.975: mean 4.05 / 5.
    assert snapshot["totals"] == {"cases": 6, "passed": 3, "failed": 2, "errored": 1,
                                  "timed_out": 0, "pii_alerts": 1, "pass_rate": 0.5,
                                  "overall_score": 0.81, "meets_threshold": False}
    # Timed cases: 450.25, 820.5, 1040, 1210, 1600 (700 + 900): nearest rank 3, 5, 5.
    assert snapshot["latency_ms"] == {"count": 5, "mean": 1024.15, "p50": 1040.0,
                                      "p90": 1600.0, "p99": 1600.0, "max": 1600.0}
    # tone 0.9 0.8 0.4 0.85 1.0: mean 0.79, population variance 0.212 / 5.
    assert snapshot["evaluators"] == [
        {"slug": "tone", "title": "Tone", "version": "1.0.0", "scored": 5, "passed": 4,
         "failed": 1, "skipped": 1, "errored": 0, "mean": 0.79, "stdev": 0.2059, "min": 0.4,
         "max": 1.0, "histogram": [0, 0, 0, 0, 1, 0, 0, 0, 2, 2]},
        {"slug": "relevance", "title": "Relevance", "version": "1.0.0", "scored": 5,
         "passed": 4, "failed": 1, "skipped": 1, "errored": 0, "mean": 0.83,
         "stdev": 0.1778, "min": 0.5, "max": 1.0, "histogram": [0, 0, 0, 0, 0, 1, 0, 0, 1, 3]},
    ]
    for key in ("totals", "latency_ms", "evaluators"):
        assert snapshot[key] == SAMPLE[key]


async def test_errors_pii_alerts_and_failed_cases_carry_their_detail(
        evaluated: Evaluated) -> None:
    snapshot = await _snapshot(evaluated)
    cases = snapshot["cases"]
    assert [case["title"] for case in cases] == [case["title"] for case in SAMPLE["cases"]]
    assert [(c["status"], c["passed"], c["score"], c["latency_ms"]) for c in cases] == [
        ("PASSED", True, 0.95, 820.5), ("PASSED", True, 0.85, 1040.0),
        ("FAILED", False, 0.6, 1600.0), ("FAILED", False, 0.675, 1210.0),
        ("ERROR", False, None, 0.0), ("PASSED", True, 0.975, 450.25)]
    password, order, angry = cases[4], cases[3], cases[2]
    assert snapshot["errors"] == [{
        "run_case_id": password["run_case_id"], "title": "Password reset link",
        "status": "ERROR", "error_code": "HTTP_STATUS",
        "error_message": "the agent answered HTTP 502 Bad Gateway after 3 attempts"}]
    assert snapshot["pii_alerts"] == [{
        "run_case_id": order["run_case_id"], "title": "Order status by email", "turn": 0,
        "type": "EMAIL", "masked": MASKED_EMAIL, "score": 0.99}]
    assert order["answer"] == f"Order 48213 shipped yesterday; we also emailed {MASKED_EMAIL}" \
        " with the tracking link."
    assert order["failed_asserts"] == [
        {"type": "contains", "reason": 'the answer does not contain "1Z999AA10123456784"'}]
    assert order["evaluators"][1] == {
        "slug": "relevance", "status": "SCORED", "score": 0.5, "passed": False,
        "threshold": 0.7, "explanation": "Relevance scored 0.5.", "reason": ""}
    assert angry["input"] == "This is the third time my payment failed!"
    assert angry["turns"] == SAMPLE["cases"][2]["turns"]
    assert angry["answer"] == "As I said, you need to check your card details."
    assert angry["suites"] == ["Billing", "Escalation"]
    assert password["evaluators"][0] == {
        "slug": "tone", "status": "SKIPPED", "score": None, "passed": None, "threshold": 0.7,
        "explanation": "", "reason": "the case has no answer to score: it ended in ERROR"}
    assert cases[0]["input"] == "Can I get a refund if my order arrived damaged?"
    assert cases[0]["expected_output"] == \
        "A full refund within 30 days with a photo of the damage."
    assert cases[0]["turns"] == []
    assert {case["evaluation_id"] for case in cases} == {gid("Evaluation", evaluated.current)}


async def test_the_header_names_the_plan_the_runs_and_the_judge(evaluated: Evaluated) -> None:
    report = await evaluated.report()
    snapshot = report.snapshot
    assert snapshot["id"] == gid("Report", report.id)
    assert snapshot["created_at"] == report.created_at.isoformat()
    assert report.evaluation_ids == [str(evaluated.current)]
    assert report.baseline_evaluation_id == evaluated.baseline
    world = evaluated.world
    assert snapshot["title"] == "Week 23"
    assert snapshot["threshold"] == 0.8
    assert snapshot["plan"] == {"id": gid("Plan", world.plan_id),
                                "name": "Support bot regression"}
    assert snapshot["project"] == {"id": world.org.project_gid, "name": "Default"}
    assert snapshot["evaluations"] == [{
        "id": gid("Evaluation", evaluated.current), "run_id": gid("Run", evaluated.current_run),
        "run_started_at": "2025-06-06T09:00:00+00:00",
        "run_finished_at": "2025-06-06T09:04:00+00:00",
        "connection": {"name": "Support bot (staging)", "kind": "HTTP"},
        "judge": {"provider": "openai", "model": "gpt-4o-mini"},
        "evaluators": SAMPLE["evaluations"][0]["evaluators"]}]
    assert snapshot["created_by"] == "system:cli"


def test_histogram_buckets_and_nearest_rank_at_their_edges() -> None:
    assert [bucket(s) for s in (0.0, 0.0999, 0.1, 0.3, 0.6, 0.7, 0.9, 0.99, 1.0)] == \
        [0, 0, 1, 3, 6, 7, 9, 9, 9]
    ordered = [float(n) for n in range(1, 101)]
    assert [nearest_rank(ordered, p) for p in (50, 90, 99)] == [50.0, 90.0, 99.0]
    assert [nearest_rank([7.0], p) for p in (50, 99)] == [7.0, 7.0]


def _case(status: str, passed: bool, latencies: list[float]) -> CaseFacts:
    return CaseFacts(evaluation_id="e", run_id="r", run_case_id=status, test_case_id=status,
                     title=status, suites=[], run_status=status, passed=passed, score=None,
                     latencies=latencies, input="", answer="", expected_output="", turns=[],
                     failed_asserts=[], scores=[], error_code="TIMEOUT" if status ==
                     "TIMEOUT" else "", error_message="")


def test_timeouts_and_cancelled_cases_count_without_a_score() -> None:
    cases = [_case("TIMEOUT", False, [30000.0]), _case("CANCELLED", False, []),
             _case("PASSED", True, [10.0, 20.0])]
    assert totals(cases, 0.3) == {"cases": 3, "passed": 1, "failed": 1, "errored": 0,
                                  "timed_out": 1, "pii_alerts": 0, "pass_rate": 0.3333,
                                  "overall_score": None, "meets_threshold": True}
    assert latency(cases) == {"count": 2, "mean": 15015.0, "p50": 30.0, "p90": 30000.0,
                              "p99": 30000.0, "max": 30000.0}
    assert latency(cases[1:2]) == {"count": 0, "mean": 0.0, "p50": 0.0, "p90": 0.0,
                                   "p99": 0.0, "max": 0.0}
    assert [e["status"] for e in errors(cases)] == ["TIMEOUT"]
    assert [case.status for case in cases] == ["TIMEOUT", "CANCELLED", "PASSED"]
