"""An evaluation with no evaluator: the run's asserts and PII findings only, no judge.

What `assay run FILE --html-report` makes of a plan file's run: each case passes when its
asserts passed and its answers leaked no personal data, no score anywhere, and a report of
it that validates and renders without evaluator charts.
"""

from __future__ import annotations

import pytest

from assay.audit.context import Actor, acting_as
from assay.db.transactions import tenant_transaction
from assay.graphql.relay import encode_id
from assay.reports.exports.html import render_html
from assay.reports.exports.html_sections import NO_EVALUATORS
from assay.reports.service import create_report
from assay.reports.snapshot_schema import validate_snapshot
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    CASES,
    build,
    drain_evaluations,
    evaluate,
    finished_run,
    pk,
    stored,
)
from tests.support import GraphQLClient

#: No assert, so the run passes it; its echoed answer holds an e-mail address.
LEAK = {"title": "Leaky echo", "mode": "SIMPLE", "input": "Write to jane.doe@example.com"}


async def test_no_evaluator_scores_asserts_and_pii_only_and_reports(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    worker_settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(CASES, "leak", LEAK)
    world = await build(gql, agent, cases=("refund", "chat", "wrong", "open", "leak"))
    run = await finished_run(world, settings, redis_dsn)  # no judge is configured at all

    created = await evaluate(gql, world, [])
    await drain_evaluations(redis_dsn, worker_settings)

    assert created["__typename"] == "EvaluateRunSuccess", created
    assert (created["created"], created["evaluation"]["status"],
            created["evaluation"]["counts"]) == (True, "QUEUED", {"total": 5, "done": 0})
    evaluation, rows = await stored(world, pk(created["evaluation"]["id"]))
    assert (evaluation.status.value, evaluation.evaluators, evaluation.judge) == (
        "COMPLETED", [], {})
    assert (evaluation.overall_score, evaluation.pass_rate, evaluation.summary) == (
        None, 0.6, {})
    assert (evaluation.done, evaluation.passed, evaluation.failed, evaluation.errored,
            evaluation.pii_leaks, evaluation.judge_calls) == (5, 3, 2, 0, 1, 0)
    assert {name: (row.passed, row.asserts_passed, row.pii_leak, row.score, row.scores)
            for name, row in rows.items()} == {
        "refund": (True, True, False, None, []), "chat": (True, True, False, None, []),
        "wrong": (False, False, False, None, []), "open": (True, True, False, None, []),
        "leak": (False, True, True, None, [])}
    assert [f["type"] for f in rows["leak"].pii_findings] == ["EMAIL"]

    with acting_as(Actor(type="system", id="test")):
        async with tenant_transaction(world.org.id):
            report = await create_report(evaluation_ids=[evaluation.id], threshold=0.5)
    snapshot = report.snapshot
    validate_snapshot(snapshot)
    assert snapshot["evaluators"] == []
    assert [e["evaluators"] for e in snapshot["evaluations"]] == [[]]
    assert {k: snapshot["totals"][k] for k in ("cases", "passed", "failed", "pii_alerts",
                                               "pass_rate", "overall_score",
                                               "meets_threshold")} == {
        "cases": 5, "passed": 3, "failed": 2, "pii_alerts": 1, "pass_rate": 0.6,
        "overall_score": None, "meets_threshold": True}
    assert [(c["title"], c["passed"], c["score"], c["evaluators"])
            for c in snapshot["cases"]] == [
        (CASES[name]["title"], name not in ("wrong", "leak"), None, [])
        for name in ("refund", "chat", "wrong", "open", "leak")]
    assert snapshot["evaluations"][0]["run_id"] == encode_id("Run", run.id)
    page = render_html(snapshot)
    assert page.count(NO_EVALUATORS) == 2  # instead of the evaluator charts, and the table
    assert "Mean score per evaluator" not in page
    assert "Failed cases (2)" in page
