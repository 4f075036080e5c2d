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
from datetime import datetime
from typing import Any

from assay.runs.models import Run
from assay.tenancy.scope import require_scope

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
_SETTLE = """
UPDATE runs SET passed = $3, failed = $4, errored = $5, timed_out = $6, cancelled = $7,
                status = $8, finished_at = $9
WHERE id = $1 AND organization_id = $2
"""


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
