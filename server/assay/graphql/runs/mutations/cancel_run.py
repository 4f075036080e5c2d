"""cancelRun. Subscribers to the run's progress are told once the cancel has committed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.extensions import after_commit
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.runs.types import RunType
from assay.runs import events, queue, service


@strawberry.type
class CancelRunSuccess:
    run: RunType


CancelRunResult = Annotated[
    CancelRunSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CancelRunResult"),
]


@strawberry.type
class CancelRunMutation:
    @guarded_mutation(Permission.RUN_CANCEL,
                      description="Stop a QUEUED or RUNNING run: every case that has no result "
                      "yet is recorded CANCELLED and nothing more is sent to the agent.")
    @returns_errors
    async def cancel_run(self, info: strawberry.Info, id: strawberry.ID) -> CancelRunResult:
        run = await service.cancel_run(run_id=expect_id(id, "Run", "id"))
        settings = info.context.settings

        async def notify() -> None:
            await events.status_changed(await queue.pool(settings), run.id)

        after_commit(info.context, notify)
        return CancelRunSuccess(run=RunType.from_model(run))
