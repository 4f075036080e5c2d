"""evaluationProgress: an evaluation's progress, live, over the websocket.

The first event is the evaluation as it is; then one event per case as it is scored, with
the counts including it; then, once the evaluation is finished, a last event with its
final status, overall score and pass rate, and the subscription completes. As with
runProgress (whose pub/sub machinery this reuses: assay.runs.events), each read is its own
short tenant transaction, Redis notifications only say when to read, the database is read
every few seconds regardless, and the caller is re-checked as often: the subscription
machinery is assay.graphql.progress_stream's, shared with runProgress.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.evaluations import events, progress
from assay.evaluations.progress import Counts, EvaluationFollower
from assay.graphql.evaluations.types import EvaluationStatusEnum
from assay.graphql.permissions import guarded_subscription
from assay.graphql.progress_stream import ProgressStream
from assay.graphql.relay import encode_id, expect_id


@strawberry.type(description="Cases per verdict so far; pending = not scored yet.")
class EvaluationProgressCounts:
    total: int
    done: int
    passed: int
    failed: int
    errored: int
    pii_leaks: int
    pending: int


@strawberry.type(description="A case that was scored: its verdict (evaluation.cases has its "
                 "scores).")
class ScoredEvaluationCase:
    run_case_id: strawberry.ID = strawberry.field(description="The run case (not a node id).")
    position: int = strawberry.field(description="Its place in the run, from 0.")
    title: str
    passed: bool
    score: float | None
    pii_leak: bool


@strawberry.type(description="The evaluation when the subscription started (always the "
                 "first event).")
class EvaluationProgressSnapshot:
    evaluation_id: strawberry.ID
    status: EvaluationStatusEnum  # type: ignore[valid-type]
    counts: EvaluationProgressCounts


@strawberry.type(description="A case was scored; the counts include it.")
class EvaluationCaseScored:
    evaluation_id: strawberry.ID
    counts: EvaluationProgressCounts
    case: ScoredEvaluationCase


@strawberry.type(description="The evaluation finished: the last event, after every case's; "
                 "the subscription then completes.")
class EvaluationFinished:
    evaluation_id: strawberry.ID
    status: EvaluationStatusEnum  # type: ignore[valid-type]
    counts: EvaluationProgressCounts
    overall_score: float | None
    pass_rate: float | None
    finished_at: datetime | None


EvaluationProgressEvent = Annotated[
    EvaluationProgressSnapshot | EvaluationCaseScored | EvaluationFinished,
    strawberry.union("EvaluationProgressEvent"),
]
Event = EvaluationProgressSnapshot | EvaluationCaseScored | EvaluationFinished


def _counts(counts: Counts) -> EvaluationProgressCounts:
    return EvaluationProgressCounts(total=counts.total, done=counts.done, passed=counts.passed,
                                    failed=counts.failed, errored=counts.errored,
                                    pii_leaks=counts.pii_leaks, pending=counts.pending)


def _event(event: progress.Event) -> Event:
    gid = strawberry.ID(encode_id("Evaluation", event.evaluation_id))
    if isinstance(event, progress.Snapshot):
        return EvaluationProgressSnapshot(evaluation_id=gid, status=event.status,
                                          counts=_counts(event.counts))
    if isinstance(event, progress.CaseScored):
        case = event.case
        return EvaluationCaseScored(evaluation_id=gid, counts=_counts(event.counts),
                                    case=ScoredEvaluationCase(
                                        run_case_id=strawberry.ID(str(case.run_case_id)),
                                        position=case.position, title=case.title,
                                        passed=case.passed, score=case.score,
                                        pii_leak=case.pii_leak))
    return EvaluationFinished(evaluation_id=gid, status=event.status,
                              counts=_counts(event.counts), overall_score=event.overall_score,
                              pass_rate=event.pass_rate, finished_at=event.finished_at)


_STREAM = ProgressStream(noun="evaluation", permission=Permission.EVALUATION_READ,
                         channel_prefix=events.CHANNEL_PREFIX, convert=_event)


@strawberry.type
class EvaluationProgressSubscription:
    @guarded_subscription(
        Permission.EVALUATION_READ,
        description="An evaluation's progress, live: first the evaluation as it is "
        "(EvaluationProgressSnapshot), then each case as it is scored (EvaluationCaseScored, "
        "counts included), and when it is finished an EvaluationFinished event, after which "
        "the subscription completes. Served over a websocket at /graphql "
        "(graphql-transport-ws).")
    async def evaluation_progress(self, info: strawberry.Info, evaluation_id: strawberry.ID
                                  ) -> AsyncGenerator[EvaluationProgressEvent, None]:
        """NOT_FOUND (an error, no events) for an id that is unknown or not yours."""
        principal = info.context.principal
        pk: uuid.UUID = expect_id(evaluation_id, "Evaluation", "evaluationId")
        follower = EvaluationFollower(principal.org_id, pk, project_ids=principal.project_ids,
                                      user_id=principal.user_id)
        first = await follower.start()
        return _STREAM.stream(info.context, follower, first)
