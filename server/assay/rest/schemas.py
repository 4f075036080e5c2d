"""JSON Schemas of the REST API's bodies (OpenAPI 3.1 components), matching assay.rest.serialize.

The enumerations come from the models, so a new status shows up here by itself; the tests
validate real answers against these schemas.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from assay.connections.models import ConnectionKind
from assay.evaluations.models import EvaluationStatus
from assay.evaluations.selection import MAX_EVALUATORS, MAX_WEIGHT
from assay.reports.exports import FORMATS as EXPORT_FORMATS
from assay.rest.results import MAX_LIMIT
from assay.runs.models import CaseResultStatus, RunStatus
from assay.runs.service import MAX_KEY
from assay.testing.models import CaseMode

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _enum(values: type[StrEnum]) -> Schema:
    return {"type": "string", "enum": [member.value for member in values]}


def _object(properties: dict[str, Schema], *, optional: tuple[str, ...] = (),
            closed: bool = True, description: str = "") -> Schema:
    schema: Schema = {"type": "object", "properties": properties,
                      "required": [name for name in properties if name not in optional]}
    if closed:
        schema["additionalProperties"] = False
    if description:
        schema["description"] = description
    return schema


_ID = {"type": "string", "description": "A global id (the GraphQL API shows the same)."}
_TIME = {"type": "string", "format": "date-time"}
_MAYBE_TIME = {"type": ["string", "null"], "format": "date-time"}
_COUNT = {"type": "integer", "minimum": 0}
_MS = {"type": "number", "minimum": 0}

SCHEMAS: dict[str, Schema] = {
    "Error": _object({"errors": {"type": "array", "minItems": 1, "items": _object({
        "message": {"type": "string", "description": "What went wrong and what to do."},
        "extensions": _object({
            "code": {"type": "string", "description": "A stable, machine-readable code."},
            "requestId": {"type": "string", "description": "Quote it when reporting."},
            "path": {"type": "string", "description": "The bad input field (422 only)."},
        }, optional=("path",)),
    })}}, description="Every refusal, in the shape /graphql uses."),
    "StartRunBody": _object({"connection_id": {
        **_ID, "description": "The agent connection to run against (same project as the plan)."
    }}),
    "PlanRef": _object({"id": _ID, "name": {"type": "string"}},
                       description="The plan; its name as the run froze it."),
    "ConnectionRef": _object({"id": _ID, "name": {"type": "string"},
                              "kind": _enum(ConnectionKind)},
                             description="The connection as the run froze it."),
    "RunCounts": _object({name: _COUNT for name in (
        "total", "passed", "failed", "errored", "timed_out", "cancelled", "pending")},
        description="Cases per status; pending = no result yet."),
    "RunLinks": _object({"self": {"type": "string"}, "results": {"type": "string"}}),
    "Run": _object({
        "id": _ID, "status": _enum(RunStatus), "plan": ref("PlanRef"),
        "connection": ref("ConnectionRef"), "created_at": _TIME, "started_at": _MAYBE_TIME,
        "finished_at": _MAYBE_TIME, "counts": ref("RunCounts"), "links": ref("RunLinks"),
    }),
    "AssertVerdict": _object({
        "index": {"type": "integer", "minimum": 0,
                  "description": "The assert's position in the case's asserts."},
        "type": {"type": "string"}, "passed": {"type": "boolean"},
        "reason": {"type": "string"},
        "turn": {"type": ["integer", "null"], "description": "The turn it was judged on (null "
                 "when it held on every turn); absent in a turn's own list."},
    }, optional=("turn",), closed=False),
    "Turn": _object({
        "index": {"type": "integer", "minimum": 0}, "message": {"type": "string"},
        "reply": {"type": "string"}, "latency_ms": _MS, "started_at": _TIME,
        "attempts": {"type": "integer", "minimum": 1},
        "asserts": {"type": "array", "items": ref("AssertVerdict")},
    }),
    "ResultError": _object({"code": {"type": "string", "description": "TIMEOUT, HTTP_STATUS, "
                                     "CONNECTION_FAILED, CANCELLED, ..."},
                            "message": {"type": "string"}}),
    "TestCaseRef": _object({"id": _ID, "version": {"type": "integer", "minimum": 1},
                            "title": {"type": "string"}},
                           description="The test case version that ran."),
    "Result": _object({
        "id": _ID, "position": {"type": "integer", "minimum": 0},
        "test_case": ref("TestCaseRef"), "mode": _enum(CaseMode),
        "status": _enum(CaseResultStatus), "duration_ms": _MS, "started_at": _MAYBE_TIME,
        "finished_at": _TIME, "turns": {"type": "array", "items": ref("Turn")},
        "asserts": {"type": "array", "items": ref("AssertVerdict")},
        "error": {"oneOf": [{"type": "null"}, ref("ResultError")]},
        "content_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                         "description": "SHA-256 of what was recorded."},
    }),
    "ResultsPage": _object({
        "results": {"type": "array", "items": ref("Result"), "maxItems": MAX_LIMIT},
        "next_cursor": {"type": ["string", "null"],
                        "description": "Pass it as `after` for the next page; null at the end."},
    }),
    "EvaluateRunBody": _object({
        "evaluators": {"type": "array", "minItems": 1, "maxItems": MAX_EVALUATORS,
                       "uniqueItems": True, "items": {"type": "string"},
                       "description": "Evaluator slugs, e.g. [\"relevance\"]."},
        "judge_id": {**_ID, "description": "The judge to call (default: the organization's "
                     "default judge); needed only by LLM evaluators."},
        "thresholds": {"type": "object", "additionalProperties": {
            "type": "number", "minimum": 0, "maximum": 1},
            "description": "Per chosen evaluator, the score a case must reach (default: the "
            "evaluator's own)."},
        "weights": {"type": "object", "additionalProperties": {
            "type": "number", "exclusiveMinimum": 0, "maximum": MAX_WEIGHT},
            "description": "Per chosen evaluator, its weight in a case's score (default 1)."},
    }, optional=("judge_id", "thresholds", "weights")),
    "EvaluationEvaluator": _object({
        "slug": {"type": "string"}, "version": {"type": "string"},
        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
        "weight": {"type": "number", "exclusiveMinimum": 0},
        "uses_judge": {"type": "boolean"}},
        description="An evaluator as the evaluation applies it, in the version it recorded."),
    "JudgeRef": _object({"id": _ID, "name": {"type": "string"},
                         "provider": {"type": "string"}, "model": {"type": "string"}},
                        description="The judge as the evaluation recorded it (never its key)."),
    "EvaluationCounts": _object({name: _COUNT for name in (
        "total", "done", "passed", "failed", "errored", "pii_leaks", "pending")},
        description="Cases per verdict; errored = failed only because an evaluator could not "
        "score; pending = not scored yet."),
    "EvaluatorSummary": _object({
        "evaluator": {"type": "string"},
        "mean": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "passed": _COUNT, "failed": _COUNT, "skipped": _COUNT, "errored": _COUNT}),
    "JudgeUsage": _object({name: _COUNT for name in (
        "judge_calls", "cache_hits", "input_tokens", "output_tokens")}),
    "EvaluationLinks": _object({"self": {"type": "string"}, "run": {"type": "string"}}),
    "Evaluation": _object({
        "id": _ID, "status": _enum(EvaluationStatus), "run_id": _ID,
        "evaluators": {"type": "array", "items": ref("EvaluationEvaluator")},
        "judge": {"oneOf": [{"type": "null"}, ref("JudgeRef")]},
        "counts": ref("EvaluationCounts"),
        "overall_score": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                          "description": "The mean of the cases' scores, once COMPLETED."},
        "pass_rate": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                      "description": "passed / total, once COMPLETED."},
        "summary": {"type": "array", "items": ref("EvaluatorSummary"),
                    "description": "Per evaluator, once COMPLETED."},
        "usage": ref("JudgeUsage"), "created_at": _TIME, "started_at": _MAYBE_TIME,
        "finished_at": _MAYBE_TIME, "links": ref("EvaluationLinks"),
    }),
    "CreateReportBody": _object({
        "evaluation_ids": {"type": "array", "minItems": 1, "items": _ID,
                           "description": "COMPLETED evaluations of runs of one plan."},
        "run_id": {**_ID, "description": "Instead of evaluation_ids: the run whose latest "
                   "COMPLETED evaluation to report on."},
        "title": {"type": "string", "minLength": 1, "maxLength": 300,
                  "description": "Default: the plan's name and today's date."},
        "threshold": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.8,
                      "description": "The pass rate the report must reach."},
        "baseline_evaluation_id": {**_ID, "description": "A COMPLETED evaluation of an "
                                   "earlier run of the same plan, to compare with."},
    }, optional=("evaluation_ids", "run_id", "title", "threshold", "baseline_evaluation_id")),
    "ReportTotals": _object({
        "cases": _COUNT, "passed": _COUNT, "failed": _COUNT, "errored": _COUNT,
        "timed_out": _COUNT, "pii_alerts": _COUNT,
        "pass_rate": {"type": "number", "minimum": 0, "maximum": 1},
        "overall_score": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "meets_threshold": {"type": "boolean"}}),
    "Report": _object({
        "id": _ID, "title": {"type": "string"}, "plan": _object({"id": _ID,
                                                                 "name": {"type": "string"}}),
        "threshold": {"type": "number", "minimum": 0, "maximum": 1},
        "evaluation_ids": {"type": "array", "items": _ID},
        "baseline_evaluation_id": {"type": ["string", "null"]},
        "totals": ref("ReportTotals"),
        "content_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                         "description": "SHA-256 of the report's canonical JSON."},
        "created_at": _TIME, "created_by": {"type": "string"},
        "links": {"type": "object", "additionalProperties": {"type": "string"},
                  "description": "Export URL per format."},
    }),
    "OpenApiDocument": {"type": "object", "required": ["openapi", "info", "paths"],
                        "description": "An OpenAPI 3.1 document (this one)."},
}

PARAMETERS: dict[str, Schema] = {
    "PlanId": {"name": "plan_id", "in": "path", "required": True, "schema": {"type": "string"},
               "description": "The plan's global id, or its UUID."},
    "RunId": {"name": "run_id", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "The run's global id, or its UUID."},
    "Limit": {"name": "limit", "in": "query", "required": False,
              "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 100},
              "description": "Results per page."},
    "After": {"name": "after", "in": "query", "required": False, "schema": {"type": "string"},
              "description": "next_cursor of the previous page."},
    "EvaluationId": {"name": "evaluation_id", "in": "path", "required": True,
                     "schema": {"type": "string"},
                     "description": "The evaluation's global id, or its UUID."},
    "EvaluationIdempotencyKey": {
        "name": "Idempotency-Key", "in": "header", "required": False,
        "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY},
        "description": "Asking again with the same key returns the same evaluation."},
    "ReportId": {"name": "report_id", "in": "path", "required": True,
                 "schema": {"type": "string"},
                 "description": "The report's global id, or its UUID."},
    "ExportFormat": {"name": "format", "in": "query", "required": False,
                     "schema": {"type": "string", "enum": list(EXPORT_FORMATS),
                                "default": "json"},
                     "description": "The file format."},
    "SummaryLanguage": {"name": "language", "in": "query", "required": False,
                        "schema": {"type": "string"},
                        "description": "The AI summary shown in HTML and PDF (en, es); "
                        "default: English, else the first written."},
    "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False,
                       "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY},
                       "description": "Starting again with the same key returns the same run."},
}

_SECONDS = {"type": "integer", "minimum": 1}
HEADERS: dict[str, Schema] = {
    "X-Request-Id": {"description": "This request's id; quote it when reporting a problem.",
                     "schema": {"type": "string"}},
    "RateLimit-Limit": {"description": "Requests allowed per window (a minute) and API key.",
                        "schema": {"type": "integer", "minimum": 1}},
    "RateLimit-Remaining": {"description": "Requests left in the current window.",
                            "schema": {"type": "integer", "minimum": 0}},
    "RateLimit-Reset": {"description": "Seconds until the window ends.", "schema": _SECONDS},
    "Retry-After": {"description": "Seconds to wait before the next request.",
                    "schema": _SECONDS},
    "Content-Disposition": {"description": "attachment; filename=\"<report title>.<ext>\"",
                            "schema": {"type": "string"}},
    "Location": {"description": "The new run's (or evaluation's) URL.",
                 "schema": {"type": "string"}},
}
