"""Judge.ask with both providers against the loopback server: parsing, repairs, samples,
retries, and the failures that are not retried."""

from __future__ import annotations

import time

import pytest

from assay.connectors.network import NetworkPolicy
from assay_sdk.judges import JudgeError, JudgeReply, JudgeRequest
from tests.judges.conftest import Factory
from tests.llm_server import Reply, ScriptedLLM, SeenRequest

REQUEST = JudgeRequest(system="You judge answers.", prompt="Question: 2+2? Answer: 4")
PROVIDERS = pytest.mark.parametrize("kind", ["openai", "anthropic"])
FOLLOW_UP = ("Your previous reply is not a valid verdict: {}. Reply again with only the JSON "
             'object {{"score": <a number from 0 to 1>, "explanation": "<one to three '
             'sentences>"}} and nothing else.')


def turns(seen: SeenRequest) -> list[tuple[str, str]]:
    """The conversation a request carried, without the system prompt."""
    return [(m["role"], m["content"]) for m in seen.messages if m["role"] != "system"]


@PROVIDERS
@pytest.mark.parametrize(("text", "score", "explanation"), [
    ('{"score": 0.8, "explanation": "correct"}', 0.8, "correct"),
    ('```json\n{"score": 0.3, "explanation": "fenced"}\n```', 0.3, "fenced"),
    ('Sure! {"score": 1, "explanation": "around"} That is all.', 1.0, "around"),
    ('{"score": "0.45", "explanation": "a string"}', 0.45, "a string"),
])
async def test_verdicts_are_parsed(kind: str, text: str, score: float, explanation: str,
                                   scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(text=text, input_tokens=120, output_tokens=15))

    reply = await make_judge(kind, scripted_llm).ask(REQUEST)

    assert reply == JudgeReply(score=score, explanation=explanation, scores=(score,),
                               spread=0.0, model="judge-1", calls=1, input_tokens=120,
                               output_tokens=15)


@PROVIDERS
async def test_a_malformed_reply_is_repaired_with_a_follow_up(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(text="It is good.", input_tokens=10, output_tokens=3),
                         Reply(text='{"score": 0.9, "explanation": "fixed"}', input_tokens=20,
                               output_tokens=8))

    reply = await make_judge(kind, scripted_llm).ask(REQUEST)

    assert (reply.score, reply.explanation, reply.calls) == (0.9, "fixed", 2)
    assert (reply.input_tokens, reply.output_tokens) == (30, 11)
    first, second = scripted_llm.requests
    assert turns(first) == [("user", REQUEST.prompt)]
    assert turns(second) == [("user", REQUEST.prompt), ("assistant", "It is good."),
                             ("user", FOLLOW_UP.format("the reply contains no JSON object"))]
    assert second.system == "You judge answers."


