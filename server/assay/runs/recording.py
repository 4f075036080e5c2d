"""Writing case results exactly once, and keeping the run's counters and status in step.

Every writer locks the run row first, so results of one run are recorded one at a time:
the exists-check, the insert (its unique run_case_id is the last guard) and the counters
agree. A run whose status is final is never written again (the database refuses it too).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from tortoise.functions import Count

from assay.errors import NotFound
from assay.runs.execute import Outcome
from assay.runs.hashing import content_hash
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseResult,
    RunStatus,
)

#: Result status -> the run counter it adds to.
COUNTERS = {
    CaseResultStatus.PASSED: "passed",
    CaseResultStatus.FAILED: "failed",
    CaseResultStatus.ERROR: "errored",
    CaseResultStatus.TIMEOUT: "timed_out",
    CaseResultStatus.CANCELLED: "cancelled",
}


async def lock_run(run_id: uuid.UUID) -> Run:
    run = await Run.filter(id=run_id).select_for_update().first()
    if run is None:
        raise NotFound("Run", run_id)
    return run


async def insert_result(run_case: RunCase, outcome: Outcome, attempts: int) -> RunCaseResult:
    """Insert the result row with its content hash (the caller holds the run's lock)."""
    record: dict[str, Any] = {
        "run_case_id": run_case.id,
        "status": outcome.status,
        "turns": outcome.turns,
        "asserts": outcome.asserts,
        "error_code": outcome.error_code,
        "error_message": outcome.error_message,
        "attempts": attempts,
        "started_at": outcome.started_at,
        "finished_at": outcome.finished_at,
        "duration_ms": outcome.duration_ms,
    }
    return await RunCaseResult.create(project_id=run_case.project_id, run_id=run_case.run_id,
                                      content_hash=content_hash(record), **record)


async def settle(run: Run, *, final: RunStatus | None = None) -> None:
    """Recount the run's results; finish it when every case has one (or as ``final``)."""
    rows = await RunCaseResult.filter(run_id=run.id).annotate(
        n=Count("id")).group_by("status").values_list("status", "n")
    counts = {name: 0 for name in COUNTERS.values()}
    for status, n in rows:
        counts[COUNTERS[CaseResultStatus(status)]] = n
    for name, value in counts.items():
        setattr(run, name, value)
    if final is None and sum(counts.values()) >= run.total:
        unanswered = counts["errored"] + counts["timed_out"]
        final = RunStatus.FAILED if unanswered == run.total else RunStatus.COMPLETED
    if final is not None:
        run.status = final
        run.finished_at = datetime.now(UTC)
    await run.save()


async def record(run_case_id: uuid.UUID, outcome: Outcome, attempts: int) -> bool:
    """Record a job's outcome once, in the caller's transaction; False when nothing was written."""
    run_case = await RunCase.filter(id=run_case_id).first()
    if run_case is None:
        return False
    run = await lock_run(run_case.run_id)
    if run.status in FINAL_RUN_STATUSES:
        return False
    if await RunCaseResult.filter(run_case_id=run_case_id).exists():
        return False
    await insert_result(run_case, outcome, attempts)
    await settle(run)
    return True
