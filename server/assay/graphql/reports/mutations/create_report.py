"""createReport."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.reports.types import ReportType
from assay.reports import service


@strawberry.input
class CreateReportInput:
    evaluation_ids: list[strawberry.ID] = strawberry.field(
        description="COMPLETED evaluations of runs of one plan, in the order to show them.")
    title: str | None = strawberry.field(
        default=None, description="Default: the plan's name and today's date.")
    threshold: float = strawberry.field(
        default=service.DEFAULT_THRESHOLD,
        description="The pass rate, from 0 to 1, the report must reach.")
    baseline_evaluation_id: strawberry.ID | None = strawberry.field(
        default=None, description="A COMPLETED evaluation of an earlier run of the same plan "
        "to compare with.")


@strawberry.type
class CreateReportSuccess:
    report: ReportType


CreateReportResult = Annotated[
    CreateReportSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CreateReportResult"),
]


@strawberry.type
class CreateReportMutation:
    @guarded_mutation(
        Permission.REPORT_CREATE,
        description="Consolidate evaluations of one plan into a report: its figures are "
        "computed now and never change. Errors (nothing is written): EMPTY, "
        "TOO_MANY_EVALUATIONS, DUPLICATE_EVALUATION, THRESHOLD_OUT_OF_RANGE, NOT_FINISHED, "
        "MIXED_PLANS, BASELINE_IN_REPORT, BASELINE_NOT_FINISHED, BASELINE_OTHER_PLAN, and "
        "NOT_FOUND for an evaluation you cannot see.")
    @returns_errors
    async def create_report(self, input: CreateReportInput) -> CreateReportResult:
        ids = [expect_id(gid, "Evaluation", f"input.evaluationIds.{index}")
               for index, gid in enumerate(input.evaluation_ids)]
        baseline = expect_id(input.baseline_evaluation_id, "Evaluation",
                             "input.baselineEvaluationId") \
            if input.baseline_evaluation_id else None
        report = await service.create_report(
            evaluation_ids=ids, title=input.title, threshold=input.threshold,
            baseline_evaluation_id=baseline)
        return CreateReportSuccess(report=ReportType.from_model(report))
