"""summariseReport: the report's AI-written summary in one language, written once."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from assay.auth.permissions import Permission
from assay.errors import NotFound
from assay.graphql.errors import (
    ConflictError,
    MutationError,
    NotFoundError,
    ValidationError,
    returns_errors,
)
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.graphql.reports.types import ReportType
from assay.judging.configurations import get_configuration
from assay.judging.models import JudgeConfiguration
from assay.reports.service import get_report
from assay.reports.summary import summarise
from assay_sdk import JudgeError


@strawberry.enum(description="A language an AI summary is written in.")
class SummaryLanguage(Enum):
    EN = "en"
    ES = "es"


@strawberry.type(description="The AI summary's analysis of one evaluator's results.")
class EvaluatorAnalysis:
    slug: str
    title: str
    text: str


@strawberry.type(name="ReportSummary", description="Findings and recommendations about a "
                 "report written by the organization's judge; every figure in it was inserted "
                 "from the report's data, not written by the model.")
class ReportSummaryType:
    language: SummaryLanguage
    paragraphs: list[str] = strawberry.field(description="Three to five paragraphs.")
    evaluators: list[EvaluatorAnalysis]
    model: str = strawberry.field(description="The judge model that wrote it.")
    created_at: datetime
    cached: bool = strawberry.field(description="True when this summary was written before "
                                    "(no judge was called for this request).")

    @classmethod
    def from_summary(cls, summary: dict[str, Any], titles: dict[str, str]
                     ) -> ReportSummaryType:
        analyses = [EvaluatorAnalysis(slug=slug, title=titles.get(slug, slug), text=text)
                    for slug, text in summary["evaluators"].items()]
        return cls(language=SummaryLanguage(summary["language"]),
                   paragraphs=summary["paragraphs"], evaluators=analyses,
                   model=summary["model"], created_at=summary["created_at"],
                   cached=summary["cached"])


@strawberry.type(description="The judge could not write the summary; nothing was stored.")
class JudgeFailedError(MutationError):
    retry_after: float | None = strawberry.field(
        description="Seconds the provider asked to wait (RATE_LIMITED), when it said.")


@strawberry.type
class SummariseReportSuccess:
    report: ReportType
    summary: ReportSummaryType


SummariseReportResult = Annotated[
    SummariseReportSuccess | ValidationError | NotFoundError | ConflictError | JudgeFailedError,
    strawberry.union("SummariseReportResult"),
]


async def _configuration(judge_id: strawberry.ID | None) -> JudgeConfiguration | None:
    if judge_id is None:
        return await get_configuration(None)
    pk = expect_id(judge_id, "Judge", "judgeId")
    configuration = await get_configuration(pk)
    if configuration is None:
        raise NotFound("Judge", pk)
    return configuration


@strawberry.type
class SummariseReportMutation:
    @guarded_mutation(
        Permission.REPORT_CREATE,
        description="The report's AI summary in a language: three to five paragraphs of "
        "findings and recommendations and an analysis per evaluator, written by the judge "
        "(judgeId, default: the organization's default judge) once and kept; asking again "
        "returns the kept one without calling the judge. Errors: JUDGE_NOT_CONFIGURED "
        "(configure one with configureJudge), NOT_FOUND, and JudgeFailedError with the "
        "judge's code (AUTHENTICATION, CONFIGURATION, RATE_LIMITED, TIMEOUT, UNAVAILABLE, "
        "SSRF_REFUSED, MALFORMED).")
    @returns_errors
    async def summarise_report(
        self, info: strawberry.Info, report_id: strawberry.ID,
        language: SummaryLanguage = SummaryLanguage.EN, judge_id: strawberry.ID | None = None,
    ) -> SummariseReportResult:
        report = await get_report(expect_id(report_id, "Report", "reportId"))
        configuration = await _configuration(judge_id)
        try:
            summary = await summarise(report, language.value, configuration,
                                      info.context.settings)
        except JudgeError as exc:
            return JudgeFailedError(code=exc.code, message=exc.message,
                                    retry_after=exc.retry_after)
        titles = {f["slug"]: f["title"] for f in report.snapshot.get("evaluators", [])}
        return SummariseReportSuccess(report=ReportType.from_model(report),
                                      summary=ReportSummaryType.from_summary(summary, titles))
