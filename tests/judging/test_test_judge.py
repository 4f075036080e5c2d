"""testJudge: one real verdict from the loopback LLM server, or why not; never the key."""

from __future__ import annotations

import json
import logging
import uuid

import asyncpg
import pytest

from assay.connectors.network import HOW_TO_ALLOW
from tests.judging.support import CONFIGURE, DELETE, JUDGES, TEST, UPDATE, configure, judge_input
from tests.llm_server import Reply, ScriptedLLM
from tests.support import GraphQLClient, gid, make_org, owner

SECRET = "sk-probe-secret-6b2d8f0a4c"


async def test_a_working_judge_gives_its_verdict(
    private_gql: GraphQLClient, scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    caller = await owner(org)
    judge = await configure(private_gql, caller, model="probe-model", temperature=0.3,
                            baseUrl=scripted_llm.openai_base_url, apiKey=SECRET)
    scripted_llm.enqueue(Reply(text='{"score": 0.9, "explanation": "correct sum"}',
                               input_tokens=120, output_tokens=9))

    body = await private_gql.post(TEST, {"id": judge["id"]}, caller)

    result = body["data"]["testJudge"]
    assert result["latencyMs"] > 0
    assert {k: v for k, v in result.items() if k != "latencyMs"} == {
        "__typename": "TestJudgeSuccess", "ok": True, "score": 0.9,
        "explanation": "correct sum", "model": "probe-model", "calls": 1,
        "inputTokens": 120, "outputTokens": 9, "judge": {"id": judge["id"], "name": "Main"},
        "failure": None}
    seen = scripted_llm.requests[0]
    assert (len(scripted_llm.requests), seen.path, seen.headers["authorization"]) == (
        1, "/v1/chat/completions", f"Bearer {SECRET}")
    assert seen.json is not None and (seen.json["model"], seen.json["temperature"]) == (
        "probe-model", 0.3)
    assert "What is 2 + 2?" in seen.prompt
    assert SECRET not in json.dumps(body)
    events = await owner_db.fetch(
        "SELECT details FROM audit_events WHERE organization_id = $1 AND action = "
        "'judge.test'", org.id)
    assert [json.loads(e["details"]) for e in events] == [
        {"ok": True, "error_code": None, "calls": 1}]


async def test_a_wrong_key_is_an_authentication_failure_after_one_call(
    private_gql: GraphQLClient
) -> None:
    org = await make_org()
    caller = await owner(org)
    async with ScriptedLLM(api_key="the-right-key-0123456789") as llm:
        judge = await configure(private_gql, caller, baseUrl=llm.openai_base_url,
                                apiKey=SECRET)

        body = await private_gql.post(TEST, {"id": judge["id"]}, caller)

        assert len(llm.requests) == 1
    result = body["data"]["testJudge"]
    assert (result["ok"], result["score"], result["calls"], result["failure"]["code"]) == (
        False, None, 1, "AUTHENTICATION")
    assert result["failure"]["message"]
    assert SECRET not in json.dumps(body)


async def test_a_loopback_judge_is_refused_unless_the_operator_allows_it(
    gql: GraphQLClient, scripted_llm: ScriptedLLM
) -> None:
    org = await make_org()
    caller = await owner(org)
    judge = await configure(gql, caller, baseUrl=scripted_llm.openai_base_url)

    result = (await gql.data(TEST, {"id": judge["id"]}, caller))["testJudge"]

    assert (result["ok"], result["calls"], result["failure"]["code"]) == (
        False, 0, "SSRF_REFUSED")
    assert HOW_TO_ALLOW in result["failure"]["message"]
    assert scripted_llm.requests == []


async def test_an_unknown_judge_is_not_found(gql: GraphQLClient) -> None:
    org = await make_org()

    result = (await gql.data(TEST, {"id": gid("Judge", uuid.uuid4())}, await owner(org)))

    assert result["testJudge"] == {
        "__typename": "NotFoundError", "code": "NOT_FOUND",
        "message": "Judge not found: check the id, and that you have access to it"}


async def test_no_key_in_any_response_event_or_log(
    private_gql: GraphQLClient, scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection,
    caplog: pytest.LogCaptureFixture
) -> None:
    org = await make_org()
    caller = await owner(org)
    secrets = [f"sk-{name}-secret-1e3c5a7b9d" for name in ("first", "second", "bad", "dup")]
    with caplog.at_level(logging.DEBUG):
        created = await private_gql.post(CONFIGURE, {"input": judge_input(
            baseUrl=scripted_llm.openai_base_url, apiKey=secrets[0])}, caller)
        judge_id = created["data"]["configureJudge"]["judge"]["id"]
        bodies = [
            created,
            await private_gql.post(UPDATE, {"input": {"id": judge_id, "apiKey": secrets[1]}},
                                   caller),
            await private_gql.post(UPDATE, {"input": {"id": judge_id, "apiKey": secrets[2],
                                                      "samples": 99}}, caller),
            await private_gql.post(CONFIGURE, {"input": judge_input(apiKey=secrets[3])},
                                   caller),
            await private_gql.post(TEST, {"id": judge_id}, caller),
            await private_gql.post(JUDGES, caller=caller),
            await private_gql.post(DELETE, {"id": judge_id}, caller),
        ]

    assert [b["_status"] for b in bodies] == [200] * len(bodies)
    assert [next(iter(b["data"].values())).get("__typename") for b in bodies[:5]] == [
        "ConfigureJudgeSuccess", "UpdateJudgeSuccess", "ValidationError", "ConflictError",
        "TestJudgeSuccess"]
    events = await owner_db.fetchval(
        "SELECT string_agg(details::text || action, ' ') FROM audit_events "
        "WHERE organization_id = $1", org.id)
    for secret in secrets:
        assert secret not in json.dumps(bodies)
        assert secret not in events
        assert secret not in caplog.text
    assert scripted_llm.requests[0].headers["authorization"] == f"Bearer {secrets[1]}"
