"""The statements every case job runs, written out in SQL once instead of built per call.

A worker runs these for every case (hundreds a second), and building them through the ORM
cost more CPU than PostgreSQL spends answering them. Each runs in the caller's tenant
transaction, so row-level security applies as for any query, and each also names the
organization in scope (as the scoped managers do), so a mistake cannot cross tenants.
They read and write only what the job needs: never a run's snapshot (which lists every
case of a large run).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from tortoise.fields import DatetimeField, Field

from assay.runs.models import Run, RunCaseResult
from assay.tenancy.scope import TenantScopeMissing, require_scope

#: A run case, the status and connection of its run, and whether it has a result.
_CASE = """
SELECT c.run_id, c.project_id, c.mode, c.input, c.turns, c.asserts,
       r.status AS run_status, r.connection_id,
       EXISTS (SELECT 1 FROM run_case_results x WHERE x.run_case_id = c.id) AS done
FROM run_cases c JOIN runs r ON r.id = c.run_id
WHERE c.id = $1 AND c.organization_id = $2 AND r.organization_id = $2
"""
#: What recording a result needs of its run, the row locked: every writer of a run's
#: results and counters takes this lock first, so they write one at a time.
_LOCK = """
SELECT status, total, passed, failed, errored, timed_out, cancelled FROM runs
WHERE id = $1 AND organization_id = $2 FOR UPDATE
"""
_DONE = "SELECT EXISTS (SELECT 1 FROM run_case_results WHERE run_case_id = $1) AS done"


def _settle_sql(first: int) -> str:
    """The UPDATE of a run's counters, status and finish time; its parameters (id,
    organization, passed, failed, errored, timed_out, cancelled, status, finished_at) are
    numbered from ``first``."""
    p = [f"${n}" for n in range(first, first + 9)]
    return (f"UPDATE runs SET passed = {p[2]}, failed = {p[3]}, errored = {p[4]}, "
            f"timed_out = {p[5]}, cancelled = {p[6]}, status = {p[7]}, finished_at = {p[8]} "
            f"WHERE id = {p[0]} AND organization_id = {p[1]}")


_SETTLE = _settle_sql(1)


@dataclass(frozen=True)
class CaseRow:
    run_id: uuid.UUID
    project_id: uuid.UUID
    mode: str
    input: str
    turns: list[str]
    asserts: list[dict[str, Any]]
    run_status: str
    connection_id: uuid.UUID
    done: bool


@dataclass
class LockedRun:
    """The counters and status of a locked run (see :data:`_LOCK`)."""

    id: uuid.UUID
    status: str
    total: int
    passed: int
    failed: int
    errored: int
    timed_out: int
    cancelled: int
    finished_at: datetime | None = None


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


async def _rows(sql: str, *values: Any) -> list[dict[str, Any]]:
    db = Run._meta.db  # the caller's transaction
    return await db.execute_query_dict(sql, list(values))


async def read_case(run_case_id: uuid.UUID) -> CaseRow | None:
    """The run case with its run's status and connection, or None when it is not visible."""
    rows = await _rows(_CASE, run_case_id, require_scope().org_id)
    if not rows:
        return None
    row = rows[0]
    return CaseRow(row["run_id"], row["project_id"], row["mode"], row["input"],
                   _json(row["turns"]), _json(row["asserts"]), row["run_status"],
                   row["connection_id"], row["done"])


async def lock_run(run_id: uuid.UUID) -> LockedRun | None:
    rows = await _rows(_LOCK, run_id, require_scope().org_id)
    return LockedRun(run_id, **rows[0]) if rows else None


async def has_result(run_case_id: uuid.UUID) -> bool:
    """Whether the case has a result (committed, or written in this transaction)."""
    rows = await _rows(_DONE, run_case_id)
    return bool(rows[0]["done"])


async def save(run: LockedRun) -> None:
    """Write the locked run's counters, status and finish time."""
    await _rows(_SETTLE, run.id, require_scope().org_id, run.passed, run.failed, run.errored,
                run.timed_out, run.cancelled, run.status, run.finished_at)


@cache
def _result_insert() -> tuple[str, tuple[tuple[str, Field[Any]], ...]]:
    """The INSERT of a result row and its (field name, field) pairs, in parameter order.

    Derived from the model (every stored field and its column, as Tortoise itself would
    insert them), so the column mapping is defined once, in assay.runs.models. Built on
    first use: Tortoise completes the model's fields when it starts.
    """
    meta = RunCaseResult._meta
    names = tuple(meta.fields_db_projection)
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    values = ", ".join(f"${i}" for i in range(1, len(names) + 1))
    sql = f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({values})'
    return sql, tuple((name, meta.fields_map[name]) for name in names)


def _field_value(field: Field[Any], given: dict[str, Any], name: str) -> Any:
    """The given value, else what the ORM would fill in (default, creation time, null)."""
    if name in given:
        value = given[name]
    elif field.default is not None:
        value = field.default() if callable(field.default) else field.default
    elif isinstance(field, DatetimeField) and (field.auto_now_add or field.auto_now):
        value = datetime.now(UTC)
    else:
        value = None
    return field.to_db_value(value, RunCaseResult)  # validates, as the ORM does


def _result_values(given: dict[str, Any]) -> list[Any]:
    """The INSERT's parameters for a result row (fields of RunCaseResult by name), stamped
    and checked as OrgScopedModel.save does: the row gets the organization in scope, and a
    project outside the scope's projects is refused. (Building and saving a model instance
    cost a worker more CPU than the rest of recording.)"""
    scope = require_scope()
    if given.setdefault("organization_id", scope.org_id) != scope.org_id:
        raise TenantScopeMissing(
            "refusing to save a row of another organization than the one in scope")
    if scope.project_ids is not None and given.get("project_id") not in scope.project_ids:
        raise TenantScopeMissing("refusing to save a row of a project outside the scope")
    given.setdefault("id", RunCaseResult._meta.fields_map["id"].default())
    return [_field_value(field, given, name) for name, field in _result_insert()[1]]


async def insert_result(**given: Any) -> uuid.UUID:
    """Insert one result row (the fields of RunCaseResult by name); returns its id."""
    values = _result_values(given)
    await Run._meta.db.execute_query(_result_insert()[0], values)
    row_id: uuid.UUID = given["id"]
    return row_id


@cache
def _record_statement() -> str:
    """The result's INSERT, skipped when the case has a result (its run_case_id is unique),
    and the run's counters saved only when the row went in: one round trip for both."""
    insert, fields = _result_insert()
    return (f'WITH inserted AS ({insert} ON CONFLICT ("run_case_id") DO NOTHING RETURNING 1) '
            f"{_settle_sql(len(fields) + 1)} AND EXISTS (SELECT 1 FROM inserted) RETURNING id")


async def record_result(run: LockedRun, **given: Any) -> bool:
    """Insert a result row and save the locked run's counters, status and finish time (as
    :func:`save`), unless the case already has a result: then nothing is written and this
    returns False. Call holding the run's lock, after it was taken (the statement then sees
    every result committed by an earlier holder)."""
    values = _result_values(given)
    rows = await _rows(_record_statement(), *values, run.id, require_scope().org_id,
                       run.passed, run.failed, run.errored, run.timed_out, run.cancelled,
                       run.status, run.finished_at)
    return bool(rows)
