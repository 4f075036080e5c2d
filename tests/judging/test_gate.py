"""The calibration gate: enable an evaluator version with a judge model only with a report
within its margin, or as an owner with a written reason; refusals change nothing."""

from __future__ import annotations

import json
import uuid
from typing import Any, ClassVar

import asyncpg

from assay.db.transactions import tenant_transaction
from assay.judging import gate
from assay.judging.models import EvaluatorEnablement
from assay.organizations.models import Role
from assay.plugins.registry import evaluators
from assay_sdk import EvaluationContext, EvaluationInput, EvaluationResult, Evaluator, scored
from tests.judging.support import DISABLE, ENABLE, stored_report
from tests.security.world import audit_count
from tests.support import Caller, GraphQLClient, Org, gid, make_org, member, owner

REASON = "Our legal team reviewed this model's outputs by hand."


def _model() -> str:
    """A model no other test has reports for (reports are global)."""
    return f"model-{uuid.uuid4().hex[:10]}"


def _enable(model: str, reason: str | None = None, evaluator: str = "relevance"
            ) -> dict[str, Any]:
    values: dict[str, Any] = {"evaluator": evaluator, "judge": "openai", "model": model}
    if reason is not None:
        values["overrideReason"] = reason
    return {"input": values}


async def _enablements(owner_db: asyncpg.Connection, org: Org) -> int:
    count: int = await owner_db.fetchval(
        "SELECT count(*) FROM evaluator_enablements WHERE organization_id = $1", org.id)
    return count


async def _refused(gql: GraphQLClient, owner_db: asyncpg.Connection, org: Org,
                   caller: Caller, variables: dict[str, Any]) -> dict[str, Any]:
    """The call's result, after checking it wrote nothing (no row, no event)."""
    rows, events = await _enablements(owner_db, org), await audit_count(owner_db, org.id)
    result: dict[str, Any] = (await gql.data(ENABLE, variables, caller))["enableEvaluator"]
    assert (await _enablements(owner_db, org), await audit_count(owner_db, org.id)) == (
        rows, events)
    return result


