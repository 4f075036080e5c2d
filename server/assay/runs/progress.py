"""Following one run as it progresses: what finished since the last look, from the database.

A :class:`RunFollower` remembers which cases of the run it has reported. Each look is one
short tenant transaction: it reads the run, then the results it was told about (the ids
that notifications carried), and when the run's own counters show more results than it
has seen (a notification was lost, or a cancel wrote many at once) it finds the missing
ones itself. The looking is assay.progress_follower's, shared with evaluations; this module
says what a run's counters and events are.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assay.errors import NotFound
from assay.progress_follower import ProgressFollower
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCaseResult,
    RunStatus,
)

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


class RunFollower(ProgressFollower[Run, Event]):
    """What one subscriber has been told about a run, and the reads that tell it more."""

    result_model = RunCaseResult
    subject_key = "run_id"
    start_fields = ("run_case_id", "status")
    result_fields = _RESULT_FIELDS
    case_fields = ("id", "position", "title", "test_case_id")

    def __init__(self, org_id: uuid.UUID, run_id: uuid.UUID, *,
                 project_ids: frozenset[uuid.UUID] | None = None,
                 user_id: uuid.UUID | None = None) -> None:
        super().__init__(org_id, run_id, project_ids=project_ids, user_id=user_id)
        self._statuses: Counter[CaseResultStatus] = Counter()

    @property
    def run_id(self) -> uuid.UUID:
        return self.subject_id

    async def _subject(self) -> Run:
        run = await Run.filter(id=self.run_id).only(*_RUN_FIELDS).first()
        if run is None:
            raise NotFound("Run", self.run_id)
        return run

    def _done(self, subject: Run) -> int:
        return _run_done(subject)

    def _is_final(self, subject: Run) -> bool:
        return subject.status in FINAL_RUN_STATUSES

    def _count(self, row: dict[str, Any]) -> None:
        self._statuses[CaseResultStatus(row["status"])] += 1

    def _snapshot(self, subject: Run) -> Event:
        return Snapshot(self.run_id, subject.status, Counts.of(subject.total, self._statuses))

    def _case_event(self, row: dict[str, Any], case: dict[str, Any]) -> Event:
        finished = FinishedCase(
            position=case["position"], test_case_id=case["test_case_id"], title=case["title"],
            status=CaseResultStatus(row["status"]), duration_ms=row["duration_ms"],
            attempts=row["attempts"],
            failed_asserts=[a for a in row["asserts"] if not a.get("passed")],
            error_code=row["error_code"], error_message=row["error_message"],
            finished_at=row["finished_at"])
        return CaseFinished(self.run_id, Counts.of(self._total, self._statuses), finished)

    def _finished_event(self, subject: Run) -> Event:
        return RunFinished(self.run_id, subject.status, Counts.of(self._total, self._statuses),
                           subject.finished_at)
