"""POST /api/v1/runs/{run_id}/evaluations and GET /api/v1/evaluations/{evaluation_id}: an
evaluation from CI, scored by the real workers with the scripted judge, and every refusal."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import asyncpg
import httpx
import pytest
from jsonschema import Draft202012Validator

from assay.auth.models import ApiKeyScope
from assay.graphql.relay import encode_id
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    EvalWorld,
    add_judge,
    build,
    counts,
    drain_evaluations,
    enable,
    finished_run,
    scripted,
    start_run,
)
from tests.llm_server import ScriptedLLM
from tests.rest.support import bearer, queued, read_key, refusal
from tests.support import GraphQLClient

SCORES = {("relevance", "refund"): 0.9, ("relevance", "open"): 0.4}


def evaluations_path(world: EvalWorld) -> str:
    return f"/api/v1/runs/{world.run_gid}/evaluations"


async def _ready(gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
                 llm: ScriptedLLM) -> EvalWorld:
    world = await build(gql, agent, cases=("refund", "open"))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, llm)
    await enable(gql, world, "relevance")
    llm.respond_with(scripted(SCORES))
    return world


async def _post(api: httpx.AsyncClient, world: EvalWorld, body: Any,
                key: str | None = None, idempotency: str | None = None) -> httpx.Response:
    headers = bearer(key or world.org.api_key)
    if idempotency is not None:
        headers["idempotency-key"] = idempotency
    return await api.post(evaluations_path(world), json=body, headers=headers)


async def _document(api: httpx.AsyncClient) -> dict[str, Any]:
    document: dict[str, Any] = (await api.get("/api/v1/openapi.json")).json()
    return document


def _valid(document: dict[str, Any], name: str, value: Any) -> list[str]:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(value)]


async def test_an_evaluation_is_created_queued_scored_and_read_back(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    settings: Settings, scripted_llm: ScriptedLLM,
) -> None:
    world = await _ready(gql, agent, redis_dsn, settings, scripted_llm)
    document = await _document(api)

    created = await _post(api, world, {"evaluators": ["relevance"],
                                       "thresholds": {"relevance": 0.5},
                                       "weights": {"relevance": 3}})
    jobs = await queued(redis_dsn)
    await drain_evaluations(redis_dsn, replace(settings, allow_private_targets=True))
    read = await api.get(created.headers["location"], headers=bearer(world.org.api_key))

    body = read.json()
    gid = body["id"]
    assert created.status_code == 201
    assert created.headers["location"] == f"/api/v1/evaluations/{gid}"
    assert (created.json()["status"], created.json()["counts"]["pending"], jobs) == (
        "QUEUED", 2, 2)
    assert read.status_code == 200
    assert {k: v for k, v in body.items()
            if k not in ("judge", "created_at", "started_at", "finished_at")} == {
        "id": gid, "status": "COMPLETED", "run_id": world.run_gid,
        "evaluators": [{"slug": "relevance", "version": "1.0.0", "threshold": 0.5,
                        "weight": 3.0, "uses_judge": True}],
        "counts": {"total": 2, "done": 2, "passed": 1, "failed": 1, "errored": 0,
                   "pii_leaks": 0, "pending": 0},
        "overall_score": pytest.approx(0.65), "pass_rate": 0.5,
        "summary": [{"evaluator": "relevance", "mean": pytest.approx(0.65), "passed": 1,
                     "failed": 1, "skipped": 0, "errored": 0}],
        "usage": {"judge_calls": 2, "cache_hits": 0, "input_tokens": 20, "output_tokens": 10},
        "links": {"self": f"/api/v1/evaluations/{gid}",
                  "run": f"/api/v1/runs/{world.run_gid}"},
    }
    assert body["judge"] == {"id": world.ids["judge"], "name": "Loopback",
                             "provider": "openai", "model": "judge-model"}
    assert _valid(document, "Evaluation", created.json()) == []
    assert _valid(document, "Evaluation", body) == []


async def test_the_same_idempotency_key_answers_200_and_queues_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    settings: Settings, scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection,
) -> None:
    world = await _ready(gql, agent, redis_dsn, settings, scripted_llm)
    first = await _post(api, world, {"evaluators": ["relevance"]}, idempotency="ci-7")
    after_first = (await queued(redis_dsn), await counts(owner_db, world.org.id))

    again = await _post(api, world, {"evaluators": ["relevance"]}, idempotency="ci-7")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert (await queued(redis_dsn), await counts(owner_db, world.org.id)) == after_first


async def test_every_refusal_names_its_code_and_writes_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    settings: Settings, scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection,
) -> None:
    world = await _ready(gql, agent, redis_dsn, settings, scripted_llm)
    unfinished = await build(gql, agent, cases=("refund",))
    await start_run(unfinished)
    reader = await read_key(world.org, ApiKeyScope.READ)
    for key in (reader, world.org.api_key):  # a key's first use is audited: not counted here
        await api.get(f"/api/v1/evaluations/{encode_id('Evaluation', uuid.uuid4())}",
                      headers=bearer(key))
    before = await counts(owner_db, world.org.id)

    answers = [
        await _post(api, world, {"evaluators": ["relevance"]}, key=reader),
        await _post(api, world, {"evaluators": ["relevance", "nope"]}),
        await _post(api, world, {"evaluators": "relevance"}),
        await _post(api, world, {"evaluators": ["relevance"], "colour": "red"}),
        await _post(api, world, {"evaluators": ["relevance"], "thresholds": {"relevance": 2}}),
        await _post(api, world, {"evaluators": ["relevance"]}, idempotency=" "),
        await _post(api, world, {"evaluators": ["tone"]}),
        await _post(api, world, {"evaluators": ["relevance"],
                                 "judge_id": encode_id("Judge", uuid.uuid4())}),
        await _post(api, unfinished, {"evaluators": ["answer_length_unknown"]}),
        await _post(api, unfinished, {"evaluators": ["relevance"]}),
    ]
    missing = await api.get(f"/api/v1/evaluations/{encode_id('Evaluation', uuid.uuid4())}",
                            headers=bearer(world.org.api_key))

    found = [(*refusal(answer)[:2], refusal(answer)[3]) for answer in answers]
    assert found == [
        (403, "FORBIDDEN", None),
        (422, "INVALID_INPUT", "evaluators.1"),
        (422, "INVALID_INPUT", "evaluators"),
        (422, "INVALID_INPUT", "colour"),
        (422, "INVALID_INPUT", "thresholds.relevance"),
        (422, "INVALID_INPUT", "Idempotency-Key"),
        (409, "EVALUATOR_NOT_ENABLED", None),
        (404, "JUDGE_NOT_FOUND", None),
        (422, "INVALID_INPUT", "evaluators.0"),
        (409, "RUN_NOT_FINISHED", None),
    ]
    assert refusal(answers[1])[2] == (
        "evaluators.1: unknown evaluator 'nope': choose among "
        + ", ".join(sorted(_loaded())))
    assert refusal(missing)[:2] == (404, "EVALUATION_NOT_FOUND")
    assert await counts(owner_db, world.org.id) == before
    assert await queued(redis_dsn) == 0


def _loaded() -> list[str]:
    from assay.plugins.registry import evaluators

    return list(evaluators().plugins)
