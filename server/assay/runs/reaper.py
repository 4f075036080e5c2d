"""The reaper: a case of a live run whose job is gone from Redis is queued again.

A case job can be lost while no worker misbehaves: Redis flushed, or restarted without
persistence; a crash between a run's commit and its enqueue (callers that enqueue after
committing); an arq job that expired, or ran out of tries because it kept killing its
worker. Such a case has no result, so its run would stay QUEUED or RUNNING for ever.

Every minute (an arq cron job: cron ids are unique per minute, so one worker runs it) and at
each worker's start, :func:`reap` looks at every QUEUED or RUNNING run. A case is lost when
it has no result and neither its arq job key nor its in-progress key exists; it is queued
again under the same job id, so it can never be queued twice. A case found lost more than
REAP_LIMIT times is recorded as ERROR (JOB_LOST) instead: a run always ends.

Finding the runs: workers connect as the runtime role, which sees one organization per
transaction. The database function ``assay_live_runs()`` (see assay.db.security; SECURITY
DEFINER, owned by the migrating role) returns only the (organization id, run id) pairs of
live runs; each organization is then read in its own tenant transaction, with row-level
security applying as everywhere else.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from arq.constants import in_progress_key_prefix, job_key_prefix
from redis.asyncio import Redis
from tortoise import Tortoise
from tortoise.expressions import Subquery

from assay.db.transactions import tenant_transaction
from assay.runs import events, recording
from assay.runs.execute import Outcome
from assay.runs.jobs import job_id
from assay.runs.models import CaseResultStatus, Run, RunCase, RunCaseResult
from assay.runs.routing import enqueue_case_jobs

log = logging.getLogger(__name__)

#: Times a case may be found lost and queued again before it is recorded as ERROR.
REAP_LIMIT = 3
#: How long the count of a case's losses is remembered.
LOSSES_TTL_SECONDS = 2 * 86_400
#: Cases checked in Redis per round trip.
CHECK_BATCH = 1000


def losses_key(run_case_id: uuid.UUID) -> str:
    return f"assay:lost:{job_id(run_case_id)}"


@dataclass
class Reaped:
    """What one pass did."""

    runs: int = 0
    requeued: int = 0
    abandoned: int = 0


@dataclass(frozen=True)
class _Pending:
    org_id: uuid.UUID
    kind: str
    run_case_ids: list[uuid.UUID]


async def live_runs() -> dict[uuid.UUID, list[uuid.UUID]]:
    """Live run ids by organization, through the database's one cross-tenant door."""
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict("SELECT org_id, run_id FROM assay_live_runs()")
    runs: dict[uuid.UUID, list[uuid.UUID]] = {}
    for row in rows:
        runs.setdefault(row["org_id"], []).append(row["run_id"])
    return runs


async def _pending(org_id: uuid.UUID, run_ids: list[uuid.UUID]) -> list[_Pending]:
    """The cases without a result of each run, with the run's connection kind."""
    async with tenant_transaction(org_id):
        kinds = {run.id: run.snapshot["connection"]["kind"]
                 for run in await Run.filter(id__in=run_ids).only("id", "snapshot")}
        recorded = RunCaseResult.filter(run_id__in=run_ids).values("run_case_id")
        rows = await RunCase.filter(run_id__in=run_ids, id__not_in=Subquery(recorded)
                                    ).order_by("position").values_list("id", "run_id")
    by_run: dict[uuid.UUID, list[uuid.UUID]] = {}
    for case_id, run_id in rows:
        by_run.setdefault(run_id, []).append(case_id)
    return [_Pending(org_id, kinds[run_id], ids) for run_id, ids in by_run.items()]


async def _lost(redis: Redis, run_case_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """The cases with neither a queued job nor one in progress."""
    lost: list[uuid.UUID] = []
    for start in range(0, len(run_case_ids), CHECK_BATCH):
        batch = run_case_ids[start:start + CHECK_BATCH]
        async with redis.pipeline(transaction=False) as pipe:
            for case_id in batch:
                pipe.exists(job_key_prefix + job_id(case_id),
                            in_progress_key_prefix + job_id(case_id))
            found: list[int] = await pipe.execute()
        lost += [case_id for case_id, n in zip(batch, found, strict=True) if n == 0]
    return lost


async def _still_without_result(org_id: uuid.UUID, run_case_ids: Sequence[uuid.UUID]
                                 ) -> list[uuid.UUID]:
    """Those of ``run_case_ids`` that still have no result.

    A job writes its result before arq removes its keys, so a case whose job finished
    between the first read of the database and the look at Redis has its result by now: it
    was not lost, and reading again after Redis tells the two apart."""
    async with tenant_transaction(org_id):
        recorded = set(await RunCaseResult.filter(run_case_id__in=list(run_case_ids)
                                                  ).values_list("run_case_id", flat=True))
    return [case_id for case_id in run_case_ids if case_id not in recorded]


async def _count_losses(redis: Redis, run_case_ids: Sequence[uuid.UUID]) -> list[int]:
    async with redis.pipeline(transaction=False) as pipe:
        for case_id in run_case_ids:
            pipe.incr(losses_key(case_id))
            pipe.expire(losses_key(case_id), LOSSES_TTL_SECONDS)
        counted: list[int] = await pipe.execute()
    return counted[::2]


async def _abandon(redis: Redis, org_id: uuid.UUID, run_case_id: uuid.UUID, losses: int
                   ) -> bool:
    now = datetime.now(UTC)
    outcome = Outcome(
        CaseResultStatus.ERROR, started_at=now, finished_at=now, error_code="JOB_LOST",
        error_message=(f"this case's job was lost {losses} times (its worker died, or the "
                       "job queue lost it) and was given up: look at the workers' logs, "
                       "then start a new run"))
    async with tenant_transaction(org_id):
        run_id = await recording.record(run_case_id, outcome, losses)
    if run_id is None:
        return False
    await events.case_finished(redis, run_id, run_case_id)
    return True


async def _reap_run(redis: Redis, pending: _Pending, reaped: Reaped) -> None:
    lost = await _lost(redis, pending.run_case_ids)
    if lost:
        lost = await _still_without_result(pending.org_id, lost)
    if not lost:
        return
    losses = await _count_losses(redis, lost)
    again = [case_id for case_id, n in zip(lost, losses, strict=True) if n <= REAP_LIMIT]
    given_up = [(case_id, n) for case_id, n in zip(lost, losses, strict=True) if n > REAP_LIMIT]
    reaped.requeued += await enqueue_case_jobs(redis, pending.org_id, again, pending.kind)
    for case_id, n in given_up:
        reaped.abandoned += await _abandon(redis, pending.org_id, case_id, n)
    log.warning("reaper: %d lost cases queued again, %d given up (organization %s)",
                len(again), len(given_up), pending.org_id)


async def reap(redis: Redis) -> Reaped:
    """One pass over every live run of every organization."""
    reaped = Reaped()
    for org_id, run_ids in (await live_runs()).items():
        reaped.runs += len(run_ids)
        for pending in await _pending(org_id, run_ids):
            await _reap_run(redis, pending, reaped)
    return reaped


async def reap_lost_cases(ctx: dict[str, Any]) -> str:
    """The arq cron job: one pass with the worker's Redis; returns a line for the log."""
    reaped = await reap(ctx["redis"])
    return (f"{reaped.runs} live runs, {reaped.requeued} lost cases queued again, "
            f"{reaped.abandoned} given up")
