"""A built-in LLM evaluator scoring through a real judge over HTTP."""

from __future__ import annotations

from assay_evaluators.relevance import RelevanceEvaluator
from assay_sdk.evaluators import EvaluationContext, EvaluationInput
from assay_sdk.llm import SYSTEM_PROMPT
from tests.judges.conftest import Factory
from tests.llm_server import ScriptedLLM


async def test_relevance_scores_with_the_judges_verdict(scripted_llm: ScriptedLLM,
                                                        make_judge: Factory) -> None:
    scripted_llm.enqueue('{"score": 0.5, "explanation": "partly"}',
                         '{"score": 1, "explanation": "fully"}',
                         '{"score": 0.75, "explanation": "mostly"}')
    judge = make_judge("anthropic", scripted_llm)
    item = EvaluationInput(input="How do I reset my password?",
                           answer="Click 'Forgot password' on the login page.")

    result = await RelevanceEvaluator().evaluate(
        item, EvaluationContext(threshold=0.7, judge=judge, samples=3))

    assert (result.score, result.passed, result.explanation) == (0.75, True, "mostly")
    assert sorted(result.details["scores"]) == [0.5, 0.75, 1.0]
    assert {k: v for k, v in result.details.items() if k != "scores"} == {
        "spread": 0.5, "model": "judge-1", "cached": False}
    seen = scripted_llm.requests[0]
    assert seen.system == SYSTEM_PROMPT
    assert ('<data name="answer">\nClick \'Forgot password\' on the login page.\n</data>'
            in seen.prompt)
