"""The OpenAI-compatible judge: exactly what it sends, and how it adapts to servers that
lack JSON mode or ``max_tokens``."""

from __future__ import annotations

import pytest

from assay.judges.openai import OpenAIJudge
from assay.plugins.registry import judges
from assay_sdk.judges import JudgeError, JudgeRequest
from tests.judges.conftest import KEY, Factory
from tests.llm_server import Reply, ScriptedLLM

REQUEST = JudgeRequest(system="You judge answers.", prompt="Question: 2+2? Answer: 4")
VERDICT = '{"score": 1, "explanation": "right"}'


def test_it_is_registered_under_openai() -> None:
    assert judges().get("openai") is OpenAIJudge
    assert OpenAIJudge.default_base_url == "https://api.openai.com/v1"


async def test_the_request_is_a_chat_completion_in_json_mode_at_temperature_0(
        scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    judge = make_judge("openai", scripted_llm, headers={"OpenAI-Organization": "org-7"})

    await judge.ask(REQUEST)

    seen = scripted_llm.requests[0]
    assert seen.path == "/v1/chat/completions"
    assert seen.json == {
        "model": "judge-1",
        "messages": [{"role": "system", "content": "You judge answers."},
                     {"role": "user", "content": "Question: 2+2? Answer: 4"}],
        "temperature": 0.0, "max_tokens": 800, "response_format": {"type": "json_object"}}
    assert seen.headers["authorization"] == f"Bearer {KEY}"
    assert seen.headers["openai-organization"] == "org-7"
    assert seen.headers["user-agent"] == "assay-judge-openai/1.0.0"
    assert seen.headers["content-type"] == "application/json"


async def test_a_keyless_server_gets_no_authorization(scripted_llm: ScriptedLLM,
                                                      make_judge: Factory) -> None:
    await make_judge("openai", scripted_llm, api_key=None).ask(
        JudgeRequest(system="s", prompt="p", temperature=0.7, max_tokens=50))

    seen = scripted_llm.requests[0]
    assert "authorization" not in seen.headers
    assert (seen.json or {})["temperature"] == 0.7
    assert (seen.json or {})["max_tokens"] == 50


async def test_without_json_mode_it_asks_again_without_it_and_remembers(
        make_judge: Factory) -> None:
    async with ScriptedLLM(json_mode=False) as llm:
        judge = make_judge("openai", llm)

        first = await judge.ask(REQUEST)
        second = await judge.ask(REQUEST)

        assert (first.score, first.calls, second.calls) == (1.0, 2, 1)
        assert ["response_format" in (seen.json or {}) for seen in llm.requests] == [
            True, False, False]


async def test_a_model_wanting_max_completion_tokens_gets_it(
        scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(status=400, text=(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
        "'max_completion_tokens' instead.")), VERDICT)

    reply = await make_judge("openai", scripted_llm).ask(REQUEST)

    retried = scripted_llm.requests[1].json or {}
    assert (reply.calls, retried["max_completion_tokens"], "max_tokens" in retried) == (
        2, 800, False)


async def test_another_400_is_a_configuration_error_at_once(
        scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(status=404, text="The model `judge-1` does not exist"))

    with pytest.raises(JudgeError) as caught:
        await make_judge("openai", scripted_llm).ask(REQUEST)

    assert (caught.value.code, caught.value.calls) == ("CONFIGURATION", 1)
    assert caught.value.message == (
        "OpenAI-compatible endpoint answered 404 (The model `judge-1` does not exist): check "
        "the judge's base URL and model 'judge-1'")


async def test_a_refusal_without_content_is_repaired(scripted_llm: ScriptedLLM,
                                                     make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(raw='{"choices": [{"message": {"content": null}}]}'), VERDICT)

    reply = await make_judge("openai", scripted_llm).ask(REQUEST)

    assert (reply.score, reply.calls) == (1.0, 2)
    assert scripted_llm.requests[1].messages[2] == {"role": "assistant",
                                                    "content": "(empty reply)"}
    assert scripted_llm.requests[1].prompt.startswith(
        "Your previous reply is not a valid verdict: the reply is empty.")
    assert reply.model == "judge-1"
