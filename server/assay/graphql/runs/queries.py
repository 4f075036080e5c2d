"""runs and run."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, expect_id, paginate
from assay.graphql.runs.types import RunStatusEnum, RunType
from assay.runs import service


@strawberry.type
class RunQuery:
    @guarded_field(Permission.RUN_READ,
                   description="Runs, oldest first; optionally of one project, plan or status.")
    async def runs(
        self,
        project_id: strawberry.ID | None = None,
        plan_id: strawberry.ID | None = None,
        status: RunStatusEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[RunType]:
        project_pk = expect_id(project_id, "Project", "projectId") if project_id else None
        plan_pk = expect_id(plan_id, "Plan", "planId") if plan_id else None
        queryset = await service.list_runs(project_id=project_pk, plan_id=plan_pk,
                                           status=status)
        return await paginate(queryset, RunType.from_model, first=first, after=after)

    @guarded_field(Permission.RUN_READ, description="One run by its id.")
    async def run(self, id: strawberry.ID) -> RunType | None:
        """NOT_FOUND (an error, data null) for an id that is unknown or not yours."""
        return RunType.from_model(await service.get_run(expect_id(id, "Run", "id")))
