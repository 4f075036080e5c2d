"""The judge cache against the loopback LLM server: one provider request per distinct
question, per organization; what shapes a verdict is part of the key."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import asyncpg
import pytest

from assay.judges.openai import OpenAIJudge
from assay.judging.cache import CachedJudge, JudgeUsage, cache_key, input_hash
from assay.tenancy.scope import TenantScopeMissing, org_scope
from assay_sdk import JudgeError, JudgeRequest, JudgeSettings
from tests.llm_server import Reply, ScriptedLLM
from tests.support import make_org

QUESTION = JudgeRequest(system="Judge it.", prompt="Is 2 + 2 = 4 right?", temperature=0.9)
VERDICT = Reply(text='{"score": 0.8, "explanation": "mostly"}', input_tokens=30,
                output_tokens=7)


@pytest.fixture
async def judges(scripted_llm: ScriptedLLM) -> AsyncIterator[dict[str, OpenAIJudge]]:
    """Two models behind the same server."""
    opened = {model: OpenAIJudge(JudgeSettings(model=model, base_url=scripted_llm.openai_base_url,
                                               max_attempts=1))
              for model in ("model-a", "model-b")}
    yield opened
    for judge in opened.values():
        await judge.aclose()


def cached(judge: OpenAIJudge, usage: JudgeUsage, *, version: str = "1.0.0",
           prompt_hash: str = "p" * 64, temperature: float = 0.0) -> CachedJudge:
    return CachedJudge(judge, evaluator="relevance", evaluator_version=version,
                       prompt_hash=prompt_hash, temperature=temperature, usage=usage)


async def test_asking_twice_makes_one_provider_request(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge], owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    scripted_llm.respond_with(lambda seen: VERDICT)
    usage = JudgeUsage()

    with org_scope(org.id):
        first = await cached(judges["model-a"], usage).ask(QUESTION)
        second = await cached(judges["model-a"], usage).ask(QUESTION)

    assert len(scripted_llm.requests) == 1
    assert (first.score, first.cached, first.calls, first.input_tokens) == (0.8, False, 1, 30)
    assert (second.score, second.explanation, second.scores, second.spread, second.model) == (
        0.8, "mostly", (0.8,), 0.0, "model-a")
    assert (second.cached, second.calls, second.input_tokens, second.output_tokens) == (
        True, 0, 0, 0)
    assert usage == JudgeUsage(calls=1, cache_hits=1, input_tokens=30, output_tokens=7)
    row = await owner_db.fetchrow("SELECT * FROM judge_cache WHERE organization_id = $1",
                                  org.id)
    stored = JudgeRequest(system=QUESTION.system, prompt=QUESTION.prompt, temperature=0.0)
    assert (row["evaluator"], row["evaluator_version"], row["model"], row["prompt_hash"],
            row["input_hash"]) == ("relevance", "1.0.0", "model-a", "p" * 64,
                                   input_hash(stored))
    assert row["key"] == cache_key(evaluator="relevance", evaluator_version="1.0.0",
                                   provider="openai", model="model-a", prompt_hash="p" * 64,
                                   input_hash=input_hash(stored))
    assert json.loads(row["reply"]) == {
        "score": 0.8, "explanation": "mostly", "scores": [0.8], "spread": 0.0,
        "model": "model-a", "calls": 1, "input_tokens": 30, "output_tokens": 7}


async def test_the_configured_temperature_replaces_the_requests(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge]
) -> None:
    org = await make_org()
    usage = JudgeUsage()

    with org_scope(org.id):
        await cached(judges["model-a"], usage, temperature=0.4).ask(QUESTION)
        await cached(judges["model-a"], usage, temperature=0.4).ask(
            JudgeRequest(system=QUESTION.system, prompt=QUESTION.prompt, temperature=0.0))

    assert [seen.json and seen.json["temperature"] for seen in scripted_llm.requests] == [0.4]
    assert (usage.calls, usage.cache_hits) == (1, 1)


async def test_a_changed_template_model_version_or_input_misses(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge]
) -> None:
    org = await make_org()
    usage = JudgeUsage()

    with org_scope(org.id):
        await cached(judges["model-a"], usage).ask(QUESTION)
        await cached(judges["model-a"], usage, prompt_hash="q" * 64).ask(QUESTION)
        await cached(judges["model-b"], usage).ask(QUESTION)
        await cached(judges["model-a"], usage, version="1.0.1").ask(QUESTION)
        await cached(judges["model-a"], usage).ask(
            JudgeRequest(system=QUESTION.system, prompt="Is 2 + 2 = 5 right?"))
        await cached(judges["model-a"], usage).ask(
            JudgeRequest(system=QUESTION.system, prompt=QUESTION.prompt, samples=2))
        await cached(judges["model-a"], usage).ask(QUESTION)

    # two samples are two completions
    assert (len(scripted_llm.requests), usage.calls, usage.cache_hits) == (7, 7, 1)
    assert [seen.json and seen.json["model"] for seen in scripted_llm.requests] == [
        "model-a", "model-a", "model-b", "model-a", "model-a", "model-a", "model-a"]


async def test_another_organization_never_sees_the_verdict(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge], owner_db: asyncpg.Connection
) -> None:
    org, other = await make_org(), await make_org("Other")
    usage = JudgeUsage()

    with org_scope(org.id):
        await cached(judges["model-a"], usage).ask(QUESTION)
    with org_scope(other.id):
        theirs = await cached(judges["model-a"], usage).ask(QUESTION)

    assert (len(scripted_llm.requests), theirs.cached) == (2, False)
    counts = await owner_db.fetch(
        "SELECT organization_id, count(*) AS n FROM judge_cache "
        "WHERE organization_id = ANY($1::uuid[]) GROUP BY 1", [org.id, other.id])
    assert {row["organization_id"]: row["n"] for row in counts} == {org.id: 1, other.id: 1}


async def test_a_failed_verdict_is_counted_and_not_stored(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge], owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    scripted_llm.enqueue(Reply(status=401, text="Incorrect API key provided."))
    usage = JudgeUsage()

    with org_scope(org.id), pytest.raises(JudgeError) as raised:
        await cached(judges["model-a"], usage).ask(QUESTION)

    assert (raised.value.code, usage) == ("AUTHENTICATION", JudgeUsage(calls=1))
    assert await owner_db.fetchval(
        "SELECT count(*) FROM judge_cache WHERE organization_id = $1", org.id) == 0


async def test_two_workers_racing_on_one_key_both_succeed(
    scripted_llm: ScriptedLLM, judges: dict[str, OpenAIJudge], owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    scripted_llm.respond_with(lambda seen: Reply(text=VERDICT.text, delay=0.2))
    usages = [JudgeUsage(), JudgeUsage()]

    with org_scope(org.id):
        replies = await asyncio.gather(*(cached(judges["model-a"], usage).ask(QUESTION)
                                         for usage in usages))

    assert [(r.score, r.cached) for r in replies] == [(0.8, False), (0.8, False)]
    assert [u.calls for u in usages] == [1, 1]
    assert await owner_db.fetchval(
        "SELECT count(*) FROM judge_cache WHERE organization_id = $1", org.id) == 1


async def test_asking_without_an_organization_in_scope_fails_closed(
    judges: dict[str, OpenAIJudge], scripted_llm: ScriptedLLM
) -> None:
    with pytest.raises(TenantScopeMissing, match="no organization in scope"):
        await cached(judges["model-a"], JudgeUsage()).ask(QUESTION)

    assert scripted_llm.requests == []
