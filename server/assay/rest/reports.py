"""POST /reports and GET /reports/{report_id}/export: reports from CI.

A pipeline makes a report of a run's latest COMPLETED evaluation (``run_id``) or of chosen
evaluations (``evaluation_ids``), then downloads any export of it. The business rules live
in assay.reports.service; the export is rendered after the request's transaction (a PDF
takes seconds of Chromium and holds no database connection meanwhile).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from assay.auth.permissions import Permission
from assay.errors import ValidationFailed
from assay.ids import encode_id
from assay.reports import exports, service
from assay.reports.exporting import summary_of
from assay.reports.models import Report
from assay.rest.call import Reply, RestCall
from assay.rest.errors import invalid_input
from assay.rest.params import body_id, path_id
from assay.rest.routing import PREFIX, Operation, RestRoute, Success

_BODY_FIELDS = {"evaluation_ids", "run_id", "title", "threshold", "baseline_evaluation_id"}
#: The service's input fields (GraphQL names) -> their names in a REST body.
_RENAMED = {"evaluationIds": "evaluation_ids", "baselineEvaluationId": "baseline_evaluation_id"}


def report_path(report: Report) -> str:
    return f"{PREFIX}/reports/{encode_id('Report', report.id)}"


def report_json(report: Report) -> dict[str, Any]:
    snapshot = report.snapshot
    export = f"{report_path(report)}/export"
    return {
        "id": encode_id("Report", report.id), "title": report.title,
        "plan": snapshot["plan"], "threshold": report.threshold,
        "evaluation_ids": [e["id"] for e in snapshot["evaluations"]],
        "baseline_evaluation_id": None if snapshot["comparison"] is None
        or snapshot["comparison"]["baseline"] is None
        else snapshot["comparison"]["baseline"]["evaluation_id"],
        "totals": snapshot["totals"], "content_hash": report.content_hash,
        "created_at": report.created_at.isoformat(), "created_by": report.created_by,
        "links": {fmt: f"{export}?format={fmt}" for fmt in exports.FORMATS},
    }


def _evaluation_ids(body: Mapping[str, Any]) -> list[Any]:
    value = body.get("evaluation_ids")
    if not isinstance(value, list):
        raise invalid_input("evaluation_ids", "a list of evaluation ids, e.g. [\"...\"]; or "
                            "give run_id instead to report on the run's latest evaluation")
    return [body_id(item, "Evaluation", f"evaluation_ids.{i}") for i, item in enumerate(value)]


def _threshold(body: Mapping[str, Any]) -> float:
    value = body.get("threshold", service.DEFAULT_THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise invalid_input("threshold", "a number from 0 to 1, e.g. 0.8")
    return float(value)


def _title(body: Mapping[str, Any]) -> str | None:
    value = body.get("title")
    if value is not None and not isinstance(value, str):
        raise invalid_input("title", "a string, or leave it out")
    return value


def _path(issue_path: tuple[str, ...]) -> str:
    parts = list(issue_path[1:] if issue_path[:1] == ("input",) else issue_path)
    if parts and parts[0] in _RENAMED:
        parts[0] = _RENAMED[parts[0]]
    return ".".join(parts) or "body"


async def create_report(call: RestCall) -> Reply:
    body = call.body_object()
    unknown = sorted(set(body) - _BODY_FIELDS)
    if unknown:
        raise invalid_input(unknown[0], "unknown field: the body takes evaluation_ids or "
                            "run_id, and title, threshold, baseline_evaluation_id")
    if ("run_id" in body) == ("evaluation_ids" in body):
        raise invalid_input("body", "give either evaluation_ids (the evaluations to report "
                            "on) or run_id (its latest COMPLETED evaluation), not both")
    if "run_id" in body:
        latest = await service.latest_evaluation(body_id(body["run_id"], "Run", "run_id"))
        evaluation_ids = [latest.id]
    else:
        evaluation_ids = _evaluation_ids(body)
    baseline = body.get("baseline_evaluation_id")
    try:
        report = await service.create_report(
            evaluation_ids=evaluation_ids, title=_title(body), threshold=_threshold(body),
            baseline_evaluation_id=None if baseline is None
            else body_id(baseline, "Evaluation", "baseline_evaluation_id"))
    except ValidationFailed as exc:
        issue = exc.issues[0]
        raise invalid_input(_path(issue.path), issue.message) from None
    return Reply(201, report_json(report), {"Location": report_path(report)})


async def export_report(call: RestCall) -> Reply:
    report = await service.get_report(path_id(call.params["report_id"], "Report"))
    query = call.request.query_params
    try:
        spec = exports.export_format(query.get("format", "json"))
    except ValidationFailed as exc:
        raise invalid_input("format", exc.issues[0].message) from None
    summary = await summary_of(report, query.get("language")) if spec.wants_summary else None
    snapshot, settings = report.snapshot, call.settings

    async def render() -> bytes:
        return await exports.render(spec.name, snapshot, settings, summary)

    name = exports.filename(snapshot, spec.name)
    return Reply(200, None, {"Content-Disposition": f'attachment; filename="{name}"'},
                 render=render, media_type=spec.media_type)


ROUTES = [
    RestRoute("POST", "/reports", create_report, permission=Permission.REPORT_CREATE,
              operation=Operation(
                  operation_id="createReport",
                  summary="Make a report of evaluations of one plan",
                  description="Give run_id to report on the run's latest COMPLETED "
                  "evaluation, or evaluation_ids (COMPLETED evaluations of runs of one "
                  "plan). Its figures are computed now and never change; download it with "
                  "GET /reports/{report_id}/export.",
                  body="CreateReportBody",
                  successes={201: Success("The new report.", "Report", ("Location",))},
                  refusals={
                      404: ("EVALUATION_NOT_FOUND", "RUN_NOT_FOUND"),
                      409: ("NOT_FINISHED", "NOT_EVALUATED", "MIXED_PLANS", "EMPTY",
                            "BASELINE_NOT_FINISHED", "BASELINE_OTHER_PLAN"),
                      422: ("INVALID_INPUT",),
                  })),
    RestRoute("GET", "/reports/{report_id}/export", export_report,
              permission=Permission.REPORT_READ,
              operation=Operation(
                  operation_id="exportReport",
                  summary="Download a report as JSON, CSV, JUnit XML, HTML or PDF",
                  description="The file, with Content-Disposition: attachment. JSON is the "
                  "report's snapshot; CSV has one row per case and evaluator; JUnit XML is "
                  "for CI test reports; HTML is one self-contained page with charts; PDF "
                  "is that page printed (it needs Chromium on the server).",
                  parameters=("ReportId", "ExportFormat", "SummaryLanguage"),
                  successes={200: Success(
                      "The export.", "Report", ("Content-Disposition",),
                      media_types=tuple(f.media_type for f in exports.FORMATS.values()))},
                  refusals={404: ("REPORT_NOT_FOUND",),
                            409: ("EXPORT_UNAVAILABLE", "PDF_UNAVAILABLE"),
                            422: ("INVALID_INPUT",)})),
]
