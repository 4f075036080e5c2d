"""Another organization's plans, connections and runs answer exactly like random ids."""

from __future__ import annotations

import asyncpg
import httpx

from assay.ids import new_id
from tests.connectors.agents import Agent
from tests.rest.support import bearer, pk, queued, refusal, runs_path, without_request_id
from tests.runs.world import build
from tests.security.world import snapshot
from tests.support import GraphQLClient, gid


async def test_foreign_ids_answer_like_random_ones_and_change_nothing(
    gql: GraphQLClient, api: httpx.AsyncClient, agent: Agent, redis_dsn: str,
    owner_db: asyncpg.Connection,
) -> None:
    mine = await build(gql, agent)
    theirs = await build(gql, agent)
    started = await api.post(runs_path(theirs.ids["plan"]), headers=bearer(theirs.org.api_key),
                             json={"connection_id": theirs.ids["connection"]})
    their_run = started.json()["id"]
    random_run, random_plan = gid("Run", new_id()), gid("Plan", new_id())
    random_connection = gid("AgentConnection", new_id())
    before = await snapshot(owner_db, theirs.org.id)
    queue_before = await queued(redis_dsn)
    key = bearer(mine.org.api_key)

    def start(plan: str, connection: str) -> tuple[str, str, dict[str, str]]:
        return "POST", runs_path(plan), {"connection_id": connection}

    pairs = [
        (start(theirs.ids["plan"], mine.ids["connection"]),
         start(random_plan, mine.ids["connection"])),
        (start(mine.ids["plan"], theirs.ids["connection"]),
         start(mine.ids["plan"], random_connection)),
        (("GET", f"/api/v1/runs/{their_run}", {}), ("GET", f"/api/v1/runs/{random_run}", {})),
        (("GET", f"/api/v1/runs/{their_run}/results", {}),
         ("GET", f"/api/v1/runs/{random_run}/results", {})),
        (("POST", f"/api/v1/runs/{their_run}/cancel", {}),
         ("POST", f"/api/v1/runs/{random_run}/cancel", {})),
        (("GET", f"/api/v1/runs/{pk(their_run)}", {}),
         ("GET", f"/api/v1/runs/{new_id()}", {})),
    ]
    answers = []
    for foreign, random in pairs:
        got = []
        for method, path, body in (foreign, random):
            response = await api.request(method, path, headers=key,
                                         json=body if method == "POST" and body else None)
            got.append((response.status_code, without_request_id(response)))
            refusal(response)
        answers.append(got)

    assert started.status_code == 201
    assert [foreign == random for foreign, random in answers] == [True] * len(pairs)
    assert [foreign[1]["errors"][0]["extensions"]["code"] for foreign, _ in answers] == [
        "PLAN_NOT_FOUND", "CONNECTION_NOT_FOUND", "RUN_NOT_FOUND", "RUN_NOT_FOUND",
        "RUN_NOT_FOUND", "RUN_NOT_FOUND"]
    assert {foreign[0] for foreign, _ in answers} == {404}
    assert await snapshot(owner_db, theirs.org.id) == before
    assert await queued(redis_dsn) == queue_before

