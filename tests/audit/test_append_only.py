"""Append-only tables: the app role may not change rows, and the owner is stopped by triggers."""

from __future__ import annotations

import asyncpg
import pytest

from assay.db.security import APPEND_ONLY_TABLES, ORG_SETTING
from assay.ids import new_id
from assay.judging.models import CalibrationReport
from tests.security.world import fill_every_table
from tests.support import Org, make_org

CHANGES = {
    "UPDATE": 'UPDATE "{table}" SET created_at = created_at WHERE {rows}',
    "DELETE": 'DELETE FROM "{table}" WHERE {rows}',
    "TRUNCATE": 'TRUNCATE "{table}" CASCADE',
}
#: Append-only tables that belong to no organization: every row is targeted.
GLOBAL_TABLES = {"calibration_reports"}
CASES = [(table, op) for table in APPEND_ONLY_TABLES for op in CHANGES]


@pytest.fixture(scope="module")
async def org(database: object) -> Org:
    org = await make_org("Append only")
    await fill_every_table(org)
    await CalibrationReport.create(
        id=new_id(), evaluator="tone", evaluator_version="1.0.0", judge="openai",
        model="filler-model", cases=1, mean_abs_error=0.0, pass_agreement=1.0,
        within_tolerance=1.0, max_mean_abs_error=0.15, min_pass_agreement=0.85,
        within_margin=True)
    return org


def _change(op: str, table: str) -> str:
    rows = "$1::uuid IS NOT NULL" if table in GLOBAL_TABLES else "organization_id = $1"
    return CHANGES[op].format(table=table, rows=rows)


async def _rows(owner_db: asyncpg.Connection, table: str) -> list[str]:
    rows = await owner_db.fetch(f'SELECT md5(t::text) AS d FROM "{table}" t ORDER BY 1')
    return [row["d"] for row in rows]


def test_every_snapshot_table_is_append_only() -> None:
    assert set(APPEND_ONLY_TABLES) == {
        "audit_events", "test_case_versions", "run_cases", "run_case_results",
        "run_case_artifacts", "evaluation_case_results", "calibration_reports", "judge_cache",
        "reports", "report_summaries"}


@pytest.mark.parametrize(("table", "op"), CASES)
async def test_app_role_is_refused(
    org: Org, app_db: asyncpg.Connection, owner_db: asyncpg.Connection, table: str, op: str
) -> None:
    before = await _rows(owner_db, table)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=f"permission denied for table {table}"):
        async with app_db.transaction():
            await app_db.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org.id))
            await app_db.execute(_change(op, table),
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
        await owner_db.execute(_change(op, table),
                               *([] if op == "TRUNCATE" else [org.id]))

    assert await _rows(owner_db, table) == before
