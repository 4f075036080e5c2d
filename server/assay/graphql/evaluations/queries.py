"""evaluations and evaluation."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.evaluations import service
from assay.graphql.evaluations.types import EvaluationType
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, expect_id, paginate


@strawberry.type
class EvaluationQuery:
    @guarded_field(Permission.EVALUATION_READ,
                   description="Evaluations, oldest first; optionally of one run.")
    async def evaluations(self, run_id: strawberry.ID | None = None, first: int | None = None,
                          after: str | None = None) -> Connection[EvaluationType]:
        """NOT_FOUND (an error, data null) for a run id that is unknown or not yours."""
        run_pk = expect_id(run_id, "Run", "runId") if run_id else None
        queryset = await service.list_evaluations(run_id=run_pk)
        return await paginate(queryset, EvaluationType.from_model, first=first, after=after)

    @guarded_field(Permission.EVALUATION_READ, description="One evaluation by its id.")
    async def evaluation(self, id: strawberry.ID) -> EvaluationType | None:
        """NOT_FOUND (an error, data null) for an id that is unknown or not yours."""
        return EvaluationType.from_model(
            await service.get_evaluation(expect_id(id, "Evaluation", "id")))
