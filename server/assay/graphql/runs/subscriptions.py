"""runProgress: a run's progress, live, over the websocket (graphql-transport-ws).

The first event is the run as it is; then one event per case that finishes, with the
counts including it; then, once the run is finished, a last event and the subscription
completes. Each read is its own short tenant transaction (nothing is held open while the
client reads); Redis notifications only say when to read (see assay.runs.events), and the
database is read every few seconds regardless. The caller is re-checked as often, so a
revoked key or an ended session ends the subscription. That machinery is
assay.graphql.progress_stream's, shared with evaluationProgress.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_subscription
from assay.graphql.progress_stream import ProgressStream
from assay.graphql.relay import encode_id, expect_id
from assay.graphql.runs.types import (
    AssertResult,
    RunCaseError,
    RunCaseStatusEnum,
    RunCounts,
    RunStatusEnum,
)
from assay.runs import events, progress
from assay.runs.progress import Counts, FinishedCase, RunFollower


@strawberry.type(description="A case that finished: its verdict, not its transcript (read "
                 "run.cases for the replies).")
class FinishedRunCase:
    position: int = strawberry.field(description="Its place in the run, from 0.")
    test_case_id: strawberry.ID
    title: str
    status: RunCaseStatusEnum  # type: ignore[valid-type]
    duration_ms: float
    attempts: int
    failed_asserts: list[AssertResult]
    error: RunCaseError | None
    finished_at: datetime


@strawberry.type(description="The run when the subscription started (always the first event).")
class RunProgressSnapshot:
    run_id: strawberry.ID
    status: RunStatusEnum  # type: ignore[valid-type]
    counts: RunCounts


@strawberry.type(description="A case of the run finished; the counts include it.")
class RunCaseFinished:
    run_id: strawberry.ID
    counts: RunCounts
    case: FinishedRunCase


@strawberry.type(description="The run finished (COMPLETED, FAILED or CANCELLED): the last "
                 "event, after every case's; the subscription then completes.")
class RunFinished:
    run_id: strawberry.ID
    status: RunStatusEnum  # type: ignore[valid-type]
    counts: RunCounts
    finished_at: datetime | None


RunProgressEvent = Annotated[
    RunProgressSnapshot | RunCaseFinished | RunFinished,
    strawberry.union("RunProgressEvent"),
]


def _counts(counts: Counts) -> RunCounts:
    return RunCounts(total=counts.total, passed=counts.passed, failed=counts.failed,
                     errored=counts.errored, timed_out=counts.timed_out,
                     cancelled=counts.cancelled, pending=counts.pending)


def _case(case: FinishedCase) -> FinishedRunCase:
    error = RunCaseError(code=case.error_code, message=case.error_message) \
        if case.error_code else None
    return FinishedRunCase(
        position=case.position,
        test_case_id=strawberry.ID(encode_id("TestCase", case.test_case_id)),
        title=case.title, status=case.status, duration_ms=case.duration_ms,
        attempts=case.attempts,
        failed_asserts=[AssertResult.from_json(a) for a in case.failed_asserts],
        error=error, finished_at=case.finished_at)


def _event(event: progress.Event) -> RunProgressSnapshot | RunCaseFinished | RunFinished:
    run_id = strawberry.ID(encode_id("Run", event.run_id))
    if isinstance(event, progress.Snapshot):
        return RunProgressSnapshot(run_id=run_id, status=event.status,
                                   counts=_counts(event.counts))
    if isinstance(event, progress.CaseFinished):
        return RunCaseFinished(run_id=run_id, counts=_counts(event.counts),
                               case=_case(event.case))
    return RunFinished(run_id=run_id, status=event.status, counts=_counts(event.counts),
                       finished_at=event.finished_at)


_STREAM = ProgressStream(noun="run", permission=Permission.RUN_READ,
                         channel_prefix=events.CHANNEL_PREFIX, convert=_event)


@strawberry.type
class RunProgressSubscription:
    @guarded_subscription(
        Permission.RUN_READ,
        description="A run's progress, live: first the run as it is (RunProgressSnapshot), "
        "then each case as it finishes (RunCaseFinished, counts included), and when the run "
        "is finished a RunFinished event, after which the subscription completes. Served "
        "over a websocket at /graphql (graphql-transport-ws).")
    async def run_progress(self, info: strawberry.Info, run_id: strawberry.ID
                           ) -> AsyncGenerator[RunProgressEvent, None]:
        """NOT_FOUND (an error, no events) for an id that is unknown or not yours."""
        principal = info.context.principal
        pk: uuid.UUID = expect_id(run_id, "Run", "runId")
        follower = RunFollower(principal.org_id, pk, project_ids=principal.project_ids,
                               user_id=principal.user_id)
        first = await follower.start()
        return _STREAM.stream(info.context, follower, first)
