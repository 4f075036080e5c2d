"""What every judge shares over HTTP: secrets kept out of errors and logs, bounded answers,
URL checks, and how statuses and Retry-After headers are read."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from assay.judges.http import MAX_RESPONSE_BYTES, retry_after
from assay_sdk.judges import JudgeError, JudgeReply, JudgeRequest, JudgeSettings
from tests.judges.conftest import KEY, Factory
from tests.llm_server import Reply, ScriptedLLM

REQUEST = JudgeRequest(system="s", prompt="p")
HEADER_SECRET = "hdr-secret-Vb71nQ"


async def failure(call: Awaitable[JudgeReply]) -> JudgeError:
    with pytest.raises(JudgeError) as caught:
        await call
    return caught.value


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_the_key_is_in_no_error_and_no_log_record(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"Incorrect API key provided: {KEY}; header {HEADER_SECRET}"
    scripted_llm.enqueue(Reply(status=401, text=echo), Reply(status=400, text=echo),
                         Reply(status=500, text=echo))
    judge = make_judge(kind, scripted_llm, max_attempts=1,
                       headers={"x-gateway-token": HEADER_SECRET})

    errors = [await failure(judge.ask(REQUEST)) for _ in range(3)]
    await judge.ask(REQUEST)  # a success logs too

    assert [e.code for e in errors] == ["AUTHENTICATION", "CONFIGURATION", "UNAVAILABLE"]
    for error in errors:
        assert "Incorrect API key provided: [secret]; header [secret]" in error.message
        for text in (str(error), repr(error), error.message, repr(error.args)):
            assert KEY not in text
            assert HEADER_SECRET not in text
    assert caplog.records  # httpx logged the requests
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert KEY not in logged
    assert HEADER_SECRET not in logged
    assert KEY not in repr(judge.settings)
    assert scripted_llm.requests[0].headers["x-gateway-token"] == HEADER_SECRET


async def test_an_answer_over_one_megabyte_is_refused(scripted_llm: ScriptedLLM,
                                                      make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(raw="x" * (MAX_RESPONSE_BYTES + 1)))

    error = await failure(make_judge("openai", scripted_llm).ask(REQUEST))

    assert (error.code, error.calls) == ("CONFIGURATION", 1)
    assert error.message == (
        "OpenAI-compatible endpoint answered more than 1 MB, which no verdict needs: check "
        "that the base URL points at the provider's API")


async def test_an_answer_just_under_the_limit_is_read(scripted_llm: ScriptedLLM,
                                                      make_judge: Factory) -> None:
    padding = " " * (MAX_RESPONSE_BYTES - 200)
    scripted_llm.enqueue(Reply(raw='{"choices": [{"message": {"content": '
                               '"{\\"score\\": 0.5, \\"explanation\\": \\"big\\"}"}}]}'
                               + padding))

    reply = await make_judge("openai", scripted_llm).ask(REQUEST)

    assert (reply.score, reply.explanation) == (0.5, "big")


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_an_answer_in_another_shape_is_a_configuration_error(
        kind: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(raw="<html>a login page</html>"))

    error = await failure(make_judge(kind, scripted_llm).ask(REQUEST))

    assert (error.code, error.calls) == ("CONFIGURATION", 1)
    assert "did not answer in the" in error.message
    assert error.message.endswith("check that the base URL points at a compatible API")


@pytest.mark.parametrize("base_url", ["ftp://example.com/v1", "not a url", "http:///v1"])
async def test_a_base_url_that_is_not_http_is_refused_before_sending(
        base_url: str, scripted_llm: ScriptedLLM, make_judge: Factory) -> None:
    error = await failure(make_judge("openai", scripted_llm, base_url=base_url).ask(REQUEST))

    assert (error.code, error.calls) == ("CONFIGURATION", 0)
    assert error.message == (f"the judge's base URL {base_url!r} is not an http(s) URL: "
                             "write it as https://host/v1")


async def test_an_exhausted_quota_is_not_retried(scripted_llm: ScriptedLLM,
                                                 make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(raw='{"error": {"message": "You exceeded your current quota",'
                               ' "type": "insufficient_quota", "code": "insufficient_quota"}}',
                               status=429))

    error = await failure(make_judge("openai", scripted_llm).ask(REQUEST))

    assert (error.code, error.calls) == ("CONFIGURATION", 1)
    assert error.message == (
        "OpenAI-compatible endpoint answered 429 (You exceeded your current quota): the "
        "provider account has no quota left; add credit or use another key")


async def test_a_forbidden_model_is_an_authentication_error(scripted_llm: ScriptedLLM,
                                                            make_judge: Factory) -> None:
    scripted_llm.enqueue(Reply(status=403, text="not allowed"))

    error = await failure(make_judge("anthropic", scripted_llm).ask(REQUEST))

    assert (error.code, error.calls) == ("AUTHENTICATION", 1)
    assert error.message == (
        "Anthropic endpoint answered 403 (not allowed): the provider does not let this key "
        "use model 'judge-1': check the key's permissions or choose another model")


def test_retry_after_reads_milliseconds_seconds_and_http_dates() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)

    assert retry_after(httpx.Headers({"retry-after-ms": "1500", "retry-after": "9"})) == 1.5
    assert retry_after(httpx.Headers({"retry-after": "3"})) == 3.0
    assert 28.0 <= (retry_after(httpx.Headers({"retry-after": later})) or 0.0) <= 30.0
    assert retry_after(httpx.Headers({"retry-after": "soon"})) is None
    assert retry_after(httpx.Headers({})) is None


async def test_an_http_date_retry_after_is_honoured(scripted_llm: ScriptedLLM,
                                                    make_judge: Factory) -> None:
    past = format_datetime(datetime.now(UTC) - timedelta(seconds=5), usegmt=True)
    scripted_llm.enqueue(Reply(status=429, retry_after=past, text="wait"))

    reply = await make_judge("openai", scripted_llm).ask(REQUEST)

    assert (reply.score, reply.calls) == (1.0, 2)


def test_settings_never_show_the_key() -> None:
    settings = JudgeSettings(model="m", api_key=KEY, headers={"x": HEADER_SECRET})

    assert KEY not in repr(settings)
    assert HEADER_SECRET not in repr(settings)
