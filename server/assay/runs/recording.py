"""Writing case results exactly once, and keeping the run's counters and status in step.

Every writer locks the run row first, so results of one run are recorded one at a time:
the exists-check, the insert (its unique run_case_id is the last guard) and the counters
agree. Holding that lock, a writer adds to the counters it read rather than recounting the
results, so recording stays constant-time however large the run grows. A run whose status
is final is never written again (the database refuses it too).
A result's artifacts (the evidence of a failed case) are inserted with it, in the same
transaction, and its content hash covers their digests.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assay.errors import NotFound
from assay.runs import hot_path
from assay.runs.execute import Artifact, Outcome
from assay.runs.hashing import artifact_entry, content_hash, sha256, stored_hash_matches
from assay.runs.hot_path import LockedRun
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseArtifact,
    RunCaseResult,
    RunStatus,
)
from assay.webhooks import hooks as webhook_hooks

#: Result status -> the run counter it adds to.
COUNTERS = {
    CaseResultStatus.PASSED: "passed",
    CaseResultStatus.FAILED: "failed",
    CaseResultStatus.ERROR: "errored",
    CaseResultStatus.TIMEOUT: "timed_out",
    CaseResultStatus.CANCELLED: "cancelled",
}


@dataclass(frozen=True)
class Target:
    """Where a run case's result goes: what the job already read of the run case."""

    run_case_id: uuid.UUID
    run_id: uuid.UUID
    project_id: uuid.UUID


async def lock_run(run_id: uuid.UUID, *, columns: Sequence[str] | None = None) -> Run:
    """The run, locked for update: whole, or only ``columns`` (and its id)."""
    queryset = Run.filter(id=run_id).select_for_update()
    if columns is not None:
        queryset = queryset.only("id", "organization_id", "project_id", *columns)
    run = await queryset.first()
    if run is None:
        raise NotFound("Run", run_id)
    return run


def _row(run_case: RunCase | Target, outcome: Outcome, attempts: int) -> dict[str, Any]:
    """The result row's fields, its content hash included (over the artifacts' digests)."""
    record: dict[str, Any] = {
        "run_case_id": _id_of(run_case),
        "status": outcome.status,
        "turns": outcome.turns,
        "asserts": outcome.asserts,
        "error_code": outcome.error_code,
        "error_message": outcome.error_message,
        "attempts": attempts,
        "started_at": outcome.started_at,
        "finished_at": outcome.finished_at,
        "duration_ms": outcome.duration_ms,
        "evidence_note": outcome.evidence_note,
        "pii_findings": outcome.pii_findings,
    }
    entries = [artifact_entry(a.kind, a.media_type, a.data, a.page_url)
               for a in outcome.artifacts]
    digest = content_hash({**record, "artifacts": entries})
    return {**record, "project_id": run_case.project_id, "run_id": run_case.run_id,
            "content_hash": digest}


async def insert_result(run_case: RunCase | Target, outcome: Outcome, attempts: int
                        ) -> uuid.UUID:
    """Insert the result row with its content hash and its artifacts (the caller holds the
    run's lock); returns the result's id. The row goes in through one prepared statement
    (assay.runs.hot_path); its artifacts, rare, through the ORM."""
    result_id = await hot_path.insert_result(**_row(run_case, outcome, attempts))
    for artifact in outcome.artifacts:
        await _insert_artifact(run_case, artifact)
    return result_id


def _id_of(run_case: RunCase | Target) -> uuid.UUID:
    return run_case.run_case_id if isinstance(run_case, Target) else run_case.id


async def _insert_artifact(run_case: RunCase | Target, artifact: Artifact) -> RunCaseArtifact:
    text = artifact.data.decode() if artifact.is_text else None
    return await RunCaseArtifact.create(
        project_id=run_case.project_id, run_id=run_case.run_id, run_case_id=_id_of(run_case),
        kind=artifact.kind, media_type=artifact.media_type,
        content=None if artifact.is_text else artifact.data, text=text,
        size=len(artifact.data), sha256=sha256(artifact.data), page_url=artifact.page_url)


async def result_intact(result: RunCaseResult) -> bool:
    """Whether a stored result and its artifacts still match its content hash (call in a
    tenant transaction)."""
    artifacts = await RunCaseArtifact.filter(run_case_id=result.run_case_id)
    return stored_hash_matches(result, artifacts)


def count(run: Run | LockedRun, status: CaseResultStatus, n: int = 1) -> None:
    """Add ``n`` results of ``status`` to the run's counters (the caller holds its lock)."""
    name = COUNTERS[status]
    setattr(run, name, getattr(run, name) + n)


def recorded(run: Run | LockedRun) -> int:
    return sum(getattr(run, name) for name in COUNTERS.values())


def final_status(run: Run | LockedRun) -> RunStatus | None:
    """The status a run ends with once every case has a result; None before."""
    if recorded(run) < run.total:
        return None
    unanswered = run.errored + run.timed_out
    return RunStatus.FAILED if unanswered == run.total else RunStatus.COMPLETED


async def settle(run: Run, *, final: RunStatus | None = None) -> None:
    """Save the run's counters; finish it when every case has a result (or as ``final``)."""
    final = final or final_status(run)
    fields = [*COUNTERS.values()]
    if final is not None:
        run.status = final
        run.finished_at = datetime.now(UTC)
        fields += ["status", "finished_at"]
    await run.save(update_fields=fields)
    if final is not None:
        await webhook_hooks.run_finished(run.id)


async def _target(run_case_id: uuid.UUID) -> Target | None:
    row = await RunCase.filter(id=run_case_id).first().values("run_id", "project_id")
    return None if row is None else Target(run_case_id, row["run_id"], row["project_id"])


async def record(run_case_id: uuid.UUID, outcome: Outcome, attempts: int, *,
                 target: Target | None = None) -> uuid.UUID | None:
    """Record a job's outcome once, in the caller's transaction: the run's id, or None when
    nothing was written (already recorded, or the run is finished). ``target`` is what the
    job read of the run case already (a run case never changes); without it, it is read.

    After the run case: lock the run's counters; then one statement inserts the result
    unless the case has one (after the lock, so a writer that held it has committed) and
    saves the counters only if it did. A result with artifacts (rare: evidence of a failed
    browser case) checks, inserts and saves in separate statements."""
    run_case = target or await _target(run_case_id)
    if run_case is None:
        return None
    run = await hot_path.lock_run(run_case.run_id)
    if run is None:
        raise NotFound("Run", run_case.run_id)
    if run.status in FINAL_RUN_STATUSES:
        return None
    if outcome.artifacts and await hot_path.has_result(run_case_id):
        return None
    count(run, outcome.status)
    final = final_status(run)
    if final is not None:
        run.status, run.finished_at = final, datetime.now(UTC)
    if outcome.artifacts:
        await insert_result(run_case, outcome, attempts)
        await hot_path.save(run)
    elif not await hot_path.record_result(run, **_row(run_case, outcome, attempts)):
        return None
    if final is not None:
        await webhook_hooks.run_finished(run.id)
    return run.id
