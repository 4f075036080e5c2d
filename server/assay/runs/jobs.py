"""The arq job that runs one case of a run: ids in, one result row out, exactly once.

A job is keyed by its run case (``run-case:<id>``), so enqueueing twice runs it once. It
reads in one transaction, talks to the agent outside any transaction, and records the
result in another; a result that already exists (a retried or re-delivered job, a cancelled
run) means nothing more is written or sent. A job that raises is retried with backoff; on
its last try it records ERROR with the reason, so no case is left without a result (a job
arq itself drops, e.g. one timed out, leaves none: the reaper, assay.runs.reaper, queues it
again).

Concurrency: the conversation runs holding one of its connection's slots (see
:mod:`assay.runs.slots`; the limit is the connection's ``concurrency`` frozen in the run's
snapshot), shared by every worker process through Redis. A job that finds no free slot
waits a little (at most a tenth of its timeout, 5 s), then gives its arq job slot back with
``Retry(defer=~1 s)`` so other connections' cases get the worker. arq counts every delivery
as a try (``job_try``), so before that Retry the job gives the try back (it decrements arq's
``arq:retry:<job id>`` counter): waiting for a slot, however often, never brings a case
closer to MAX_TRIES, and only real failures and worker deaths do. The same holds for a job
that starts before the transaction that queued it has committed (the API queues inside it).

Time: arq cancels a try after the worker's job timeout (``ASSAY_JOB_TIMEOUT_SECONDS``), and
re-delivers the job of a dead worker that long (plus 10 s) after it started. The
conversation's deadline is what is left of that timeout after loading and waiting, minus a
reserve for evidence, closing and recording (:func:`conversation_budget`), so a slow agent
is recorded as TIMEOUT rather than cut off by arq.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from arq.worker import Function, func

from assay.connections import service as connections
from assay.connections.credentials import CredentialUnreadable
from assay.db.transactions import tenant_transaction
from assay.job_tries import give_back_try, just_queued
from assay.runs import cache, events, hot_path, recording
from assay.runs.cache import RunConnection
from assay.runs.connectors import ConnectorPool
from assay.runs.execute import CaseScript, Outcome, case_deadline, converse
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunStatus,
)
from assay.runs.slots import slots_for

log = logging.getLogger(__name__)

#: Tries before a failing case is recorded as ERROR.
MAX_TRIES = 3
RETRY_DELAY_SECONDS = 2
#: arq's limit for one try when the worker names none (the default of
#: ``ASSAY_JOB_TIMEOUT_SECONDS``). arq also waits this long (plus 10 s) before another worker
#: takes over the job of a worker that died.
JOB_TIMEOUT_SECONDS = 300
#: The most a job waits for a free slot of its connection before giving its arq slot back.
SLOT_WAIT_SECONDS = 5.0
#: Then it is tried again after about this long (jittered by half either way).
SLOT_RETRY_SECONDS = 1.0
#: A job that finds no run case this soon after it was queued waits for the commit of the
#: transaction that queued it (trying again after COMMIT_RETRY_SECONDS) without spending a
#: try; later, a missing case costs a try, and after MAX_TRIES the job gives up.
COMMIT_WAIT_SECONDS = 30.0
COMMIT_RETRY_SECONDS = 0.5
#: The most of a job's time kept back for evidence, closing and recording.
RESERVE_SECONDS = 30.0
JOB_NAME = "run_case"
#: ctx key of the worker's ConnectorPool.
CONNECTORS = "connectors"
#: ctx key of the timeout (seconds) the worker registered this job with (see functions()).
JOB_TIMEOUT = "job_timeout_seconds"
#: The Redis client arq puts in ctx; without one (a direct call) there are no shared slots.
REDIS = "redis"


def job_id(run_case_id: uuid.UUID) -> str:
    return f"run-case:{run_case_id}"


@dataclass(frozen=True)
class CaseWork:
    target: recording.Target
    connection_id: str
    concurrency: int
    kind: str
    config: dict[str, Any]
    credentials: dict[str, str]
    script: CaseScript


class _NotVisible(Exception):
    """The run case is not (yet) in the database: its transaction has not committed."""


class _NoSlot(Exception):
    """Every slot of the case's connection stayed taken while the job waited."""


