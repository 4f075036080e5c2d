"""Starting, cancelling and listing runs (the API side; jobs live in assay.runs.jobs)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.audit.context import current_actor
from assay.connections import service as connections
from assay.connections.models import AgentConnection
from assay.errors import Conflict, NotFound, invalid
from assay.idempotency import MAX_KEY as MAX_KEY  # re-exported: the REST schema's limit
from assay.idempotency import clean_key
from assay.projects.service import get_project
from assay.runs.execute import Outcome
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseResult,
    RunStatus,
)
from assay.runs.recording import count, insert_result, lock_run, settle
from assay.runs.snapshot import case_content, plan_cases, run_snapshot
from assay.testing.models import Plan, PlanStatus, TestCaseVersion
from assay.testing.plans import get_plan

TARGET = "Run"
#: Run cases sent per round trip when a run starts.
INSERT_BATCH = 1000


@dataclass(frozen=True)
class StartedRun:
    run: Run
    #: The run's cases, in run order: one job each.
    run_case_ids: list[uuid.UUID]
    #: False when the idempotency key named an existing run.
    created: bool


async def get_run(run_id: uuid.UUID) -> Run:
    run = await Run.filter(id=run_id).first()
    if run is None:
        raise NotFound("Run", run_id)
    return run


async def list_runs(
    *, project_id: uuid.UUID | None = None, plan_id: uuid.UUID | None = None,
    status: RunStatus | None = None,
) -> QuerySet[Run]:
    """Visible runs, optionally of one (visible) project and plan; NotFound for others."""
    queryset = Run.all()
    if project_id is not None:
        queryset = queryset.filter(project_id=(await get_project(project_id)).id)
    if plan_id is not None:
        queryset = queryset.filter(plan_id=(await get_plan(plan_id)).id)
    if status is not None:
        queryset = queryset.filter(status=status)
    return queryset


async def _replay(plan: Plan, connection_id: uuid.UUID, key: str) -> StartedRun | None:
    earlier = await Run.filter(project_id=plan.project_id, idempotency_key=key).first()
    if earlier is None:
        return None
    if earlier.plan_id != plan.id or earlier.connection_id != connection_id:
        raise Conflict("this idempotency key already started a run of another plan or "
                       "connection: use a new key for a different run",
                       "IDEMPOTENCY_KEY_REUSED")
    cases = await RunCase.filter(run_id=earlier.id).order_by("position").only("id")
    return StartedRun(earlier, [case.id for case in cases], created=False)


def _check_ready(plan: Plan) -> None:
    if plan.status != PlanStatus.READY:
        raise Conflict(f"this plan is {plan.status.value}: only READY plans run; set it READY "
                       "with setPlanStatus, then start the run", "PLAN_NOT_READY")


async def start_run(
    *, plan_id: uuid.UUID, connection_id: uuid.UUID, idempotency_key: str | None = None
) -> StartedRun:
    """Freeze the plan's cases and the connection into a QUEUED run (the caller enqueues)."""
    key = clean_key(idempotency_key)
    plan = await get_plan(plan_id, lock=True)
    connection = await connections.get_connection(connection_id)
    if key is not None and (replayed := await _replay(plan, connection.id, key)):
        return replayed
    _check_ready(plan)
    if connection.project_id != plan.project_id:
        raise invalid("input.connectionId", "this connection is in another project than the "
                      "plan: use a connection of the plan's project", "WRONG_PROJECT")
    cases = await plan_cases(plan)
    if not cases.versions:
        raise Conflict("this plan has no test case to run: every case of its suites is "
                       "archived; add a live case to one of its suites", "PLAN_EMPTY")
    run = await _insert(plan, connection, key, run_snapshot(plan, connection, cases))
    ids = await _insert_cases(plan, run, cases.versions)
    await audit.record("run.start", target_type=TARGET, target_id=run.id, details={
        "plan_id": str(plan.id), "connection_id": str(connection.id), "cases": len(ids),
        "idempotency_key": key})
    return StartedRun(run, ids, created=True)


async def _insert_cases(plan: Plan, run: Run, versions: list[TestCaseVersion]
                        ) -> list[uuid.UUID]:
    """Copy the case versions into the run, a batch per round trip (one awaited INSERT per
    case kept a 10,000-case run from starting for 7-10 s; batched, ~2 s); returns their ids
    in run order. bulk_create checks and stamps each row's organization and project as
    save does, and row-level security checks them again."""
    rows = [RunCase(project_id=plan.project_id, run_id=run.id,
                    test_case_id=version.test_case_id, version=version.version,
                    position=position, **case_content(version))
            for position, version in enumerate(versions)]
    await RunCase.bulk_create(rows, batch_size=INSERT_BATCH)
    return [row.id for row in rows]


async def _insert(plan: Plan, connection: AgentConnection, key: str | None,
                  snapshot: dict[str, Any]) -> Run:
    actor = current_actor()
    try:
        async with in_transaction():
            return await Run.create(
                project_id=plan.project_id, plan_id=plan.id,
                connection_id=connection.id, idempotency_key=key,
                snapshot=snapshot, total=snapshot["case_count"],
                started_by=f"{actor.type}:{actor.id}"[:100])
    except IntegrityError:
        raise Conflict("another run with this idempotency key is being started right now: "
                       "retry in a moment to get it", "IDEMPOTENCY_KEY_IN_USE") from None


async def cancel_run(*, run_id: uuid.UUID) -> Run:
    """Stop a QUEUED or RUNNING run: every case without a result is recorded CANCELLED."""
    run = await lock_run(run_id)
    if run.status in FINAL_RUN_STATUSES:
        raise Conflict(f"this run is already {run.status.value}: only QUEUED or RUNNING runs "
                       "can be cancelled", "RUN_FINISHED")
    now = datetime.now(UTC)
    pending = await _pending(run.id)
    outcome = Outcome(CaseResultStatus.CANCELLED, started_at=now, finished_at=now,
                      error_code="CANCELLED",
                      error_message="the run was cancelled before this case ran")
    for run_case in pending:
        await insert_result(run_case, outcome, attempts=0)
    count(run, CaseResultStatus.CANCELLED, len(pending))
    previous = run.status
    await settle(run, final=RunStatus.CANCELLED)
    await audit.record("run.cancel", target_type=TARGET, target_id=run.id, details={
        "from": previous.value, "cancelled_cases": len(pending)})
    return run


async def _pending(run_id: uuid.UUID) -> list[RunCase]:
    recorded = RunCaseResult.filter(run_id=run_id).values("run_case_id")
    return await RunCase.filter(run_id=run_id, id__not_in=Subquery(recorded)).order_by("position")

