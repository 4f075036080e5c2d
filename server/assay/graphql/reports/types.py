"""The Report type: every field reads the report's snapshot, never the live rows."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.errors import invalid
from assay.graphql.node import register_node
from assay.graphql.relay import Connection, Edge, Node, PageInfo, PageRequest, encode_id
from assay.graphql.reports import loaders
from assay.graphql.reports.figures import (
    ReportCase,
    ReportComparison,
    ReportError,
    ReportEvaluation,
    ReportEvaluatorFigures,
    ReportLatency,
    ReportPiiAlert,
    ReportTotals,
)
from assay.graphql.testing.types import described
from assay.reports import exports
from assay.reports.exporting import summary_of
from assay.reports.models import Report
from assay.reports.trends import TrendPoint


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    JUNIT = "junit"
    HTML = "html"


ReportExportFormatEnum = strawberry.enum(
    ExportFormat, name="ReportExportFormat",
    description="JSON: the snapshot; CSV: one row per case and evaluator; JUNIT: JUnit XML "
    "for CI; HTML: a self-contained page with charts. (PDF: GET /api/v1/reports/{id}/export"
    "?format=pdf.)")


@strawberry.type(description="The plan or project a report is about, as it was named then.")
class ReportSubject:
    id: strawberry.ID
    name: str


def _cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"rc:{index}".encode()).decode().rstrip("=")


def _after(cursor: str) -> int:
    try:
        tag, _, raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)
                                               ).decode().partition(":")
        if tag != "rc" or not raw.isdigit():
            raise ValueError(cursor)
        return int(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid("after", "not a cursor of this list: pass pageInfo.endCursor of the "
                      "previous page", "INVALID_CURSOR") from None


def _count(total: int) -> Callable[[], Awaitable[int]]:
    async def count() -> int:
        return total
    return count


def case_page(cases: list[dict[str, Any]], passed: bool | None, first: int | None,
              after: str | None) -> Connection[ReportCase]:
    """A page of the snapshot's cases (in report order), optionally only (not) passed."""
    size = PageRequest.of(first, None).size
    start = _after(after) + 1 if after else 0
    chosen = [(i, case) for i, case in enumerate(cases)
              if passed is None or case["passed"] is passed]
    rest = [(i, case) for i, case in chosen if i >= start]
    edges = [Edge(cursor=_cursor(i), node=ReportCase.from_json(case)) for i, case in rest[:size]]
    info = PageInfo(has_next_page=len(rest) > size, has_previous_page=after is not None,
                    start_cursor=edges[0].cursor if edges else None,
                    end_cursor=edges[-1].cursor if edges else None)
    return Connection(edges=edges, page_info=info, _count=_count(len(chosen)))


@strawberry.type(name="Report", description="A consolidated, immutable view of evaluations "
                 "of one plan: computed once when created, it reads the same forever.")
class ReportType(Node):
    title: str
    threshold: float = strawberry.field(description="The pass rate the report must reach.")
    content_hash: str = strawberry.field(description="SHA-256 of the snapshot's canonical "
                                         "JSON.")
    created_by: str = strawberry.field(description="Who made it, as type:id.")
    created_at: datetime
    snapshot: JSON = strawberry.field(description="The whole report (schema_version 1): what "
                                      "every field and export reads.")
    data: strawberry.Private[dict[str, Any]]
    pk: strawberry.Private[uuid.UUID]

    @described("The plan, as it was named when the report was made.")
    def plan(self) -> ReportSubject:
        return ReportSubject(**self.data["plan"])

    @described("The project, as it was named when the report was made.")
    def project(self) -> ReportSubject:
        return ReportSubject(**self.data["project"])

    @described("The evaluations consolidated, in the order given.")
    def evaluations(self) -> list[ReportEvaluation]:
        return [ReportEvaluation.from_json(e) for e in self.data["evaluations"]]

    @described("Counts, pass rate, overall score.")
    def totals(self) -> ReportTotals:
        return ReportTotals.from_json(self.data["totals"])

    @described("Latency percentiles of the cases, in ms.")
    def latency(self) -> ReportLatency:
        return ReportLatency.from_json(self.data["latency_ms"])

    @described("Per evaluator version: counts, mean, spread, minimum, maximum, histogram.")
    def evaluators(self) -> list[ReportEvaluatorFigures]:
        return [ReportEvaluatorFigures.from_json(e) for e in self.data["evaluators"]]

    @described("Cases that errored or timed out.")
    def errors(self) -> list[ReportError]:
        return [ReportError.from_json(e) for e in self.data["errors"]]

    @described("Personal data found in the agent's answers.")
    def pii_alerts(self) -> list[ReportPiiAlert]:
        return [ReportPiiAlert.from_json(a) for a in self.data["pii_alerts"]]

    @described("The cases in report order (evaluations in order, then run position); "
               "`passed: false` lists the failed ones.")
    def cases(self, passed: bool | None = None, first: int | None = None,
              after: str | None = None) -> Connection[ReportCase]:
        return case_page(self.data["cases"], passed, first, after)

    @described("The comparison with the baseline, and flaky cases; null when the report has "
               "no baseline and a single run.")
    def comparison(self) -> ReportComparison | None:
        value = self.data["comparison"]
        return None if value is None else ReportComparison.from_json(value)

    @described("The report exported as text. Errors: EXPORT_UNAVAILABLE when this server "
               "cannot render the format. `language` picks the AI summary shown in HTML "
               "(default: English, else the first written).")
    async def export(self, info: strawberry.Info,
                     format: ReportExportFormatEnum,  # type: ignore[valid-type]
                     language: str | None = None) -> str:
        fmt = ExportFormat(format).value
        summary = None
        if exports.export_format(fmt).wants_summary:
            row = await info.context.loaders.load(loaders.reports_by_id, self.pk)
            summary = await summary_of(row, language)
        content = await exports.render(fmt, self.data, info.context.settings, summary)
        return content.decode("utf-8")

    @classmethod
    def from_model(cls, row: Report) -> ReportType:
        return cls(id=strawberry.ID(encode_id("Report", row.id)), pk=row.id, title=row.title,
                   threshold=row.threshold, content_hash=row.content_hash,
                   created_by=row.created_by, created_at=row.created_at,
                   snapshot=row.snapshot, data=row.snapshot)


@strawberry.type(name="PlanTrendPoint", description="One evaluated run of a plan: its "
                 "latest COMPLETED evaluation's figures.")
class PlanTrendPointType:
    run_id: strawberry.ID
    evaluation_id: strawberry.ID
    finished_at: datetime | None = strawberry.field(description="When the run finished.")
    overall_score: float | None
    pass_rate: float | None
    cases: int

    @classmethod
    def from_point(cls, point: TrendPoint) -> PlanTrendPointType:
        return cls(run_id=strawberry.ID(encode_id("Run", point.run_id)),
                   evaluation_id=strawberry.ID(encode_id("Evaluation", point.evaluation_id)),
                   finished_at=point.finished_at, overall_score=point.overall_score,
                   pass_rate=point.pass_rate, cases=point.cases)


@strawberry.type(name="PlanTrend", description="A plan's overall score and pass rate over "
                 "its last evaluated runs, oldest first (ready to draw).")
class PlanTrendType:
    plan_id: strawberry.ID
    points: list[PlanTrendPointType]


register_node("Report", permission=Permission.REPORT_READ, load=loaders.reports_by_id,
              to_type=ReportType.from_model)