def conversation_budget(job_timeout: float) -> float:
    """Seconds of a try the conversation may use at most: the job timeout minus the reserve
    (a fifth of it, at most RESERVE_SECONDS) for evidence, closing and recording."""
    return job_timeout - min(RESERVE_SECONDS, job_timeout / 5)


def slot_wait(job_timeout: float) -> float:
    """Seconds a job waits for a slot: a tenth of its timeout, at most SLOT_WAIT_SECONDS."""
    return min(SLOT_WAIT_SECONDS, job_timeout / 10)


async def _mark_running(run_id: uuid.UUID) -> None:
    run = await recording.lock_run(run_id, columns=("status", "started_at"))
    if run.status == RunStatus.QUEUED:
        run.status = RunStatus.RUNNING
        run.started_at = datetime.now(UTC)
        await run.save(update_fields=["status", "started_at"])


def _failed(code: str, message: str) -> Outcome:
    now = datetime.now(UTC)
    return Outcome(CaseResultStatus.ERROR, started_at=now, finished_at=now, error_code=code,
                   error_message=message)


async def _run_connection(org_id: uuid.UUID, run_id: uuid.UUID,
                          connection_id: uuid.UUID) -> RunConnection:
    """The connection part of the run's snapshot: read once per run and process."""
    key = (org_id, run_id)
    found = cache.run_connections.get(key)
    if found is None:
        snapshot = await Run.filter(id=run_id).first().values_list("snapshot", flat=True)
        found = RunConnection.of(snapshot, connection_id)  # type: ignore[arg-type]
        cache.run_connections.put(key, found)
    return found


async def _credentials(org_id: uuid.UUID, connection_id: uuid.UUID) -> dict[str, str]:
    """The connection's opened credentials, reused for a while (see assay.runs.cache)."""
    key = (org_id, connection_id)
    found = cache.credentials.get(key)
    if found is None:
        found = await connections.open_credentials(connection_id)
        cache.credentials.put(key, found)
    return found


async def _prepare(org_id: uuid.UUID, run_case_id: uuid.UUID) -> CaseWork | Outcome | None:
    """What to run; an Outcome to record at once; or None when there is nothing to do.

    One statement reads the case, its run's status and whether it has a result (see
    assay.runs.hot_path); the snapshot's connection and the credentials come from the
    process's caches after the run's first case (see assay.runs.cache).
    """
    async with tenant_transaction(org_id):
        row = await hot_path.read_case(run_case_id)
        if row is None:
            raise _NotVisible(str(run_case_id))
        if row.done or row.run_status in FINAL_RUN_STATUSES:
            return None
        target = recording.Target(run_case_id, row.run_id, row.project_id)
        if row.run_status == RunStatus.QUEUED:
            await _mark_running(row.run_id)
        connection = await _run_connection(org_id, row.run_id, row.connection_id)
        try:
            credentials = await _credentials(org_id, row.connection_id)
        except CredentialUnreadable as error:
            return _failed("CREDENTIALS_UNREADABLE", error.message)
        script = CaseScript.of(row.mode, row.input, row.turns, row.asserts)
        return CaseWork(target, connection.connection_id, connection.concurrency,
                        connection.kind, connection.config, credentials, script)


async def _run_is_live(org_id: uuid.UUID, run_id: uuid.UUID) -> bool:
    async with tenant_transaction(org_id):
        run = await Run.filter(id=run_id).only("id", "status").first()
    return run is not None and run.status not in FINAL_RUN_STATUSES


async def _record(ctx: dict[str, Any], org_id: uuid.UUID, run_case_id: uuid.UUID,
                  outcome: Outcome, attempt: int, target: recording.Target | None = None
                  ) -> bool:
    """Record the outcome once and, after the commit, tell the run's followers (``target``:
    what _prepare read of the run case, when it did)."""
    async with tenant_transaction(org_id):
        run_id = await recording.record(run_case_id, outcome, attempt, target=target)
    if run_id is None:
        return False
    await events.case_finished(ctx.get(REDIS), run_id, run_case_id)  # never raises
    return True


