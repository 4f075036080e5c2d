"""Following one evaluation as it progresses: which cases were scored since the last look.

An :class:`EvaluationFollower` remembers the cases it has reported and counts them itself
(passed, failed, errored, as assay.evaluations.scoring classifies them), so each event's
counts include exactly the cases reported so far. Each look is one short tenant
transaction: it reads the evaluation, then the case results notifications told it about,
and when the evaluation's ``done`` counter shows more than it has seen (a notification was
lost) it finds the missing ones itself. The looking is assay.progress_follower's, shared
with runs; this module says what an evaluation's counters and events are.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assay.errors import NotFound
from assay.evaluations.models import (
    FINAL_EVALUATION_STATUSES,
    Evaluation,
    EvaluationCaseResult,
    EvaluationStatus,
)
from assay.evaluations.scoring import CaseOutcome, case_verdict
from assay.progress_follower import ProgressFollower

_EVALUATION_FIELDS = ("id", "status", "total", "done", "overall_score", "pass_rate",
                      "finished_at")
_RESULT_FIELDS = ("run_case_id", "passed", "score", "asserts_passed", "pii_leak", "scores",
                  "created_at")


@dataclass(frozen=True)
class Counts:
    total: int
    passed: int = 0
    failed: int = 0
    errored: int = 0
    pii_leaks: int = 0

    @property
    def done(self) -> int:
        return self.passed + self.failed + self.errored

    @property
    def pending(self) -> int:
        return self.total - self.done


@dataclass(frozen=True)
class ScoredCase:
    """A case's verdict as progress reports it (evaluation.cases has its scores)."""

    run_case_id: uuid.UUID
    position: int
    title: str
    passed: bool
    score: float | None
    pii_leak: bool


@dataclass(frozen=True)
class Snapshot:
    evaluation_id: uuid.UUID
    status: EvaluationStatus
    counts: Counts


@dataclass(frozen=True)
class CaseScored:
    evaluation_id: uuid.UUID
    #: The counts with this case included: one more done than the previous event's.
    counts: Counts
    case: ScoredCase


@dataclass(frozen=True)
class EvaluationFinished:
    evaluation_id: uuid.UUID
    status: EvaluationStatus
    counts: Counts
    overall_score: float | None
    pass_rate: float | None
    finished_at: datetime | None


Event = Snapshot | CaseScored | EvaluationFinished


def outcome(row: dict[str, Any]) -> CaseOutcome:
    """The counter a stored case result went to."""
    return case_verdict(row["scores"], asserts_passed=row["asserts_passed"],
                        pii_leak=row["pii_leak"]).outcome


class EvaluationFollower(ProgressFollower[Evaluation, Event]):
    """What one subscriber has been told about an evaluation, and the reads that tell it
    more."""

    result_model = EvaluationCaseResult
    subject_key = "evaluation_id"
    start_fields = ("run_case_id", "asserts_passed", "pii_leak", "scores")
    result_fields = _RESULT_FIELDS
    case_fields = ("id", "position", "title")

    def __init__(self, org_id: uuid.UUID, evaluation_id: uuid.UUID, *,
                 project_ids: frozenset[uuid.UUID] | None = None,
                 user_id: uuid.UUID | None = None) -> None:
        super().__init__(org_id, evaluation_id, project_ids=project_ids, user_id=user_id)
        self._tally: Counter[str] = Counter()

    @property
    def evaluation_id(self) -> uuid.UUID:
        return self.subject_id

    async def _subject(self) -> Evaluation:
        evaluation = await Evaluation.filter(id=self.evaluation_id).only(
            *_EVALUATION_FIELDS).first()
        if evaluation is None:
            raise NotFound("Evaluation", self.evaluation_id)
        return evaluation

    def counts(self) -> Counts:
        return Counts(total=self._total, passed=self._tally["passed"],
                      failed=self._tally["failed"], errored=self._tally["errored"],
                      pii_leaks=self._tally["pii_leaks"])

    def _done(self, subject: Evaluation) -> int:
        return subject.done

    def _is_final(self, subject: Evaluation) -> bool:
        return subject.status in FINAL_EVALUATION_STATUSES

    def _count(self, row: dict[str, Any]) -> None:
        self._tally[outcome(row).value] += 1
        self._tally["pii_leaks"] += 1 if row["pii_leak"] else 0

    def _snapshot(self, subject: Evaluation) -> Event:
        return Snapshot(self.evaluation_id, subject.status, self.counts())

    def _case_event(self, row: dict[str, Any], case: dict[str, Any]) -> Event:
        scored = ScoredCase(run_case_id=row["run_case_id"], position=case["position"],
                            title=case["title"], passed=row["passed"], score=row["score"],
                            pii_leak=row["pii_leak"])
        return CaseScored(self.evaluation_id, self.counts(), scored)

    def _finished_event(self, subject: Evaluation) -> Event:
        return EvaluationFinished(self.evaluation_id, subject.status, self.counts(),
                                  subject.overall_score, subject.pass_rate,
                                  subject.finished_at)
