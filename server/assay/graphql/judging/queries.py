"""judges, evaluators and calibrationReports."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.judging.types import (
    CalibrationReportType,
    EvaluatorType,
    JudgeType,
    catalog,
)
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, paginate
from assay.judging import configurations, reports


@strawberry.type
class JudgingQuery:
    @guarded_field(Permission.JUDGE_READ,
                   description="The organization's judges, the default first, then by name.")
    async def judges(self) -> list[JudgeType]:
        return [JudgeType.from_model(row) for row in await configurations.list_configurations()]

    @guarded_field(Permission.EVALUATOR_READ,
                   description="Every installed evaluator, by slug, with its enablements in "
                   "this organization and its latest calibration per judge model.")
    def evaluators(self) -> list[EvaluatorType]:
        return catalog()

    @guarded_field(Permission.EVALUATOR_READ,
                   description="Calibration reports, oldest first, optionally of one evaluator "
                   "(and version), judge provider and model. Reports are global: they hold "
                   "the results on the evaluators' public datasets, nothing of any tenant.")
    async def calibration_reports(
        self,
        evaluator: str | None = None,
        version: str | None = None,
        judge: str | None = None,
        model: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[CalibrationReportType]:
        queryset = reports.list_reports(evaluator=evaluator, version=version, judge=judge,
                                        model=model)
        return await paginate(queryset, CalibrationReportType.from_model, first=first,
                              after=after)
