"""Following one object's cases as they get results: what changed since the last look.

Runs (assay.runs.progress) and evaluations (assay.evaluations.progress) are followed the
same way; this is that way, each domain supplying only what differs: which row it follows
and how to read its ``done`` counter and final status, which table holds one result per run
case, how a result is counted, and the events it makes.

A :class:`ProgressFollower` remembers which run cases it has reported. Each look is one
short tenant transaction: it reads the followed row, then the results it was told about
(the ids that notifications carried), and when the row's own counter shows more results
than it has seen (a notification was lost, or a cancel wrote many at once) it finds the
missing ones itself. The followed row is read first: a result committed after it is simply
reported now or at the next look, and a row read as finished has every result visible, so
the finished event comes last, after every case's.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Collection
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from tortoise.models import Model

from assay.db.transactions import tenant_transaction
from assay.runs.models import RunCase

#: Results one look reads at most; a follower further behind looks again at once.
BATCH = 500

SubjectT = TypeVar("SubjectT", bound=Model)
EventT = TypeVar("EventT")


class ProgressFollower(ABC, Generic[SubjectT, EventT]):
    """What one subscriber has been told about one object, and the reads that tell it more.

    Subclasses set the class attributes and implement the abstract methods; every result
    row has a ``run_case_id`` (one row per run case) and a ``created_at``.
    """

    #: The table with one result per run case, and its column naming the followed object.
    result_model: ClassVar[type[Model]]
    subject_key: ClassVar[str]
    #: Result columns read by :meth:`start` (to count) and by looks (to report).
    start_fields: ClassVar[tuple[str, ...]]
    result_fields: ClassVar[tuple[str, ...]]
    #: RunCase columns a reported case needs ("id" among them).
    case_fields: ClassVar[tuple[str, ...]]

    def __init__(self, org_id: uuid.UUID, subject_id: uuid.UUID, *,
                 project_ids: frozenset[uuid.UUID] | None = None,
                 user_id: uuid.UUID | None = None) -> None:
        self.org_id = org_id
        self.subject_id = subject_id
        self.project_ids = project_ids
        self.user_id = user_id
        self._seen: set[uuid.UUID] = set()
        self._total = 0
        self._hints: set[uuid.UUID] = set()
        #: True when the last look did not read everything it knows of.
        self.behind = True
        self.finished = False

    @abstractmethod
    async def _subject(self) -> SubjectT:
        """The followed row (NotFound when unknown or not visible)."""

    @abstractmethod
    def _done(self, subject: SubjectT) -> int:
        """How many run cases the followed row counts as having a result."""

    @abstractmethod
    def _is_final(self, subject: SubjectT) -> bool:
        """Whether the followed row is finished (no more results will come)."""

    @abstractmethod
    def _count(self, row: dict[str, Any]) -> None:
        """Add one result, not seen before, to the follower's own counters."""

    @abstractmethod
    def _snapshot(self, subject: SubjectT) -> EventT:
        """The first event: the followed row as it is, with the counters read so far."""

    @abstractmethod
    def _case_event(self, row: dict[str, Any], case: dict[str, Any]) -> EventT:
        """The event of one result (already counted); ``case`` has the case_fields."""

    @abstractmethod
    def _finished_event(self, subject: SubjectT) -> EventT:
        """The last event, once every result of the finished row has been reported."""

    def _transaction(self) -> Any:
        return tenant_transaction(self.org_id, project_ids=self.project_ids,
                                  user_id=self.user_id)

    async def start(self) -> EventT:
        """Read the followed row and which cases have results (NotFound: unknown or not
        visible)."""
        async with self._transaction():
            subject = await self._subject()
            rows = await self.result_model.filter(
                **{self.subject_key: subject.pk}).values(*self.start_fields)
        self._total = subject.total  # type: ignore[attr-defined]
        for row in rows:
            self._see(row)
        return self._snapshot(subject)

    def hint(self, run_case_ids: Collection[uuid.UUID]) -> None:
        """Cases a notification said have results (only hints: the database decides)."""
        self._hints.update(i for i in run_case_ids if i not in self._seen)

    async def look(self) -> list[EventT]:
        """What got a result since the last look, in the order it was recorded; the end
        last, once every result of a finished row has been reported."""
        async with self._transaction():
            subject = await self._subject()
            wanted = [i for i in self._hints if i not in self._seen][:BATCH]
            rows = await self._results(wanted) if wanted else []
            found = {row["run_case_id"] for row in rows}
            if self._done(subject) > len(self._seen) + len(found) and len(rows) < BATCH:
                rows += await self._unseen(found, BATCH - len(rows))
            cases = await self._cases([row["run_case_id"] for row in rows])
        events: list[EventT] = [self._report(row, cases[row["run_case_id"]])
                                for row in sorted(rows, key=_recorded)
                                if row["run_case_id"] not in self._seen]
        self._hints.difference_update(wanted)
        self._hints.difference_update(self._seen)
        self.behind = bool(self._hints) or self._done(subject) > len(self._seen)
        if self._is_final(subject) and not self.behind:
            self.finished = True
            events.append(self._finished_event(subject))
        return events

    def _see(self, row: dict[str, Any]) -> None:
        self._seen.add(row["run_case_id"])
        self._count(row)

    def _report(self, row: dict[str, Any], case: dict[str, Any]) -> EventT:
        self._see(row)
        return self._case_event(row, case)

    async def _results(self, run_case_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
        return await self.result_model.filter(
            **{self.subject_key: self.subject_id, "run_case_id__in": run_case_ids}
        ).values(*self.result_fields)

    async def _unseen(self, found: set[uuid.UUID], limit: int) -> list[dict[str, Any]]:
        """Results no notification told of (ids first: results can be large)."""
        ids: list[uuid.UUID] = await self.result_model.filter(
            **{self.subject_key: self.subject_id}).values_list(
            "run_case_id", flat=True)  # type: ignore[assignment]
        unseen = [i for i in ids if i not in self._seen and i not in found][:limit]
        return await self._results(unseen) if unseen else []

    async def _cases(self, run_case_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
        if not run_case_ids:
            return {}
        rows = await RunCase.filter(id__in=run_case_ids).values(*self.case_fields)
        return {row["id"]: row for row in rows}


def _recorded(row: dict[str, Any]) -> tuple[datetime, str]:
    return row["created_at"], str(row["run_case_id"])
