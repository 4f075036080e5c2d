"""evaluators (the catalog with the organization's enablements and the latest calibrations)
and calibrationReports."""

from __future__ import annotations

import logging
import uuid

import pytest

from assay.organizations.models import Role
from assay.plugins.registry import evaluators
from tests.judging.support import ENABLE, REPORT_FIELDS, stored_report
from tests.support import Caller, GraphQLClient, gid, key_caller, make_org, member, owner

CATALOG = """
{ evaluators {
  slug version title description defaultThreshold requires usesJudge distribution
  margin { maxMeanAbsError minPassAgreement }
  enablements { id evaluatorVersion judge model overridden }
  calibrations { id evaluatorVersion judge model withinMargin }
} }
"""
REPORTS = REPORT_FIELDS + """
query($evaluator: String, $version: String, $judge: String, $model: String, $first: Int,
      $after: String) {
  calibrationReports(evaluator: $evaluator, version: $version, judge: $judge, model: $model,
                     first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ...ReportFields } }
  }
}
"""


def _model() -> str:
    return f"model-{uuid.uuid4().hex[:10]}"


async def test_the_catalog_lists_every_loaded_evaluator_with_what_it_needs(
    gql: GraphQLClient
) -> None:
    org = await make_org()

    data = await gql.data(CATALOG, caller=await member(org, Role.VIEWER))

    loaded = evaluators().plugins
    assert [e["slug"] for e in data["evaluators"]] == sorted(loaded)
    relevance = next(e for e in data["evaluators"] if e["slug"] == "relevance")
    assert {k: v for k, v in relevance.items() if k not in ("description", "calibrations")
            } == {
        "slug": "relevance", "version": "1.0.0", "title": "Relevance",
        "defaultThreshold": 0.7, "requires": [], "usesJudge": True,
        "distribution": loaded["relevance"].distribution,
        "margin": {"maxMeanAbsError": 0.15, "minPassAgreement": 0.85}, "enablements": []}
    if "comparison" in loaded:
        comparison = next(e for e in data["evaluators"] if e["slug"] == "comparison")
        assert comparison["requires"] == ["EXPECTED_OUTPUT"]


async def test_the_catalog_shows_the_latest_report_per_model_and_the_orgs_enablements(
    gql: GraphQLClient
) -> None:
    org, other = await make_org(), await make_org("Other")
    caller = await owner(org)
    first_model, second_model = sorted([_model(), _model()])
    await stored_report("relevance", "1.0.0", first_model, within=False)
    latest = await stored_report("relevance", "1.0.0", first_model, within=True)
    second = await stored_report("relevance", "1.0.0", second_model, within=False)
    await stored_report("relevance", "0.9.0", first_model, within=True)
    enabled = (await gql.data(ENABLE, {"input": {
        "evaluator": "relevance", "judge": "openai", "model": first_model}}, caller))
    await gql.data(ENABLE, {"input": {
        "evaluator": "relevance", "judge": "openai", "model": second_model,
        "overrideReason": "Reviewed by hand, good enough for now."}}, await owner(other))

    data = await gql.data(CATALOG, caller=caller)

    relevance = next(e for e in data["evaluators"] if e["slug"] == "relevance")
    mine = [c for c in relevance["calibrations"] if c["model"] in (first_model, second_model)]
    assert mine == [
        {"id": gid("CalibrationReport", latest.id), "evaluatorVersion": "1.0.0",
         "judge": "openai", "model": first_model, "withinMargin": True},
        {"id": gid("CalibrationReport", second.id), "evaluatorVersion": "1.0.0",
         "judge": "openai", "model": second_model, "withinMargin": False},
    ]
    assert relevance["enablements"] == [{
        "id": enabled["enableEvaluator"]["enablement"]["id"], "evaluatorVersion": "1.0.0",
        "judge": "openai", "model": first_model, "overridden": False}]


async def _statements(gql: GraphQLClient, caller: Caller, caplog: pytest.LogCaptureFixture
                      ) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        await gql.data(CATALOG, caller=caller)
    return sum(1 for r in caplog.records
               if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage())


async def test_the_catalog_reads_in_a_constant_number_of_statements(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    empty, busy = await make_org("Empty"), await make_org("Busy")
    empty_caller, busy_caller = await owner(empty), await owner(busy)
    for _ in range(4):
        model = _model()
        await stored_report("relevance", "1.0.0", model, within=True)
        await stored_report("comparison", "1.0.0", model, within=True)
        for slug in ("relevance", "comparison"):
            await gql.data(ENABLE, {"input": {"evaluator": slug, "judge": "openai",
                                              "model": model}}, busy_caller)

    counts = (await _statements(gql, empty_caller, caplog),
              await _statements(gql, busy_caller, caplog))

    # one for the enablements, two for the latest reports, whatever their number
    assert counts[0] == counts[1]
    assert counts[0] > 0


async def test_reports_are_filtered_paged_and_carry_their_deviations(
    gql: GraphQLClient
) -> None:
    org = await make_org()
    caller = await member(org, Role.VIEWER)
    model = _model()
    reports = [await stored_report("relevance", "1.0.0", model, within=bool(i % 2))
               for i in range(3)]
    await stored_report("relevance", "1.0.0", _model(), within=True)

    page = (await gql.data(REPORTS, {"model": model, "first": 2}, caller))["calibrationReports"]
    rest = (await gql.data(REPORTS, {"model": model, "after": page["pageInfo"]["endCursor"]},
                           caller))["calibrationReports"]
    none = (await gql.data(REPORTS, {"model": model, "evaluator": "tone"}, caller))[
        "calibrationReports"]

    assert (page["totalCount"], page["pageInfo"]["hasNextPage"]) == (3, True)
    assert [e["node"]["id"] for e in page["edges"] + rest["edges"]] == [
        gid("CalibrationReport", r.id) for r in reports]
    node = page["edges"][0]["node"]
    assert {k: v for k, v in node.items() if k != "id"} == {
        "evaluator": "relevance", "evaluatorVersion": "1.0.0", "judge": "openai",
        "model": model, "cases": 40, "meanAbsError": 0.05, "rankCorrelation": 0.9,
        "passAgreement": 0.95, "withinTolerance": 0.9, "withinMargin": False,
        "margin": {"maxMeanAbsError": 0.15, "minPassAgreement": 0.85}, "judgeCalls": 0,
        "inputTokens": 0, "outputTokens": 0,
        "deviations": [{"caseId": "en-01", "language": "en", "expected": 1.0, "score": 0.75,
                        "deviation": 0.25, "withinTolerance": False, "explanation": "close",
                        "error": None}]}
    assert none == {"totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None},
                    "edges": []}


@pytest.mark.parametrize("query", [CATALOG, "{ calibrationReports { totalCount } }"])
async def test_an_api_key_may_read_the_catalog_and_reports(
    gql: GraphQLClient, query: str
) -> None:
    org = await make_org()

    data = await gql.data(query, caller=key_caller(org.api_key))

    assert data
