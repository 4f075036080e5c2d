"""The Anthropic judge: exactly what it sends."""

from __future__ import annotations

from assay.judges.anthropic import AnthropicJudge
from assay.plugins.registry import judges
from assay_sdk.judges import JudgeRequest
from tests.judges.conftest import KEY, Factory
from tests.llm_server import ScriptedLLM

REQUEST = JudgeRequest(system="You judge answers.", prompt="Question: 2+2? Answer: 4")


def test_it_is_registered_under_anthropic() -> None:
    assert judges().get("anthropic") is AnthropicJudge
    assert AnthropicJudge.default_base_url == "https://api.anthropic.com"


async def test_the_request_is_a_message_at_temperature_0(scripted_llm: ScriptedLLM,
                                                         make_judge: Factory) -> None:
    reply = await make_judge("anthropic", scripted_llm).ask(REQUEST)

    seen = scripted_llm.requests[0]
    assert seen.path == "/v1/messages"
    assert seen.json == {"model": "judge-1", "system": "You judge answers.",
                         "messages": [{"role": "user", "content": "Question: 2+2? Answer: 4"}],
                         "max_tokens": 800, "temperature": 0.0}
    assert seen.headers["x-api-key"] == KEY
    assert seen.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in seen.headers
    assert (reply.score, reply.explanation, reply.input_tokens, reply.output_tokens) == (
        1.0, "scripted", 7, 4)


async def test_a_base_url_ending_in_v1_is_not_doubled(scripted_llm: ScriptedLLM,
                                                      make_judge: Factory) -> None:
    judge = make_judge("anthropic", scripted_llm,
                       base_url=f"{scripted_llm.anthropic_base_url}/v1/")

    await judge.ask(REQUEST)

    assert [seen.path for seen in scripted_llm.requests] == ["/v1/messages"]
