"""What an evaluation recorded cannot be changed: not by the app role, not by the table owner."""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from assay.db.security import ORG_SETTING
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.evaluations.world import (
    add_judge,
    build,
    drain_evaluations,
    enable,
    evaluate,
    finished_run,
    pk,
)
from tests.llm_server import ScriptedLLM
from tests.support import GraphQLClient


@pytest.fixture
async def completed(gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
                    worker_settings: Settings, scripted_llm: ScriptedLLM
                    ) -> tuple[uuid.UUID, uuid.UUID]:
    """(organization, evaluation) of a COMPLETED evaluation of two cases."""
    world = await build(gql, agent, cases=("refund", "open"))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance")
    created = await evaluate(gql, world, ["relevance"])
    await drain_evaluations(redis_dsn, worker_settings)
    return world.org.id, pk(created["evaluation"]["id"])


async def _rows(owner_db: asyncpg.Connection, table: str, evaluation_id: uuid.UUID
                ) -> list[str]:
    where = "id" if table == "evaluations" else "evaluation_id"
    rows = await owner_db.fetch(
        f'SELECT md5(t::text) AS d FROM "{table}" t WHERE {where} = $1 ORDER BY 1',
        evaluation_id)
    return [row["d"] for row in rows]


async def test_a_completed_evaluation_cannot_change(
    completed: tuple[uuid.UUID, uuid.UUID], app_db: asyncpg.Connection,
    owner_db: asyncpg.Connection,
) -> None:
    org_id, evaluation_id = completed
    before = await _rows(owner_db, "evaluations", evaluation_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=r"assay: UPDATE of evaluation .* is refused: an evaluation is "
                             "immutable once COMPLETED"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
            await app_db.execute("UPDATE evaluations SET overall_score = 1 WHERE id = $1",
                                 evaluation_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match="an evaluation is immutable once COMPLETED"):
        await owner_db.execute("UPDATE evaluations SET status = 'RUNNING' WHERE id = $1",
                               evaluation_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=r"assay: DELETE of evaluation .* is refused"):
        await owner_db.execute("DELETE FROM evaluations WHERE id = $1", evaluation_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="TRUNCATE on evaluations"):
        await owner_db.execute('TRUNCATE "evaluations" CASCADE')

    assert len(before) == 1
    assert await _rows(owner_db, "evaluations", evaluation_id) == before


async def test_the_app_role_may_not_delete_an_evaluation(
    completed: tuple[uuid.UUID, uuid.UUID], app_db: asyncpg.Connection,
    owner_db: asyncpg.Connection,
) -> None:
    org_id, evaluation_id = completed
    before = await _rows(owner_db, "evaluations", evaluation_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match="permission denied for table evaluations"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
            await app_db.execute("DELETE FROM evaluations WHERE id = $1", evaluation_id)

    assert await _rows(owner_db, "evaluations", evaluation_id) == before


@pytest.mark.parametrize("statement", [
    "UPDATE evaluation_case_results SET score = 0 WHERE evaluation_id = $1",
    "DELETE FROM evaluation_case_results WHERE evaluation_id = $1",
])
async def test_case_results_are_append_only(
    completed: tuple[uuid.UUID, uuid.UUID], app_db: asyncpg.Connection,
    owner_db: asyncpg.Connection, statement: str,
) -> None:
    org_id, evaluation_id = completed
    before = await _rows(owner_db, "evaluation_case_results", evaluation_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match="permission denied for table evaluation_case_results"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
            await app_db.execute(statement, evaluation_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match="on evaluation_case_results is refused"):
        await owner_db.execute(statement, evaluation_id)

    assert len(before) == 2
    assert await _rows(owner_db, "evaluation_case_results", evaluation_id) == before


async def test_a_running_evaluation_still_moves_on(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
    scripted_llm: ScriptedLLM, owner_db: asyncpg.Connection,
) -> None:
    world = await build(gql, agent, cases=("refund",))
    await finished_run(world, settings, redis_dsn)
    await add_judge(gql, world, scripted_llm)
    await enable(gql, world, "relevance")
    created = await evaluate(gql, world, ["relevance"])
    evaluation_id = pk(created["evaluation"]["id"])

    await owner_db.execute("UPDATE evaluations SET status = 'RUNNING' WHERE id = $1",
                           evaluation_id)

    assert await owner_db.fetchval("SELECT status FROM evaluations WHERE id = $1",
                                   evaluation_id) == "RUNNING"