@PROVIDERS
async def test_a_score_outside_the_range_is_sent_back(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue('{"score": 7, "explanation": "out of ten"}',
                         '{"score": 0.7, "explanation": "in range"}')

    reply = await make_judge(kind, scripted_llm).ask(REQUEST)

    assert (reply.score, reply.calls) == (0.7, 2)
    assert scripted_llm.requests[1].prompt == FOLLOW_UP.format(
        "score 7 is outside [0, 1]: use the rubric's anchors from 0 to 1")


@PROVIDERS
async def test_three_malformed_replies_are_malformed(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue("no", '{"score": 2, "explanation": "x"}', '{"score": 0.5}')

    with pytest.raises(JudgeError) as caught:
        await make_judge(kind, scripted_llm).ask(REQUEST)

    assert (caught.value.code, caught.value.calls) == ("MALFORMED", 3)
    title = "OpenAI-compatible" if kind == "openai" else "Anthropic"
    assert caught.value.message == (
        f"{title} model 'judge-1' gave no valid verdict in 3 replies (the last: "
        "\"explanation\" must be a non-empty string): choose a model that follows JSON "
        "instructions, or check the evaluator's prompt")
    assert len(scripted_llm.requests) == 3
    assert turns(scripted_llm.requests[2]) == [
        ("user", REQUEST.prompt), ("assistant", "no"),
        ("user", FOLLOW_UP.format("the reply contains no JSON object")),
        ("assistant", '{"score": 2, "explanation": "x"}'),
        ("user", FOLLOW_UP.format("score 2 is outside [0, 1]: use the rubric's anchors from "
                                  "0 to 1"))]


@PROVIDERS
async def test_samples_give_the_mean_the_spread_and_summed_costs(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(*(Reply(text=f'{{"score": {s}, "explanation": "{name}"}}',
                                 input_tokens=100, output_tokens=10 + i, model="judge-1-0613")
                           for i, (s, name) in enumerate([(0.25, "low"), (0.5, "mid"),
                                                          (0.75, "high")])))

    reply = await make_judge(kind, scripted_llm).ask(
        JudgeRequest(system="s", prompt="p", samples=3))

    assert (reply.score, reply.spread, reply.explanation) == (0.5, 0.5, "mid")
    assert sorted(reply.scores) == [0.25, 0.5, 0.75]
    assert (reply.calls, reply.input_tokens, reply.output_tokens) == (3, 300, 33)
    assert reply.model == "judge-1-0613"
    assert len(scripted_llm.requests) == 3


@PROVIDERS
async def test_a_rate_limit_waits_as_told_then_succeeds(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(status=429, retry_after=1, text="Rate limit reached"),
                         '{"score": 0.6, "explanation": "after the wait"}')
    started = time.monotonic()

    reply = await make_judge(kind, scripted_llm).ask(REQUEST)

    assert time.monotonic() - started >= 1.0
    assert (reply.score, reply.explanation, reply.calls) == (0.6, "after the wait", 2)
    assert len(scripted_llm.requests) == 2


@PROVIDERS
async def test_a_rate_limit_that_lasts_gives_up_after_every_attempt(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.respond_with(lambda seen: Reply(status=429, retry_after=0, text="limited"))

    with pytest.raises(JudgeError) as caught:
        await make_judge(kind, scripted_llm, max_attempts=2).ask(REQUEST)

    error = caught.value
    assert (error.code, error.calls, error.retry_after) == ("RATE_LIMITED", 2, 0.0)
    assert error.message.startswith(
        f"{'OpenAI-compatible' if kind == 'openai' else 'Anthropic'} endpoint answered 429 "
        "(limited): the provider is rate limiting this key")
    assert error.message.endswith("(gave up after 2 attempts)")
    assert len(scripted_llm.requests) == 2


@PROVIDERS
async def test_a_server_error_is_retried_with_backoff(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    status = 500 if kind == "openai" else 529
    scripted_llm.enqueue(Reply(status=status, text="try later"),
                         '{"score": 0.4, "explanation": "recovered"}')
    started = time.monotonic()

    reply = await make_judge(kind, scripted_llm).ask(REQUEST)

    assert time.monotonic() - started >= 0.4  # the first backoff: 0.5 s +-20 %
    assert (reply.score, reply.calls) == (0.4, 2)


@PROVIDERS
async def test_a_refused_key_is_not_retried(kind: str, make_judge: Factory) -> None:
    async with ScriptedLLM(api_key="the-right-key") as llm:
        with pytest.raises(JudgeError) as caught:
            await make_judge(kind, llm).ask(REQUEST)

        assert (caught.value.code, caught.value.calls) == ("AUTHENTICATION", 1)
        assert "set the judge's key again with updateJudge" in caught.value.message
        assert len(llm.requests) == 1


@PROVIDERS
async def test_the_guard_refuses_loopback_before_anything_is_sent(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    judge = make_judge(kind, scripted_llm, guard=NetworkPolicy(allow_private=False))

    with pytest.raises(JudgeError) as caught:
        await judge.ask(REQUEST)

    assert (caught.value.code, caught.value.calls) == ("SSRF_REFUSED", 0)
    assert "ASSAY_ALLOW_PRIVATE_TARGETS=true" in caught.value.message
    assert scripted_llm.requests == []


@PROVIDERS
async def test_a_slow_provider_times_out(kind: str, scripted_llm: ScriptedLLM,
                                         make_judge: Factory) -> None:
    scripted_llm.respond_with(lambda seen: Reply(delay=1.0))

    with pytest.raises(JudgeError) as caught:
        await make_judge(kind, scripted_llm, timeout_s=0.2, max_attempts=1).ask(REQUEST)

    assert (caught.value.code, caught.value.calls) == ("TIMEOUT", 1)
    assert "did not answer within 0.2 s" in caught.value.message


@PROVIDERS
async def test_nothing_listening_is_unavailable_after_every_attempt(
        kind: str, make_judge: Factory) -> None:
    async with ScriptedLLM() as gone:
        pass  # its port is now closed

    with pytest.raises(JudgeError) as caught:
        await make_judge(kind, gone, max_attempts=2).ask(REQUEST)

    assert (caught.value.code, caught.value.calls) == ("UNAVAILABLE", 2)
    assert "check the base URL and that the service is up" in caught.value.message


async def test_samples_below_one_are_refused(scripted_llm: ScriptedLLM,
                                             make_judge: Factory) -> None:
    with pytest.raises(JudgeError) as caught:
        await make_judge("openai", scripted_llm).ask(JudgeRequest(system="s", prompt="p",
                                                                  samples=0))

    assert caught.value.code == "CONFIGURATION"
    assert scripted_llm.requests == []


async def test_failing_samples_fail_the_ask_with_every_call_counted(
        scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.respond_with(lambda seen: "never a verdict")

    with pytest.raises(JudgeError) as caught:
        await make_judge("openai", scripted_llm).ask(JudgeRequest(system="s", prompt="p",
                                                                  samples=2))

    assert (caught.value.code, caught.value.calls) == ("MALFORMED", 6)
    assert len(scripted_llm.requests) == 6


def test_waits_follow_retry_after_capped_or_back_off_exponentially(
        scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    judge = make_judge("openai", scripted_llm)

    assert judge.wait_s(1, 2.5) == 2.5
    assert judge.wait_s(1, 3600) == 60.0
    assert [0.4 <= judge.wait_s(1, None) <= 0.6, 0.8 <= judge.wait_s(2, None) <= 1.2,
            1.6 <= judge.wait_s(3, None) <= 2.4] == [True, True, True]
    assert judge.wait_s(12, None) == 60.0
