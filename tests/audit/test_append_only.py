"""Append-only tables: the app role may not change rows, and the owner is stopped by triggers."""

from __future__ import annotations

import asyncpg
import pytest

from assay.db.security import APPEND_ONLY_TABLES, ORG_SETTING
from tests.security.world import fill_every_table
from tests.support import Org, make_org

CHANGES = {
    "UPDATE": 'UPDATE "{table}" SET created_at = created_at WHERE organization_id = $1',
    "DELETE": 'DELETE FROM "{table}" WHERE organization_id = $1',
    "TRUNCATE": 'TRUNCATE "{table}" CASCADE',
}
CASES = [(table, op) for table in APPEND_ONLY_TABLES for op in CHANGES]


@pytest.fixture(scope="module")
async def org(database: object) -> Org:
    org = await make_org("Append only")
    await fill_every_table(org)
    return org


async def _rows(owner_db: asyncpg.Connection, table: str) -> list[str]:
    rows = await owner_db.fetch(f'SELECT md5(t::text) AS d FROM "{table}" t ORDER BY 1')
    return [row["d"] for row in rows]


def test_every_snapshot_table_is_append_only() -> None:
    assert set(APPEND_ONLY_TABLES) == {
        "audit_events", "test_case_versions", "run_cases", "run_case_results",
        "run_case_artifacts"}


@pytest.mark.parametrize(("table", "op"), CASES)
async def test_app_role_is_refused(
    org: Org, app_db: asyncpg.Connection, owner_db: asyncpg.Connection, table: str, op: str
) -> None:
    before = await _rows(owner_db, table)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=f"permission denied for table {table}"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org.id))
            await app_db.execute(CHANGES[op].format(table=table),
                                 *([] if op == "TRUNCATE" else [org.id]))

    assert before != []
    assert await _rows(owner_db, table) == before


@pytest.mark.parametrize(("table", "op"), CASES)
async def test_owner_is_stopped_by_the_trigger(
    org: Org, owner_db: asyncpg.Connection, table: str, op: str
) -> None:
    before = await _rows(owner_db, table)

    with pytest.raises(
        asyncpg.InsufficientPrivilegeError,
        match=f"assay: {op} on {table} is refused: rows of this table are immutable",
    ):
        await owner_db.execute(CHANGES[op].format(table=table),
                               *([] if op == "TRUNCATE" else [org.id]))

    assert await _rows(owner_db, table) == before
