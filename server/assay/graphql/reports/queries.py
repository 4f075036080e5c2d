"""reports, report and planTrend."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.relay import Connection, expect_id, paginate
from assay.graphql.reports.types import PlanTrendPointType, PlanTrendType, ReportType
from assay.reports import service, trends


@strawberry.type
class ReportQuery:
    @guarded_field(Permission.REPORT_READ,
                   description="Reports, oldest first; optionally of one plan.")
    async def reports(self, plan_id: strawberry.ID | None = None, first: int | None = None,
                      after: str | None = None) -> Connection[ReportType]:
        """NOT_FOUND (an error, data null) for a plan id that is unknown or not yours."""
        plan_pk = expect_id(plan_id, "Plan", "planId") if plan_id else None
        queryset = await service.list_reports(plan_id=plan_pk)
        return await paginate(queryset, ReportType.from_model, first=first, after=after)

    @guarded_field(Permission.REPORT_READ, description="One report by its id.")
    async def report(self, id: strawberry.ID) -> ReportType | None:
        """NOT_FOUND (an error, data null) for an id that is unknown or not yours."""
        return ReportType.from_model(await service.get_report(expect_id(id, "Report", "id")))

    @guarded_field(Permission.REPORT_READ,
                   description="Overall score and pass rate of the plan's last N COMPLETED "
                   "runs that have a COMPLETED evaluation (the latest counts), oldest first.")
    async def plan_trend(self, plan_id: strawberry.ID, last: int = 10) -> PlanTrendType:
        """NOT_FOUND (an error, data null) for a plan id that is unknown or not yours."""
        points = await trends.plan_trend(expect_id(plan_id, "Plan", "planId"), last)
        return PlanTrendType(plan_id=plan_id,
                             points=[PlanTrendPointType.from_point(p) for p in points])
