"""startRun."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.runs.types import RunType
from assay.runs import queue, service
from assay.tenancy.scope import require_org


@strawberry.input
class StartRunInput:
    plan_id: strawberry.ID
    connection_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(
        default=None, description="Starting again with the same key returns the same run.")


@strawberry.type
class StartRunSuccess:
    run: RunType
    created: bool = strawberry.field(
        description="False when the idempotency key named a run started earlier.")


StartRunResult = Annotated[
    StartRunSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("StartRunResult"),
]


@strawberry.type
class StartRunMutation:
    @guarded_mutation(Permission.RUN_CREATE,
                      description="Run a READY plan against an agent connection: its cases are "
                      "frozen at their current versions and queued, one job each.")
    @returns_errors
    async def start_run(self, info: strawberry.Info, input: StartRunInput) -> StartRunResult:
        started = await service.start_run(
            plan_id=expect_id(input.plan_id, "Plan", "input.planId"),
            connection_id=expect_id(input.connection_id, "AgentConnection",
                                    "input.connectionId"),
            idempotency_key=input.idempotency_key,
        )
        if started.created:
            # In the operation's transaction: if queueing fails, the run is not written either;
            # a job that starts before the commit waits for it (see assay.runs.jobs). Browser
            # cases go to their own queue (assay.runs.routing).
            await queue.enqueue_cases(info.context.settings, require_org(),
                                      started.run_case_ids,
                                      kind=started.run.snapshot["connection"]["kind"])
        return StartRunSuccess(run=RunType.from_model(started.run), created=started.created)