async def test_without_a_report_the_gate_says_how_to_calibrate(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    model = _model()

    result = await _refused(gql, owner_db, org, await owner(org), _enable(model))

    assert result == {
        "__typename": "EvaluatorGateError", "code": "NO_CALIBRATION",
        "message": f"no calibration report for relevance 1.0.0 with openai {model}: run "
                   f"`assay calibrate relevance --judge openai --model {model}`, or an owner "
                   "may override with a reason",
        "evaluator": "relevance", "evaluatorVersion": "1.0.0", "judge": "openai",
        "model": model, "margin": {"maxMeanAbsError": 0.15, "minPassAgreement": 0.85},
        "report": None}


async def test_the_latest_report_outside_the_margin_is_refused_with_its_figures(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    model = _model()
    await stored_report("relevance", "1.0.0", model, within=True)
    latest = await stored_report("relevance", "1.0.0", model, within=False, error=0.2125,
                                 agreement=0.8)

    result = await _refused(gql, owner_db, org, await owner(org), _enable(model))

    assert (result["code"], result["report"]["id"]) == (
        "OUTSIDE_MARGIN", gid("CalibrationReport", latest.id))
    assert result["message"] == (
        f"the latest calibration report for relevance 1.0.0 with openai {model} is outside "
        "the evaluator's margin: mean absolute error 0.212 (at most 0.150), pass agreement "
        "0.800 (at least 0.850): calibrate with another model, or an owner may override "
        "with a reason")
    assert {k: result["report"][k] for k in ("meanAbsError", "passAgreement", "withinMargin",
                                             "deviations")} == {
        "meanAbsError": 0.2125, "passAgreement": 0.8, "withinMargin": False,
        "deviations": [{"caseId": "en-01", "language": "en", "expected": 1.0, "score": 0.75,
                        "deviation": 0.25, "withinTolerance": False, "explanation": "close",
                        "error": None}]}


async def test_a_report_within_the_margin_enables_once_and_is_audited(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await member(org, Role.ADMIN)
    model = _model()
    report = await stored_report("relevance", "1.0.0", model, within=True)

    first = (await gql.data(ENABLE, _enable(model), caller))["enableEvaluator"]
    events = await audit_count(owner_db, org.id)
    again = (await gql.data(ENABLE, _enable(model, REASON), caller))["enableEvaluator"]

    enablement = first["enablement"]
    assert (first["__typename"], first["created"]) == ("EnableEvaluatorSuccess", True)
    assert {k: v for k, v in enablement.items() if k != "id"} == {
        "evaluator": "relevance", "evaluatorVersion": "1.0.0", "judge": "openai",
        "model": model, "overridden": False, "overrideReason": None,
        "enabledBy": f"user:{caller.user_id}",
        "calibrationReport": {"id": gid("CalibrationReport", report.id)}}
    assert (again["created"], again["enablement"]["id"]) == (False, enablement["id"])
    assert await audit_count(owner_db, org.id) == events
    rows = await owner_db.fetch(
        "SELECT action, target_type, target_id, details FROM audit_events "
        "WHERE organization_id = $1 AND action = 'evaluator.enable'", org.id)
    assert [(r["target_type"], gid("EvaluatorEnablement", uuid.UUID(r["target_id"])),
             json.loads(r["details"])) for r in rows] == [(
        "EvaluatorEnablement", enablement["id"], {
            "evaluator": "relevance", "version": "1.0.0", "judge": "openai", "model": model,
            "override": False, "override_reason": "",
            "calibration_report_id": str(report.id), "mean_abs_error": 0.05,
            "pass_agreement": 0.95})]


async def test_an_owner_may_override_with_a_reason_and_it_is_audited(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    model = _model()
    await stored_report("relevance", "1.0.0", model, within=False, error=0.3)

    short = await _refused(gql, owner_db, org, caller, _enable(model, "  because  "))
    result = (await gql.data(ENABLE, _enable(model, f"  {REASON} "), caller))["enableEvaluator"]

    assert (short["code"], [(i["path"], i["code"]) for i in short["issues"]]) == (
        "VALIDATION_FAILED", [(["input", "overrideReason"], "REASON_TOO_SHORT")])
    assert short["issues"][0]["message"] == (
        "write why this evaluator may be used without a calibration within its margin, in 20 "
        "to 2000 characters")
    assert (result["created"], result["enablement"]["overridden"],
            result["enablement"]["overrideReason"],
            result["enablement"]["calibrationReport"]) == (True, True, REASON, None)
    details = await owner_db.fetchval(
        "SELECT details FROM audit_events WHERE organization_id = $1 "
        "AND action = 'evaluator.enable'", org.id)
    assert json.loads(details) == {
        "evaluator": "relevance", "version": "1.0.0", "judge": "openai", "model": model,
        "override": True, "override_reason": REASON, "calibration_report_id": None}
    stored = await owner_db.fetchrow(
        "SELECT override_reason, calibration_report_id FROM evaluator_enablements "
        "WHERE organization_id = $1", org.id)
    assert (stored["override_reason"], stored["calibration_report_id"]) == (REASON, None)


async def test_an_admin_may_not_override(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    model = _model()

    result = await _refused(gql, owner_db, org, await member(org, Role.ADMIN),
                            _enable(model, REASON))

    assert (result["code"], result["report"]) == ("OVERRIDE_NOT_ALLOWED", None)
    assert result["message"] == (
        f"only an owner may enable relevance 1.0.0 with openai {model} without a calibration "
        f"report within its margin: ask an owner, or run `assay calibrate relevance --judge "
        f"openai --model {model}`")


async def test_what_cannot_be_enabled_is_a_validation_error(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    loaded = ", ".join(sorted(evaluators().plugins))

    unknown = await _refused(gql, owner_db, org, caller, _enable("m", evaluator="vibes"))
    bad_judge = await _refused(gql, owner_db, org, caller, {"input": {
        "evaluator": "relevance", "judge": "oracle", "model": "m"}})
    bad_model = await _refused(gql, owner_db, org, caller, _enable(" "))

    assert unknown["issues"] == [{
        "path": ["input", "evaluator"], "code": "UNKNOWN_EVALUATOR",
        "message": f"unknown evaluator 'vibes': choose one of {loaded}"}]
    assert [(i["path"], i["code"]) for i in bad_judge["issues"]] == [
        (["input", "judge"], "UNKNOWN_PROVIDER")]
    assert [(i["path"], i["code"]) for i in bad_model["issues"]] == [
        (["input", "model"], "INVALID_MODEL")]


class _Counter(Evaluator):
    """An evaluator that calls no judge (never gated)."""

    name = "counter"
    version = "1.0.0"
    title = "Counter"
    description = "Counts words."
    uses_judge: ClassVar[bool] = False

    async def evaluate(self, item: EvaluationInput, context: EvaluationContext
                       ) -> EvaluationResult:
        return scored(1.0, context.threshold, "counted")


async def test_not_enabled_lists_the_gated_evaluators_in_order(gql: GraphQLClient) -> None:
    org, other = await make_org(), await make_org("Other")
    model = _model()
    await stored_report("relevance", "1.0.0", model, within=True)
    await gql.data(ENABLE, _enable(model), await owner(org))
    relevance, comparison = evaluators().get("relevance"), evaluators().get("comparison")
    async with tenant_transaction(org.id):
        await EvaluatorEnablement.create(evaluator="comparison", evaluator_version="0.9.0",
                                         judge="openai", model=model, override_reason="old")

    async with tenant_transaction(org.id):
        mine = await gate.not_enabled([comparison, _Counter, relevance], "openai", model)
        other_model = await gate.not_enabled([relevance, comparison], "openai", _model())
        other_provider = await gate.not_enabled([relevance], "anthropic", model)
        nothing_gated = await gate.not_enabled([_Counter], "openai", model)
    async with tenant_transaction(other.id):
        theirs = await gate.not_enabled([relevance, comparison], "openai", model)

    assert mine == ["comparison"]  # an older version's enablement does not count
    assert other_model == ["relevance", "comparison"]
    assert other_provider == ["relevance"]
    assert nothing_gated == []
    assert theirs == ["relevance", "comparison"]


async def test_disable_withdraws_an_enablement(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    model = _model()
    enabled = (await gql.data(ENABLE, _enable(model, REASON), caller))["enableEvaluator"]
    enablement_id = enabled["enablement"]["id"]

    disabled = (await gql.data(DISABLE, {"id": enablement_id}, caller))["disableEvaluator"]
    again = (await gql.data(DISABLE, {"id": enablement_id}, caller))["disableEvaluator"]

    assert disabled == {"__typename": "DisableEvaluatorSuccess", "enablement": {
        "id": enablement_id, "evaluator": "relevance", "evaluatorVersion": "1.0.0",
        "judge": "openai", "model": model}}
    assert again["code"] == "NOT_FOUND"
    assert await _enablements(owner_db, org) == 0
    details = await owner_db.fetchval(
        "SELECT details FROM audit_events WHERE organization_id = $1 "
        "AND action = 'evaluator.disable'", org.id)
    assert json.loads(details) == {"evaluator": "relevance", "version": "1.0.0",
                                   "judge": "openai", "model": model}
