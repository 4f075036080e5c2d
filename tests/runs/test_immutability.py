"""What a run recorded cannot be changed: not by the app role, not by the table owner."""

from __future__ import annotations

import asyncpg
import pytest

from assay.db.security import ORG_SETTING
from assay.db.transactions import tenant_transaction
from assay.runs import service
from assay.settings import Settings
from tests.connectors.agents import Agent
from tests.runs.world import build, drain, get_run, start
from tests.support import GraphQLClient

CHANGES = {
    "UPDATE": 'UPDATE "{table}" SET created_at = created_at WHERE run_id = $1',
    "DELETE": 'DELETE FROM "{table}" WHERE run_id = $1',
}
TABLES = ("run_cases", "run_case_results")


@pytest.fixture
async def finished_run(gql: GraphQLClient, agent: Agent, redis_dsn: str,
                       settings: Settings) -> tuple[object, object]:
    world = await build(gql, agent)
    started = await start(world, settings)
    await drain(redis_dsn)
    return world.org.id, started.run.id


async def _rows(owner_db: asyncpg.Connection, table: str, run_id: object) -> list[str]:
    where = "id" if table == "runs" else "run_id"
    rows = await owner_db.fetch(
        f'SELECT md5(t::text) AS d FROM "{table}" t WHERE {where} = $1 ORDER BY 1', run_id)
    return [row["d"] for row in rows]


@pytest.mark.parametrize("op", list(CHANGES))
@pytest.mark.parametrize("table", TABLES)
async def test_the_app_role_may_not_change_records(
    finished_run: tuple[object, object], app_db: asyncpg.Connection,
    owner_db: asyncpg.Connection, table: str, op: str,
) -> None:
    org_id, run_id = finished_run
    before = await _rows(owner_db, table, run_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=f"permission denied for table {table}"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
            await app_db.execute(CHANGES[op].format(table=table), run_id)

    assert len(before) == 3
    assert await _rows(owner_db, table, run_id) == before


@pytest.mark.parametrize("op", list(CHANGES))
@pytest.mark.parametrize("table", TABLES)
async def test_the_owner_is_stopped_by_the_trigger(
    finished_run: tuple[object, object], owner_db: asyncpg.Connection, table: str, op: str,
) -> None:
    _, run_id = finished_run
    before = await _rows(owner_db, table, run_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=f"assay: {op} on {table} is refused: rows of this table are "
                             "immutable"):
        await owner_db.execute(CHANGES[op].format(table=table), run_id)

    assert await _rows(owner_db, table, run_id) == before


@pytest.mark.parametrize("table", TABLES)
async def test_truncate_is_refused(owner_db: asyncpg.Connection, table: str,
                                   finished_run: tuple[object, object]) -> None:
    _, run_id = finished_run
    before = await _rows(owner_db, table, run_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError, match=f"TRUNCATE on {table}"):
        await owner_db.execute(f'TRUNCATE "{table}" CASCADE')

    assert await _rows(owner_db, table, run_id) == before


async def test_a_finished_run_cannot_change(
    finished_run: tuple[object, object], app_db: asyncpg.Connection,
    owner_db: asyncpg.Connection,
) -> None:
    org_id, run_id = finished_run
    before = await _rows(owner_db, "runs", run_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=r"assay: UPDATE of run .* is refused: a run is immutable once "
                             "COMPLETED"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
            await app_db.execute("UPDATE runs SET passed = 0 WHERE id = $1", run_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="a run is immutable once"):
        await owner_db.execute("UPDATE runs SET status = 'QUEUED' WHERE id = $1", run_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=r"assay: DELETE of run .* is refused"):
        await owner_db.execute("DELETE FROM runs WHERE id = $1", run_id)

    assert await _rows(owner_db, "runs", run_id) == before


async def test_a_queued_run_still_moves_on(
    gql: GraphQLClient, agent: Agent, redis_dsn: str, settings: Settings,
) -> None:
    world = await build(gql, agent)
    started = await start(world, settings)

    async with tenant_transaction(world.org.id):
        run = await service.cancel_run(run_id=started.run.id)
    stored = await get_run(world, started.run.id)

    assert (run.status, stored.status, stored.cancelled) == ("CANCELLED", "CANCELLED", 3)
