"""The arq job that runs one case of a run: ids in, one result row out, exactly once.

A job is keyed by its run case (``run-case:<id>``), so enqueueing twice runs it once. It
reads in one transaction, talks to the agent outside any transaction, and records the
result in another; a result that already exists (a retried or re-delivered job, a cancelled
run) means nothing more is written or sent. A job that raises is retried with backoff; on
its last try it records ERROR with the reason, so no case is left without a result.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from arq.worker import Function, func

from assay.connections import service as connections
from assay.connections.credentials import CredentialUnreadable
from assay.db.transactions import tenant_transaction
from assay.runs import recording
from assay.runs.connectors import ConnectorPool
from assay.runs.execute import CaseScript, Outcome, case_deadline, converse
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseResult,
    RunStatus,
)

log = logging.getLogger(__name__)

#: Tries before a failing case is recorded as ERROR.
MAX_TRIES = 3
RETRY_DELAY_SECONDS = 2
#: arq's own limit for one try. arq also waits this long (plus 10 s) before another worker
#: takes over the job of a worker that died, so it is kept short; the conversation's own
#: deadline ends before it, so a slow agent is recorded as TIMEOUT rather than killed.
JOB_TIMEOUT_SECONDS = 300
CASE_DEADLINE_SECONDS = JOB_TIMEOUT_SECONDS - 30
JOB_NAME = "run_case"
#: ctx key of the worker's ConnectorPool.
CONNECTORS = "connectors"


def job_id(run_case_id: uuid.UUID) -> str:
    return f"run-case:{run_case_id}"


@dataclass(frozen=True)
class CaseWork:
    run_id: uuid.UUID
    kind: str
    config: dict[str, Any]
    credentials: dict[str, str]
    script: CaseScript


class _NotVisible(Exception):
    """The run case is not (yet) in the database: its transaction has not committed."""


async def _mark_running(run_id: uuid.UUID) -> None:
    run = await recording.lock_run(run_id)
    if run.status == RunStatus.QUEUED:
        run.status = RunStatus.RUNNING
        run.started_at = datetime.now(UTC)
        await run.save(update_fields=["status", "started_at"])


def _failed(code: str, message: str) -> Outcome:
    now = datetime.now(UTC)
    return Outcome(CaseResultStatus.ERROR, started_at=now, finished_at=now, error_code=code,
                   error_message=message)


async def _prepare(org_id: uuid.UUID, run_case_id: uuid.UUID) -> CaseWork | Outcome | None:
    """What to run; an Outcome to record at once; or None when there is nothing to do."""
    async with tenant_transaction(org_id):
        run_case = await RunCase.filter(id=run_case_id).first()
        if run_case is None:
            raise _NotVisible(str(run_case_id))
        run = await Run.filter(id=run_case.run_id).first()
        done = await RunCaseResult.filter(run_case_id=run_case_id).exists()
        if run is None or done or run.status in FINAL_RUN_STATUSES:
            return None
        if run.status == RunStatus.QUEUED:
            await _mark_running(run.id)
        try:
            credentials = await connections.open_credentials(run.connection_id)
        except CredentialUnreadable as error:
            return _failed("CREDENTIALS_UNREADABLE", error.message)
        connection = run.snapshot["connection"]
        script = CaseScript.of(run_case.mode, run_case.input, run_case.turns, run_case.asserts)
        return CaseWork(run.id, connection["kind"], connection["config"], credentials, script)


async def _run_is_live(org_id: uuid.UUID, run_id: uuid.UUID) -> bool:
    async with tenant_transaction(org_id):
        run = await Run.filter(id=run_id).only("id", "status").first()
    return run is not None and run.status not in FINAL_RUN_STATUSES


async def _record(org_id: uuid.UUID, run_case_id: uuid.UUID, outcome: Outcome,
                  attempt: int) -> bool:
    async with tenant_transaction(org_id):
        return await recording.record(run_case_id, outcome, attempt)


async def _execute(pool: ConnectorPool, org_id: uuid.UUID, work: CaseWork) -> Outcome:
    connector = await pool.get(work.kind)

    async def keep_going() -> bool:
        return await _run_is_live(org_id, work.run_id)

    conversation = connector.conversation(work.config, work.credentials)
    deadline = min(case_deadline(work.config, len(work.script.messages)), CASE_DEADLINE_SECONDS)
    return await converse(conversation, work.script, keep_going=keep_going,
                          deadline_seconds=deadline)


def _reason(error: BaseException, secrets: list[str]) -> str:
    text = f"{type(error).__name__}: {error}"[:500]
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[secret]")
    return text


async def run_case(ctx: dict[str, Any], org_id: str, run_case_id: str) -> str:
    """Run one case of a run and record its result; returns what happened, for the logs."""
    org, case_id = uuid.UUID(org_id), uuid.UUID(run_case_id)
    attempt = int(ctx.get("job_try") or 1)
    secrets: list[str] = []
    try:
        work = await _prepare(org, case_id)
        if work is None:
            return "skipped"
        if isinstance(work, CaseWork):
            secrets.extend(work.credentials.values())
            work = await _execute(ctx[CONNECTORS], org, work)
        return "recorded" if await _record(org, case_id, work, attempt) else "skipped"
    except _NotVisible:
        if attempt < MAX_TRIES:
            raise Retry(defer=RETRY_DELAY_SECONDS) from None
        log.warning("run case %s never became visible: its run was not started", case_id)
        return "missing"
    except Exception as error:
        return await _crashed(org, case_id, attempt, _reason(error, secrets))


async def _crashed(org_id: uuid.UUID, run_case_id: uuid.UUID, attempt: int, reason: str) -> str:
    log.warning("run case %s failed on try %d: %s", run_case_id, attempt, reason)
    if attempt < MAX_TRIES:
        raise Retry(defer=RETRY_DELAY_SECONDS * attempt)
    message = (f"the worker failed {attempt} times running this case; the last failure: "
               f"{reason}. Start a new run once the cause is fixed")
    written = await _record(org_id, run_case_id, _failed("JOB_FAILED", message), attempt)
    return "recorded" if written else "skipped"


#: What a worker registers. One more arq try than MAX_TRIES, so that a job re-delivered after
#: its worker died on the last try still runs and records its result.
FUNCTIONS: list[Function] = [
    func(run_case, name=JOB_NAME, max_tries=MAX_TRIES + 1, timeout=JOB_TIMEOUT_SECONDS),
]
