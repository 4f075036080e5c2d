"""Documents and helpers of the judging tests."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from assay.ids import new_id
from assay.judging.models import CalibrationReport
from assay_sdk import CalibrationCase
from assay_sdk.llm import data_block
from tests.llm_server import Reply, SeenRequest
from tests.support import Caller, GraphQLClient

JUDGE_FIELDS = """
fragment JudgeFields on Judge {
  id name provider model baseUrl temperature samples isDefault hasKey keyHint
}
"""
ERRORS = """
... on MutationError { code message }
... on ValidationError { issues { path message code } }
"""
CONFIGURE = JUDGE_FIELDS + """
mutation($input: ConfigureJudgeInput!) { configureJudge(input: $input) {
  __typename ... on ConfigureJudgeSuccess { judge { ...JudgeFields } } """ + ERRORS + """
} }
"""
UPDATE = JUDGE_FIELDS + """
mutation($input: UpdateJudgeInput!) { updateJudge(input: $input) {
  __typename ... on UpdateJudgeSuccess { judge { ...JudgeFields } } """ + ERRORS + """
} }
"""
DELETE = """
mutation($id: ID!) { deleteJudge(id: $id) {
  __typename ... on DeleteJudgeSuccess { deletedId } """ + ERRORS + """
} }
"""
TEST = """
mutation($id: ID!) { testJudge(id: $id) {
  __typename
  ... on TestJudgeSuccess {
    ok score explanation model calls inputTokens outputTokens latencyMs
    judge { id name } failure { code message }
  }
  ... on NotFoundError { code message }
} }
"""
JUDGES = JUDGE_FIELDS + "{ judges { ...JudgeFields } }"
REPORT_FIELDS = """
fragment ReportFields on CalibrationReport {
  id evaluator evaluatorVersion judge model cases meanAbsError rankCorrelation passAgreement
  withinTolerance withinMargin margin { maxMeanAbsError minPassAgreement }
  judgeCalls inputTokens outputTokens
  deviations { caseId language expected score deviation withinTolerance explanation error }
}
"""
ENABLE = REPORT_FIELDS + """
mutation($input: EnableEvaluatorInput!) { enableEvaluator(input: $input) {
  __typename
  ... on EnableEvaluatorSuccess {
    created
    enablement { id evaluator evaluatorVersion judge model overridden overrideReason enabledBy
                 calibrationReport { id } }
  }
  ... on EvaluatorGateError {
    code message evaluator evaluatorVersion judge model
    margin { maxMeanAbsError minPassAgreement } report { ...ReportFields }
  }
  ... on ValidationError { code message issues { path message code } }
} }
"""
DISABLE = """
mutation($id: ID!) { disableEvaluator(enablementId: $id) {
  __typename
  ... on DisableEvaluatorSuccess { enablement { id evaluator evaluatorVersion judge model } }
  ... on NotFoundError { code message }
} }
"""


def judge_input(name: str = "Main", **extra: Any) -> dict[str, Any]:
    return {"name": name, "provider": "openai", "model": "gpt-4o-mini", **extra}


async def configure(gql: GraphQLClient, caller: Caller, **fields: Any) -> dict[str, Any]:
    """A judge configured through the API (it must succeed)."""
    data = await gql.data(CONFIGURE, {"input": judge_input(**fields)}, caller)
    result: dict[str, Any] = data["configureJudge"]
    assert result["__typename"] == "ConfigureJudgeSuccess", result
    judge: dict[str, Any] = result["judge"]
    return judge


def answer_block(case: CalibrationCase) -> str:
    return data_block("answer", case.item.answer)


def labelled(cases: Sequence[CalibrationCase], *, failing: Sequence[str] = (),
             score: Callable[[CalibrationCase], float] | None = None,
             ) -> Callable[[SeenRequest], Reply]:
    """A judge that finds the case by its answer in the prompt and answers its label (or
    ``score(case)``), with 10 input and 5 output tokens; cases in ``failing`` get a 401."""

    def answer(seen: SeenRequest) -> Reply:
        found = [c for c in cases if answer_block(c) in seen.prompt]
        assert len(found) == 1, seen.prompt
        case = found[0]
        if case.id in failing:
            return Reply(status=401, text="Incorrect API key provided.")
        value = score(case) if score is not None else case.expected_score
        text = json.dumps({"score": value, "explanation": f"label of {case.id}"})
        return Reply(text=text, input_tokens=10, output_tokens=5)

    return answer


async def stored_report(evaluator: str, version: str, model: str, *, within: bool,
                        error: float = 0.05, agreement: float = 0.95) -> CalibrationReport:
    """A calibration report written straight to the global table (as `assay calibrate` does)."""
    return await CalibrationReport.create(
        id=new_id(), evaluator=evaluator, evaluator_version=version, judge="openai",
        model=model, cases=40, mean_abs_error=error, rank_correlation=0.9,
        pass_agreement=agreement, within_tolerance=0.9, max_mean_abs_error=0.15,
        min_pass_agreement=0.85, within_margin=within,
        deviations=[{"id": "en-01", "language": "en", "expected": 1.0, "score": 0.75,
                     "deviation": 0.25, "within_tolerance": False,
                     "explanation": "close", "error": ""}])
