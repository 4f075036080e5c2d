"""createReport through GraphQL: the typed fields, the typed errors (nothing written), and
a report that never changes."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import pytest

from assay.db.transactions import tenant_transaction
from assay.evaluations.models import EvaluationStatus
from assay.reports import exports
from assay.reports.models import Report
from assay.testing import models as testing
from tests.reports.conftest import CURRENT_AT, Evaluated
from tests.reports.rows import CURRENT, Spec, build_world, write_evaluated_run
from tests.support import GraphQLClient, gid, owner

CREATE = """mutation($input: CreateReportInput!) { createReport(input: $input) {
  __typename
  ... on CreateReportSuccess { report { id title threshold contentHash snapshot
    plan { id name } totals { cases passed failed errored timedOut piiAlerts passRate
      overallScore meetsThreshold }
    latency { count mean p50 p90 p99 max }
    evaluators { slug mean stdev min max histogram }
    errors { title status errorCode }
    piiAlerts { title type masked turn }
    failed: cases(passed: false) { totalCount edges { node { title status score
      failedAsserts { type reason } evaluators { slug status score passed explanation } } } }
    firstTwo: cases(first: 2) { pageInfo { hasNextPage endCursor } edges { node { title } } }
    comparison { baseline { evaluationId } overallDelta passRateDelta
      regressions { title before { passed score } after { passed score } }
      improvements { title } evaluatorDeltas { slug delta } flaky { title } }
    evaluations { evaluationId connection { name kind } judge { provider model }
      evaluators { slug threshold } }
    csv: export(format: CSV) junit: export(format: JUNIT) json: export(format: JSON) } }
  ... on MutationError { code message }
  ... on ValidationError { issues { path code } } } }"""


async def _create(gql: GraphQLClient, evaluated: Evaluated, **input: Any) -> dict[str, Any]:
    caller = await owner(evaluated.world.org)
    data = await gql.data(CREATE, {"input": input}, caller)
    result: dict[str, Any] = data["createReport"]
    return result


async def _reports(owner_db: asyncpg.Connection, evaluated: Evaluated) -> int:
    count: int = await owner_db.fetchval(
        "SELECT count(*) FROM reports WHERE organization_id = $1", evaluated.world.org.id)
    return count


async def _events(owner_db: asyncpg.Connection, evaluated: Evaluated) -> list[str]:
    rows = await owner_db.fetch("SELECT action FROM audit_events WHERE organization_id = $1 "
                                "ORDER BY seq", evaluated.world.org.id)
    return [row["action"] for row in rows]


async def test_create_report_answers_the_typed_figures(
        gql: GraphQLClient, evaluated: Evaluated, owner_db: asyncpg.Connection) -> None:
    result = await _create(gql, evaluated, title="Week 23", threshold=0.5,
                           evaluationIds=[gid("Evaluation", evaluated.current)],
                           baselineEvaluationId=gid("Evaluation", evaluated.baseline))
    assert result["__typename"] == "CreateReportSuccess", result
    report = result["report"]
    assert (report["title"], report["threshold"]) == ("Week 23", 0.5)
    assert report["totals"] == {"cases": 6, "passed": 3, "failed": 2, "errored": 1,
                                "timedOut": 0, "piiAlerts": 1, "passRate": 0.5,
                                "overallScore": 0.81, "meetsThreshold": True}
    assert report["latency"] == {"count": 5, "mean": 1024.15, "p50": 1040.0, "p90": 1600.0,
                                 "p99": 1600.0, "max": 1600.0}
    assert report["evaluators"][0] == {"slug": "tone", "mean": 0.79, "stdev": 0.2059,
                                       "min": 0.4, "max": 1.0,
                                       "histogram": [0, 0, 0, 0, 1, 0, 0, 0, 2, 2]}
    assert report["errors"] == [{"title": "Password reset link", "status": "ERROR",
                                 "errorCode": "HTTP_STATUS"}]
    assert [a["type"] for a in report["piiAlerts"]] == ["EMAIL"]
    failed = report["failed"]
    assert failed["totalCount"] == 3
    assert [(e["node"]["title"], e["node"]["status"], e["node"]["score"])
            for e in failed["edges"]] == [
        ("Angry customer asks for a manager", "FAILED", 0.6),
        ("Order status by email", "FAILED", 0.675), ("Password reset link", "ERROR", None)]
    assert failed["edges"][0]["node"]["evaluators"][0] == {
        "slug": "tone", "status": "SCORED", "score": 0.4, "passed": False,
        "explanation": "Tone scored 0.4."}
    assert failed["edges"][1]["node"]["failedAsserts"] == [
        {"type": "contains", "reason": 'the answer does not contain "1Z999AA10123456784"'}]
    assert report["firstTwo"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["title"] for e in report["firstTwo"]["edges"]] == \
        ["Refund policy for damaged items", "Shipping to Canada"]
    comparison = report["comparison"]
    assert (comparison["overallDelta"], comparison["passRateDelta"]) == (0.0433, -0.1667)
    assert [r["title"] for r in comparison["regressions"]] == \
        ["Angry customer asks for a manager", "Password reset link"]
    assert [i["title"] for i in comparison["improvements"]] == ["Store opening hours"]
    assert report["evaluations"][0]["judge"] == {"provider": "openai", "model": "gpt-4o-mini"}
    snapshot = report["snapshot"]
    assert report["csv"] == (await exports.render("csv", snapshot)).decode()
    assert report["junit"] == (await exports.render("junit", snapshot)).decode()
    assert report["json"] == (await exports.render("json", snapshot)).decode()
    assert await _reports(owner_db, evaluated) == 1
    assert (await _events(owner_db, evaluated))[-1] == "report.create"


async def test_the_next_page_follows_the_cursor(gql: GraphQLClient,
                                                evaluated: Evaluated) -> None:
    result = await _create(gql, evaluated, evaluationIds=[gid("Evaluation", evaluated.current)])
    report_id = result["report"]["id"]
    after = result["report"]["firstTwo"]["pageInfo"]["endCursor"]
    query = """query($id: ID!, $after: String) { report(id: $id) {
      cases(first: 3, after: $after) { totalCount pageInfo { hasNextPage }
        edges { node { title } } } } }"""
    data = await gql.data(query, {"id": report_id, "after": after},
                          await owner(evaluated.world.org))
    cases = data["report"]["cases"]
    assert [e["node"]["title"] for e in cases["edges"]] == [
        "Angry customer asks for a manager", "Order status by email", "Password reset link"]
    assert (cases["totalCount"], cases["pageInfo"]["hasNextPage"]) == (6, True)
    assert result["report"]["title"].startswith("Support bot regression: ")


async def _other_plan_evaluation(evaluated: Evaluated) -> uuid.UUID:
    async with tenant_transaction(evaluated.world.org.id):
        other = await testing.Plan.create(project_id=evaluated.world.org.project_id,
                                          name="Other plan")
    _, evaluation = await write_evaluated_run(evaluated.world, CURRENT[:1],
                                              finished_at=CURRENT_AT, plan_id=other.id)
    return evaluation


@pytest.mark.parametrize("case", ["EMPTY", "THRESHOLD", "DUPLICATE", "NOT_FINISHED",
                                  "MIXED_PLANS", "BASELINE_IN_REPORT", "BASELINE_NOT_FINISHED",
                                  "BASELINE_OTHER_PLAN", "FOREIGN", "BAD_ID"])
async def test_bad_requests_get_a_typed_error_and_write_nothing(
        gql: GraphQLClient, evaluated: Evaluated, owner_db: asyncpg.Connection,
        case: str) -> None:
    current = gid("Evaluation", evaluated.current)
    events = await _events(owner_db, evaluated)
    if case in ("NOT_FINISHED", "BASELINE_NOT_FINISHED"):
        _, running = await write_evaluated_run(evaluated.world, [Spec("refund", {
            "tone": 1.0, "relevance": 1.0})], finished_at=CURRENT_AT,
            status=EvaluationStatus.RUNNING)
    if case in ("MIXED_PLANS", "BASELINE_OTHER_PLAN"):
        other = await _other_plan_evaluation(evaluated)
        events = await _events(owner_db, evaluated)
    if case == "FOREIGN":
        stranger = await build_world("Stranger")
        _, foreign = await write_evaluated_run(stranger, CURRENT, finished_at=CURRENT_AT)
    inputs: dict[str, dict[str, Any]] = {
        "EMPTY": {"evaluationIds": []},
        "THRESHOLD": {"evaluationIds": [current], "threshold": 1.5},
        "DUPLICATE": {"evaluationIds": [current, current]},
        "NOT_FINISHED": {"evaluationIds": [current, gid("Evaluation", running)]}
        if case == "NOT_FINISHED" else {},
        "MIXED_PLANS": {"evaluationIds": [current, gid("Evaluation", other)]}
        if case == "MIXED_PLANS" else {},
        "BASELINE_IN_REPORT": {"evaluationIds": [current], "baselineEvaluationId": current},
        "BASELINE_NOT_FINISHED": {"evaluationIds": [current],
                                  "baselineEvaluationId": gid("Evaluation", running)}
        if case == "BASELINE_NOT_FINISHED" else {},
        "BASELINE_OTHER_PLAN": {"evaluationIds": [current],
                                "baselineEvaluationId": gid("Evaluation", other)}
        if case == "BASELINE_OTHER_PLAN" else {},
        "FOREIGN": {"evaluationIds": [gid("Evaluation", foreign)]} if case == "FOREIGN" else {},
        "BAD_ID": {"evaluationIds": [gid("Run", evaluated.current_run)]},
    }
    expected = {
        "EMPTY": ("ValidationError", "VALIDATION_FAILED", "EMPTY"),
        "THRESHOLD": ("ValidationError", "VALIDATION_FAILED", "THRESHOLD_OUT_OF_RANGE"),
        "DUPLICATE": ("ValidationError", "VALIDATION_FAILED", "DUPLICATE_EVALUATION"),
        "NOT_FINISHED": ("ConflictError", "NOT_FINISHED", None),
        "MIXED_PLANS": ("ConflictError", "MIXED_PLANS", None),
        "BASELINE_IN_REPORT": ("ValidationError", "VALIDATION_FAILED", "BASELINE_IN_REPORT"),
        "BASELINE_NOT_FINISHED": ("ConflictError", "BASELINE_NOT_FINISHED", None),
        "BASELINE_OTHER_PLAN": ("ConflictError", "BASELINE_OTHER_PLAN", None),
        "FOREIGN": ("NotFoundError", "NOT_FOUND", None),
        "BAD_ID": ("ValidationError", "VALIDATION_FAILED", "INVALID_ID"),
    }[case]
    result = await _create(gql, evaluated, **inputs[case])
    assert result["__typename"] == expected[0], result
    assert result["code"] == expected[1]
    if expected[2] is not None:
        assert [issue["code"] for issue in result["issues"]] == [expected[2]]
    assert result["message"]
    assert await _reports(owner_db, evaluated) == 0
    assert await _events(owner_db, evaluated) == events


async def test_a_report_reads_the_same_after_cases_plans_and_evaluations_change(
        gql: GraphQLClient, evaluated: Evaluated) -> None:
    created = await evaluated.report()
    world = evaluated.world
    async with tenant_transaction(world.org.id):
        await testing.TestCase.filter(id=world.cases["angry"]).update(title="Renamed case")
        await testing.Plan.filter(id=world.plan_id).update(name="Renamed plan")
    # A new evaluation of the plan's latest run changes nothing of the report either.
    await write_evaluated_run(world, CURRENT[:2], finished_at=CURRENT_AT)
    query = """query($id: ID!) { report(id: $id) { contentHash snapshot plan { name }
      failed: cases(passed: false) { edges { node { title } } } } }"""
    data = await gql.data(query, {"id": gid("Report", created.id)}, await owner(world.org))
    report = data["report"]
    assert report["snapshot"] == created.snapshot
    assert report["contentHash"] == created.content_hash
    assert report["plan"]["name"] == "Support bot regression"
    assert report["failed"]["edges"][0]["node"]["title"] == "Angry customer asks for a manager"


async def test_the_database_refuses_to_change_or_delete_a_report(
        evaluated: Evaluated, owner_db: asyncpg.Connection,
        app_db: asyncpg.Connection) -> None:
    created = await evaluated.report()
    for connection in (owner_db, app_db):
        for statement in ("UPDATE reports SET title = 'forged' WHERE id = $1",
                          "DELETE FROM reports WHERE id = $1"):
            with pytest.raises(asyncpg.PostgresError):
                async with connection.transaction():
                    await connection.execute(
                        f"SELECT set_config('assay.org_id', '{evaluated.world.org.id}', true)")
                    await connection.execute(statement, created.id)
    async with tenant_transaction(evaluated.world.org.id):
        stored = await Report.get(id=created.id)
    assert (stored.title, stored.snapshot) == ("Week 23", created.snapshot)
