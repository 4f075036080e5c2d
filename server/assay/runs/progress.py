"""Following one run as it progresses: what finished since the last look, from the database.

A :class:`RunFollower` remembers which cases of the run it has reported. Each look is one
short tenant transaction: it reads the run, then the results it was told about (the ids
that notifications carried), and when the run's own counters show more results than it
has seen (a notification was lost, or a cancel wrote many at once) it finds the missing
ones itself. The run row is read first: a result committed after it is simply reported now
or at the next look, and a run read as finished has every result visible.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assay.db.transactions import tenant_transaction
from assay.errors import NotFound
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseResult,
    RunStatus,
)

#: Results one look reads at most; a follower further behind looks again at once.
BATCH = 500
_RESULT_FIELDS = ("run_case_id", "status", "asserts", "error_code", "error_message",
                  "attempts", "duration_ms", "finished_at", "created_at")
_RUN_FIELDS = ("id", "status", "total", "passed", "failed", "errored", "timed_out",
               "cancelled", "finished_at")


@dataclass(frozen=True)
class Counts:
    total: int
    passed: int = 0
    failed: int = 0
    errored: int = 0
    timed_out: int = 0
    cancelled: int = 0

    @property
    def done(self) -> int:
        return self.passed + self.failed + self.errored + self.timed_out + self.cancelled

    @property
    def pending(self) -> int:
        return self.total - self.done

    @classmethod
    def of(cls, total: int, statuses: Counter[CaseResultStatus]) -> Counts:
        return cls(total=total, passed=statuses[CaseResultStatus.PASSED],
                   failed=statuses[CaseResultStatus.FAILED],
                   errored=statuses[CaseResultStatus.ERROR],
                   timed_out=statuses[CaseResultStatus.TIMEOUT],
                   cancelled=statuses[CaseResultStatus.CANCELLED])


@dataclass(frozen=True)
class FinishedCase:
    """A case's result as progress reports it: the verdict, not the transcript."""

    position: int
    test_case_id: uuid.UUID
    title: str
    status: CaseResultStatus
    duration_ms: float
    attempts: int
    #: The asserts that failed, as recorded (index, type, passed, reason, turn).
    failed_asserts: list[dict[str, Any]]
    error_code: str
    error_message: str
    finished_at: datetime


@dataclass(frozen=True)
class Snapshot:
    """The run as it is when following starts."""

    run_id: uuid.UUID
    status: RunStatus
    counts: Counts


@dataclass(frozen=True)
class CaseFinished:
    run_id: uuid.UUID
    #: The counts with this case included: one more than the previous event's.
    counts: Counts
    case: FinishedCase


@dataclass(frozen=True)
class RunFinished:
    run_id: uuid.UUID
    status: RunStatus
    counts: Counts
    finished_at: datetime | None


Event = Snapshot | CaseFinished | RunFinished


def _run_done(run: Run) -> int:
    return int(run.passed + run.failed + run.errored + run.timed_out + run.cancelled)


class RunFollower:
    """What one subscriber has been told about a run, and the reads that tell it more."""

    def __init__(self, org_id: uuid.UUID, run_id: uuid.UUID, *,
                 project_ids: frozenset[uuid.UUID] | None = None,
                 user_id: uuid.UUID | None = None) -> None:
        self.org_id = org_id
        self.run_id = run_id
        self.project_ids = project_ids
        self.user_id = user_id
        self._seen: set[uuid.UUID] = set()
        self._statuses: Counter[CaseResultStatus] = Counter()
        self._total = 0
        self._hints: set[uuid.UUID] = set()
        #: True when the last look did not read everything it knows of.
        self.behind = True
        self.finished = False

    def _transaction(self) -> Any:
        return tenant_transaction(self.org_id, project_ids=self.project_ids,
                                  user_id=self.user_id)

    async def _run(self) -> Run:
        run = await Run.filter(id=self.run_id).only(*_RUN_FIELDS).first()
        if run is None:
            raise NotFound("Run", self.run_id)
        return run

    async def start(self) -> Snapshot:
        """Read the run and which cases have results (NotFound: unknown or not visible)."""
        async with self._transaction():
            run = await self._run()
            rows = await RunCaseResult.filter(run_id=run.id).values_list("run_case_id",
                                                                         "status")
        self._total = run.total
        for run_case_id, status in rows:
            self._seen.add(run_case_id)
            self._statuses[CaseResultStatus(status)] += 1
        return Snapshot(self.run_id, run.status, Counts.of(run.total, self._statuses))

    def hint(self, run_case_ids: Collection[uuid.UUID]) -> None:
        """Cases a notification said have results (only hints: the database decides)."""
        self._hints.update(i for i in run_case_ids if i not in self._seen)

    async def look(self) -> list[Event]:
        """What finished since the last look, in the order it was recorded; the run's end
        last, once every result of a finished run has been reported."""
        async with self._transaction():
            run = await self._run()
            wanted = [i for i in self._hints if i not in self._seen][:BATCH]
            rows = await self._results(wanted) if wanted else []
            found = {row["run_case_id"] for row in rows}
            missing = _run_done(run) - len(self._seen) - len(found)
            if missing > 0 and len(rows) < BATCH:
                rows += await self._unseen(found, BATCH - len(rows))
            cases = await self._cases([row["run_case_id"] for row in rows])
        events: list[Event] = [self._report(row, cases[row["run_case_id"]])
                               for row in sorted(rows, key=_recorded)
                               if row["run_case_id"] not in self._seen]
        self._hints.difference_update(wanted)
        self._hints.difference_update(self._seen)
        self.behind = bool(self._hints) or _run_done(run) > len(self._seen)
        if run.status in FINAL_RUN_STATUSES and not self.behind:
            self.finished = True
            events.append(RunFinished(self.run_id, run.status,
                                      Counts.of(self._total, self._statuses), run.finished_at))
        return events

    async def _results(self, run_case_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        return await RunCaseResult.filter(
            run_id=self.run_id, run_case_id__in=run_case_ids).values(*_RESULT_FIELDS)

    async def _unseen(self, found: set[uuid.UUID], limit: int) -> list[dict[str, Any]]:
        """Results no notification told of (ids first: results can be large)."""
        ids: list[uuid.UUID] = await RunCaseResult.filter(run_id=self.run_id).values_list(
            "run_case_id", flat=True)  # type: ignore[assignment]
        unseen = [i for i in ids if i not in self._seen and i not in found][:limit]
        return await self._results(unseen) if unseen else []

    async def _cases(self, run_case_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
        if not run_case_ids:
            return {}
        rows = await RunCase.filter(id__in=run_case_ids).values(
            "id", "position", "title", "test_case_id")
        return {row["id"]: row for row in rows}

    def _report(self, row: dict[str, Any], case: dict[str, Any]) -> CaseFinished:
        status = CaseResultStatus(row["status"])
        self._seen.add(row["run_case_id"])
        self._statuses[status] += 1
        finished = FinishedCase(
            position=case["position"], test_case_id=case["test_case_id"], title=case["title"],
            status=status, duration_ms=row["duration_ms"], attempts=row["attempts"],
            failed_asserts=[a for a in row["asserts"] if not a.get("passed")],
            error_code=row["error_code"], error_message=row["error_message"],
            finished_at=row["finished_at"])
        return CaseFinished(self.run_id, Counts.of(self._total, self._statuses), finished)


def _recorded(row: dict[str, Any]) -> tuple[datetime, str]:
    return row["created_at"], str(row["run_case_id"])
