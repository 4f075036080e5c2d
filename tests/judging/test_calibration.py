"""Calibration against the loopback LLM server, on a tiny dataset whose figures are worked
out by hand, and on the relevance evaluator's real dataset.

The scripted judge's numbers test the pipeline; they are not a calibration of anything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from assay.judges.openai import OpenAIJudge
from assay.judging import calibration
from assay.judging.calibration import CalibrationError
from assay.plugins.registry import evaluators
from assay_sdk import (
    CalibrationMargin,
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    JudgeSettings,
)
from tests.judging.support import labelled
from tests.judging.tiny import TinyEvaluator
from tests.llm_server import ScriptedLLM

TINY = TinyEvaluator.calibration_cases()


@pytest.fixture
async def judge(scripted_llm: ScriptedLLM) -> AsyncIterator[OpenAIJudge]:
    opened = OpenAIJudge(JudgeSettings(model="scripted-model",
                                       base_url=scripted_llm.openai_base_url, api_key="k"))
    yield opened
    await opened.aclose()


def _ids(outcome: calibration.Calibration) -> list[str]:
    return [d.id for d in outcome.deviations]


async def test_a_judge_that_answers_every_label_agrees_fully(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    scripted_llm.respond_with(labelled(TINY))

    outcome = await calibration.calibrate(TinyEvaluator, judge)

    assert (outcome.evaluator, outcome.evaluator_version, outcome.judge, outcome.model) == (
        "tiny", "0.1.0", "openai", "scripted-model")
    assert (outcome.cases, outcome.errors, outcome.mean_abs_error, outcome.rank_correlation,
            outcome.pass_agreement, outcome.within_tolerance, outcome.within_margin) == (
        8, 0, 0.0, 1.0, 1.0, 1.0, True)
    assert (outcome.judge_calls, outcome.input_tokens, outcome.output_tokens) == (8, 80, 40)
    assert _ids(outcome) == [case.id for case in TINY]
    assert outcome.deviations[1].to_json() == {
        "id": "en-02", "language": "en", "expected": 0.75, "score": 0.75, "deviation": 0.0,
        "within_tolerance": True, "explanation": "label of en-02", "error": ""}
    assert len(scripted_llm.requests) == 8


async def test_a_judge_that_always_answers_one_is_outside_the_margin(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    scripted_llm.respond_with(labelled(TINY, score=lambda case: 1.0))

    outcome = await calibration.calibrate(TinyEvaluator, judge)

    # deviations 0, .25, .5, .75, 1, 0, .5, 1 -> 4 / 8; pass agreement: the 3 labels >= 0.7
    assert [d.deviation for d in outcome.deviations] == [0.0, 0.25, 0.5, 0.75, 1.0, 0.0,
                                                          0.5, 1.0]
    assert (outcome.mean_abs_error, outcome.rank_correlation, outcome.pass_agreement,
            outcome.within_tolerance, outcome.within_margin) == (0.5, None, 0.375, 0.25, False)
    assert [(d.id, d.deviation) for d in outcome.worst(3)] == [
        ("es-01", 1.0), ("es-04", 1.0), ("en-04", 0.75)]


async def test_a_case_the_judge_fails_on_counts_as_scored_zero_and_disagreeing(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    scripted_llm.respond_with(labelled(TINY, failing=["en-02"]))

    outcome = await calibration.calibrate(TinyEvaluator, judge)

    failed = outcome.deviations[1]
    assert (failed.id, failed.score, failed.deviation, failed.within_tolerance) == (
        "en-02", None, 0.75, False)
    assert failed.error.startswith("AUTHENTICATION: ")
    # MAE 0.75 / 8; agreement 7 / 8 (the errored pass label disagrees); ranks of
    # (1, 0, .5, .25, 0, 1, .5, 0) against the labels
    assert (outcome.errors, outcome.mean_abs_error, outcome.pass_agreement,
            outcome.within_tolerance, outcome.within_margin) == (1, 0.09375, 0.875, 0.875,
                                                                 True)
    assert outcome.rank_correlation == 0.754851
    assert (outcome.judge_calls, outcome.input_tokens, outcome.output_tokens) == (8, 70, 35)
    assert outcome.worst(1)[0].id == "en-02"


async def test_the_margin_needs_both_the_error_and_the_agreement(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    class Strict(TinyEvaluator):
        data_package = "tests.judging.tiny"
        margin = CalibrationMargin(max_mean_abs_error=0.09, min_pass_agreement=0.85)

    scripted_llm.respond_with(labelled(TINY, failing=["en-02"]))

    outcome = await calibration.calibrate(Strict, judge, concurrency=1)

    assert (outcome.mean_abs_error, outcome.pass_agreement, outcome.within_margin) == (
        0.09375, 0.875, False)


async def test_a_stored_report_holds_every_figure(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge, owner_db: asyncpg.Connection
) -> None:
    scripted_llm.respond_with(labelled(TINY, failing=["es-03"]))
    outcome = await calibration.calibrate(TinyEvaluator, judge)

    report = await calibration.store(outcome)

    row = await owner_db.fetchrow("SELECT * FROM calibration_reports WHERE id = $1", report.id)
    assert {k: row[k] for k in ("evaluator", "evaluator_version", "judge", "model", "cases",
                                "mean_abs_error", "pass_agreement", "within_tolerance",
                                "max_mean_abs_error", "min_pass_agreement", "within_margin",
                                "judge_calls", "input_tokens", "output_tokens")} == {
        "evaluator": "tiny", "evaluator_version": "0.1.0", "judge": "openai",
        "model": "scripted-model", "cases": 8, "mean_abs_error": 0.0625,
        "pass_agreement": 0.875, "within_tolerance": 0.875, "max_mean_abs_error": 0.15,
        "min_pass_agreement": 0.85, "within_margin": True, "judge_calls": 8,
        "input_tokens": 70, "output_tokens": 35}
    assert row["rank_correlation"] == outcome.rank_correlation
    assert '"error": "AUTHENTICATION: ' in row["deviations"]
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="immutable"):
        await owner_db.execute("UPDATE calibration_reports SET within_margin = false "
                               "WHERE id = $1", report.id)


async def test_an_evaluator_without_a_dataset_cannot_be_calibrated(judge: OpenAIJudge) -> None:
    class Lost(TinyEvaluator):
        name = "lost"
        data_package = "tests.judging"

    with pytest.raises(CalibrationError, match=r"lost 0\.1\.0 has no usable calibration dataset"):
        await calibration.calibrate(Lost, judge)


async def test_relevance_with_a_judge_that_answers_its_labels(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    relevance = evaluators().get("relevance")
    cases = relevance.calibration_cases()
    scripted_llm.respond_with(labelled(cases))

    outcome = await calibration.calibrate(relevance, judge)

    assert (outcome.cases, outcome.errors, outcome.mean_abs_error, outcome.pass_agreement,
            outcome.within_tolerance, outcome.within_margin) == (len(cases), 0, 0.0, 1.0,
                                                                 1.0, True)
    assert outcome.rank_correlation == 1.0


async def test_relevance_with_a_judge_that_always_answers_one(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    relevance = evaluators().get("relevance")
    cases = relevance.calibration_cases()
    scripted_llm.respond_with(labelled(cases, score=lambda case: 1.0))

    outcome = await calibration.calibrate(relevance, judge)

    expected_error = round(sum(1.0 - c.expected_score for c in cases) / len(cases), 6)
    passing = sum(1 for c in cases if c.expected_score >= relevance.default_threshold)
    assert (outcome.mean_abs_error, outcome.rank_correlation, outcome.within_margin) == (
        expected_error, None, False)
    assert outcome.pass_agreement == round(passing / len(cases), 6)


async def test_a_plugin_that_raises_on_a_case_counts_it_as_an_error(
    scripted_llm: ScriptedLLM, judge: OpenAIJudge
) -> None:
    class Flaky(TinyEvaluator):
        name = "flaky"
        data_package = "tests.judging.tiny"

        async def evaluate(self, item: EvaluationInput, context: EvaluationContext
                           ) -> EvaluationResult:
            if "gift cards" in item.answer:
                raise ValueError("cannot read this answer")
            return await super().evaluate(item, context)

    scripted_llm.respond_with(labelled(TINY))

    outcome = await calibration.calibrate(Flaky, judge)

    assert [(d.id, d.score, d.error) for d in outcome.deviations if d.error] == [
        ("en-02", None, "PLUGIN_FAILED: flaky raised ValueError in evaluate(): cannot read "
                        "this answer")]
    assert (outcome.errors, outcome.mean_abs_error, outcome.judge_calls) == (1, 0.09375, 7)
