"""The loopback LLM server itself: both protocols' shapes, scripting, errors, recording."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.llm_server import DEFAULT_TEXT, Reply, ScriptedLLM, SeenRequest

ANTHROPIC = {"anthropic-version": "2023-06-01", "x-api-key": "k-1"}


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5) as client:
        yield client


def chat(*texts: str, **extra: Any) -> dict[str, Any]:
    messages = [{"role": "system", "content": "be brief"}]
    messages += [{"role": "user", "content": text} for text in texts]
    return {"model": "m-1", "messages": messages, **extra}


async def test_openai_answers_the_default_verdict_in_the_real_shape(
        scripted_llm: ScriptedLLM, http: httpx.AsyncClient) -> None:
    response = await http.post(f"{scripted_llm.openai_base_url}/chat/completions",
                               json=chat("first", "what is two plus two"))

    assert response.status_code == 200
    assert response.json() == {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1_700_000_000,
        "model": "m-1",
        "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                     "message": {"role": "assistant", "content": DEFAULT_TEXT}}],
        "usage": {"prompt_tokens": 8, "completion_tokens": 4, "total_tokens": 12},
    }
    seen = scripted_llm.requests
    assert [(r.provider, r.path, r.prompt, r.system) for r in seen] == [
        ("openai", "/v1/chat/completions", "what is two plus two", "be brief")]


async def test_openai_honours_n_and_consumes_the_queue_then_the_script(
        scripted_llm: ScriptedLLM, http: httpx.AsyncClient) -> None:
    scripted_llm.enqueue(Reply(text="one two", output_tokens=7), "three")
    scripted_llm.respond_with(lambda seen: f"echo {seen.prompt}")
    url = f"{scripted_llm.openai_base_url}/chat/completions"

    first = (await http.post(url, json=chat("hi", n=2))).json()
    second = (await http.post(url, json=chat("again"))).json()

    assert [c["message"]["content"] for c in first["choices"]] == ["one two", "three"]
    assert first["usage"] == {"prompt_tokens": 3, "completion_tokens": 8, "total_tokens": 11}
    assert second["choices"][0]["message"]["content"] == "echo again"


async def test_openai_errors_have_the_openai_shape(scripted_llm: ScriptedLLM,
                                                    http: httpx.AsyncClient) -> None:
    scripted_llm.enqueue(Reply(status=429, retry_after=2, text="slow down"),
                         Reply(status=500, text="boom"))
    url = f"{scripted_llm.openai_base_url}/chat/completions"

    limited = await http.post(url, json=chat("x"))
    failed = await http.post(url, json=chat("x"))
    bad = await http.post(url, content=b"{not json", headers={"content-type": "application/json"})

    assert (limited.status_code, limited.headers["retry-after"]) == (429, "2")
    assert limited.json() == {"error": {"message": "slow down", "type": "rate_limit_exceeded",
                                        "param": None, "code": "rate_limit_exceeded"}}
    assert (failed.status_code, failed.json()["error"]["type"]) == (500, "server_error")
    assert bad.status_code == 400
    assert bad.json()["error"]["type"] == "invalid_request_error"
    assert scripted_llm.requests[2].json is None
    assert scripted_llm.requests[2].body == "{not json"


async def test_a_key_is_required_when_the_server_has_one(http: httpx.AsyncClient) -> None:
    async with ScriptedLLM(api_key="right") as llm:
        wrong = await http.post(f"{llm.openai_base_url}/chat/completions", json=chat("x"),
                                headers={"authorization": "Bearer wrong"})
        right = await http.post(f"{llm.openai_base_url}/chat/completions", json=chat("x"),
                                headers={"authorization": "Bearer right"})
        anthropic = await http.post(f"{llm.anthropic_base_url}/v1/messages",
                                    json={"model": "m", "max_tokens": 5, "messages": []},
                                    headers={**ANTHROPIC, "x-api-key": "wrong"})

    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "invalid_api_key")
    assert right.status_code == 200
    assert anthropic.status_code == 401
    assert anthropic.json() == {"type": "error", "error": {"type": "authentication_error",
                                                           "message": "invalid x-api-key"}}


async def test_json_mode_can_be_refused(http: httpx.AsyncClient) -> None:
    async with ScriptedLLM(json_mode=False) as llm:
        url = f"{llm.openai_base_url}/chat/completions"
        refused = await http.post(url, json=chat("x", response_format={"type": "json_object"}))
        plain = await http.post(url, json=chat("x"))

    assert refused.status_code == 400
    assert refused.json()["error"]["param"] == "response_format"
    assert plain.status_code == 200


async def test_anthropic_answers_messages_in_the_real_shape(
        scripted_llm: ScriptedLLM, http: httpx.AsyncClient) -> None:
    scripted_llm.enqueue(Reply(text="a verdict", model="claude-x", input_tokens=42))
    body = {"model": "claude-1", "system": "be brief", "max_tokens": 50, "temperature": 0,
            "messages": [{"role": "user", "content": [{"type": "text", "text": "hello you"}]}]}

    response = await http.post(f"{scripted_llm.anthropic_base_url}/v1/messages", json=body,
                               headers=ANTHROPIC)

    assert response.json() == {
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-x",
        "content": [{"type": "text", "text": "a verdict"}], "stop_reason": "end_turn",
        "stop_sequence": None, "usage": {"input_tokens": 42, "output_tokens": 2}}
    seen = scripted_llm.requests[0]
    assert seen == SeenRequest("anthropic", "/v1/messages", seen.headers, body, seen.body,
                               "hello you", "be brief")
    assert (seen.headers["x-api-key"], seen.headers["anthropic-version"]) == ("k-1",
                                                                             "2023-06-01")


async def test_anthropic_refuses_incomplete_requests_and_scripts_overload(
        scripted_llm: ScriptedLLM, http: httpx.AsyncClient) -> None:
    url = f"{scripted_llm.anthropic_base_url}/v1/messages"
    body = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]}
    scripted_llm.enqueue(Reply(status=529, text="Overloaded", retry_after=0))

    no_version = await http.post(url, json=body, headers={"x-api-key": "k"})
    no_max = await http.post(url, json={**body, "max_tokens": None}, headers=ANTHROPIC)
    overloaded = await http.post(url, json=body, headers=ANTHROPIC)

    assert (no_version.status_code, no_max.status_code) == (400, 400)
    assert no_max.json()["error"]["message"] == "max_tokens: Field required"
    assert (overloaded.status_code, overloaded.headers["retry-after"]) == (529, "0")
    assert overloaded.json()["error"] == {"type": "overloaded_error", "message": "Overloaded"}


async def test_a_raw_body_is_sent_as_is(scripted_llm: ScriptedLLM,
                                        http: httpx.AsyncClient) -> None:
    scripted_llm.enqueue(Reply(raw="<html>oops"))

    response = await http.post(f"{scripted_llm.openai_base_url}/chat/completions",
                               json=chat("x"))

    assert (response.status_code, response.text) == (200, "<html>oops")