async def _converse(pool: ConnectorPool, org_id: uuid.UUID, work: CaseWork,
                    budget: float) -> Outcome:
    connector = await pool.get(work.kind)

    async def keep_going() -> bool:
        return await _run_is_live(org_id, work.target.run_id)

    conversation = connector.conversation(work.config, work.credentials)
    deadline = min(case_deadline(work.config, len(work.script.messages)), max(budget, 1.0))
    return await converse(conversation, work.script, keep_going=keep_going,
                          deadline_seconds=deadline)


async def _execute(ctx: dict[str, Any], org_id: uuid.UUID, work: CaseWork, began: float
                   ) -> Outcome:
    """Converse holding one of the connection's slots (none outside an arq worker)."""
    pool: ConnectorPool = ctx[CONNECTORS]
    job_timeout = float(ctx.get(JOB_TIMEOUT) or JOB_TIMEOUT_SECONDS)
    redis = ctx.get(REDIS)
    if redis is None:
        return await _converse(pool, org_id, work, conversation_budget(job_timeout))
    slots = slots_for(redis)
    lease = await slots.acquire(work.connection_id, work.concurrency,
                                wait_seconds=slot_wait(job_timeout))
    if lease is None:
        raise _NoSlot(work.connection_id)
    async with slots.holding(work.connection_id, work.concurrency, lease):
        left = conversation_budget(job_timeout) - (time.monotonic() - began)
        return await _converse(pool, org_id, work, left)


def _reason(error: BaseException, secrets: list[str]) -> str:
    text = f"{type(error).__name__}: {error}"[:500]
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[secret]")
    return text


async def run_case(ctx: dict[str, Any], org_id: str, run_case_id: str) -> str:
    """Run one case of a run and record its result; returns what happened, for the logs."""
    began = time.monotonic()
    org, case_id = uuid.UUID(org_id), uuid.UUID(run_case_id)
    attempt = int(ctx.get("job_try") or 1)
    secrets: list[str] = []
    try:
        work = await _prepare(org, case_id)
        if work is None:
            return "skipped"
        target = None
        if isinstance(work, CaseWork):
            secrets.extend(work.credentials.values())
            target = work.target
            work = await _execute(ctx, org, work, began)
        written = await _record(ctx, org, case_id, work, attempt, target)
        return "recorded" if written else "skipped"
    except _NotVisible:
        # the API queues inside its transaction: wait for the commit
        if just_queued(ctx, COMMIT_WAIT_SECONDS):
            await give_back_try(ctx)
            raise Retry(defer=COMMIT_RETRY_SECONDS) from None
        if attempt < MAX_TRIES:
            raise Retry(defer=RETRY_DELAY_SECONDS) from None
        log.warning("run case %s never became visible: its run was not started", case_id)
        return "missing"
    except _NoSlot:
        await give_back_try(ctx)
        raise Retry(defer=SLOT_RETRY_SECONDS * random.uniform(0.5, 1.5)) from None
    except Exception as error:
        return await _crashed(ctx, org, case_id, attempt, _reason(error, secrets))


async def _crashed(ctx: dict[str, Any], org_id: uuid.UUID, run_case_id: uuid.UUID, attempt: int,
                   reason: str) -> str:
    log.warning("run case %s failed on try %d: %s", run_case_id, attempt, reason)
    if attempt < MAX_TRIES:
        raise Retry(defer=RETRY_DELAY_SECONDS * attempt)
    message = (f"the worker failed {attempt} times running this case; the last failure: "
               f"{reason}. Start a new run once the cause is fixed")
    written = await _record(ctx, org_id, run_case_id, _failed("JOB_FAILED", message), attempt)
    return "recorded" if written else "skipped"


def functions(timeout_seconds: float = JOB_TIMEOUT_SECONDS) -> list[Function]:
    """What a worker registers (give its ctx the same timeout under JOB_TIMEOUT).

    One more arq try than MAX_TRIES, so that a job re-delivered after its worker died on the
    last try still runs and records its result. No arq result is kept: the database holds
    the result, and a kept one would stop the reaper from queueing a lost case again.
    """
    return [func(run_case, name=JOB_NAME, max_tries=MAX_TRIES + 1, timeout=timeout_seconds,
                 keep_result=0)]


FUNCTIONS: list[Function] = functions()
