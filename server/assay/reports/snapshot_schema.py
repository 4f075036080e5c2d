"""The JSON Schema of a report's snapshot (schema_version 1) and its validator.

A report stores one JSON document computed once; every view and export reads only it. This
schema is the contract between the code that computes the snapshot and the code that renders
it, so the snapshot is validated before it is stored and exports can trust its shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jsonschema

SCHEMA_VERSION = 1

#: Case statuses, as reported: PASSED/FAILED is the evaluation's verdict, the others are
#: what happened when the run case ran (it never got an answer to score).
CASE_STATUSES = ("PASSED", "FAILED", "ERROR", "TIMEOUT", "CANCELLED")
EVALUATOR_STATUSES = ("SCORED", "SKIPPED", "ERROR")
HISTOGRAM_BUCKETS = 10

_STR = {"type": "string"}
_INT = {"type": "integer", "minimum": 0}
_NUM = {"type": "number"}
_UNIT = {"type": "number", "minimum": 0, "maximum": 1}
_UNIT_OR_NULL = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
_NUM_OR_NULL = {"type": ["number", "null"]}
_BOOL = {"type": "boolean"}
_BOOL_OR_NULL = {"type": ["boolean", "null"]}


def _object(properties: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """A closed object: every property required, nothing else allowed."""
    return {"type": "object", "properties": dict(properties),
            "required": list(properties), "additionalProperties": False, **extra}


def _array(items: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "array", "items": dict(items), **extra}


_EVALUATOR_CHOICE = _object({"slug": _STR, "title": _STR, "version": _STR,
                             "threshold": _UNIT, "weight": {"type": "number", "minimum": 0}})

_JUDGE = {"anyOf": [
    {"type": "object", "maxProperties": 0},
    _object({"provider": _STR, "model": _STR}),
]}

_EVALUATION = _object({
    "id": _STR, "run_id": _STR,
    "run_started_at": {"type": ["string", "null"]},
    "run_finished_at": {"type": ["string", "null"]},
    "connection": _object({"name": _STR, "kind": _STR}),
    "judge": _JUDGE,
    "evaluators": _array(_EVALUATOR_CHOICE),
})

_TOTALS = _object({
    "cases": _INT, "passed": _INT,
    # Not passed and not ERROR/TIMEOUT (FAILED and CANCELLED cases).
    "failed": _INT, "errored": _INT, "timed_out": _INT,
    "pii_alerts": _INT,
    "pass_rate": _UNIT,
    "overall_score": _UNIT_OR_NULL,
    "meets_threshold": _BOOL,
})

_NONNEG = {"type": "number", "minimum": 0}
_LATENCY = _object({"count": _INT, "mean": _NONNEG, "p50": _NONNEG, "p90": _NONNEG,
                    "p99": _NONNEG, "max": _NONNEG})

_EVALUATOR_FIGURES = _object({
    "slug": _STR, "title": _STR, "version": _STR,
    "scored": _INT, "passed": _INT, "failed": _INT, "skipped": _INT, "errored": _INT,
    "mean": _UNIT_OR_NULL, "stdev": _NUM_OR_NULL, "min": _UNIT_OR_NULL, "max": _UNIT_OR_NULL,
    "histogram": _array(_INT, minItems=HISTOGRAM_BUCKETS, maxItems=HISTOGRAM_BUCKETS),
})

_ERROR = _object({"run_case_id": _STR, "title": _STR,
                  "status": {"enum": ["ERROR", "TIMEOUT"]},
                  "error_code": _STR, "error_message": _STR})

_PII_ALERT = _object({"run_case_id": _STR, "title": _STR, "turn": _INT, "type": _STR,
                      "masked": _STR, "score": _UNIT})

_CASE_EVALUATOR = _object({
    "slug": _STR, "status": {"enum": list(EVALUATOR_STATUSES)},
    "score": _UNIT_OR_NULL, "passed": _BOOL_OR_NULL, "threshold": _UNIT,
    "explanation": _STR, "reason": _STR,
})

_CASE = _object({
    "evaluation_id": _STR, "run_case_id": _STR, "test_case_id": _STR,
    "title": _STR, "suites": _array(_STR),
    "status": {"enum": list(CASE_STATUSES)},
    "passed": _BOOL, "score": _UNIT_OR_NULL, "latency_ms": _NONNEG,
    "input": _STR, "answer": _STR, "expected_output": _STR,
    "turns": _array(_object({"role": {"enum": ["user", "agent"]}, "content": _STR})),
    "failed_asserts": _array(_object({"type": _STR, "reason": _STR})),
    "evaluators": _array(_CASE_EVALUATOR),
})

_VERDICT = _object({"passed": _BOOL, "score": _UNIT_OR_NULL})
_CHANGE = _object({"test_case_id": _STR, "title": _STR, "before": _VERDICT, "after": _VERDICT})

#: Present when the report has a baseline, or 2+ evaluations of different runs (flaky cases).
#: Without a baseline: baseline, overall_delta and pass_rate_delta are null and the
#: regressions, improvements and evaluator_deltas lists are empty.
_COMPARISON = _object({
    "baseline": {"anyOf": [{"type": "null"},
                           _object({"evaluation_id": _STR, "run_id": _STR})]},
    "overall_delta": _NUM_OR_NULL,
    "pass_rate_delta": _NUM_OR_NULL,
    "regressions": _array(_CHANGE),
    "improvements": _array(_CHANGE),
    "evaluator_deltas": _array(_object({"slug": _STR, "before": _UNIT_OR_NULL,
                                        "after": _UNIT_OR_NULL, "delta": _NUM_OR_NULL})),
    "flaky": _array(_object({"test_case_id": _STR, "title": _STR,
                             "verdicts": _array(_BOOL, minItems=2)})),
})

SNAPSHOT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Assay report snapshot",
    **_object({
        "schema_version": {"const": SCHEMA_VERSION},
        "id": _STR, "title": _STR, "created_at": _STR, "created_by": _STR,
        "project": _object({"id": _STR, "name": _STR}),
        "plan": _object({"id": _STR, "name": _STR}),
        "threshold": _UNIT,
        "evaluations": _array(_EVALUATION, minItems=1),
        "totals": _TOTALS,
        "latency_ms": _LATENCY,
        "evaluators": _array(_EVALUATOR_FIGURES),
        "errors": _array(_ERROR),
        "pii_alerts": _array(_PII_ALERT),
        "cases": _array(_CASE),
        "comparison": {"anyOf": [{"type": "null"}, _COMPARISON]},
    }),
}


class SnapshotInvalid(ValueError):
    """The document is not a schema_version 1 snapshot; ``problems`` says where and why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("the report snapshot is invalid: " + "; ".join(problems))
        self.problems = problems


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SNAPSHOT_SCHEMA)
    return jsonschema.Draft202012Validator(SNAPSHOT_SCHEMA)


def snapshot_problems(snapshot: object) -> list[str]:
    """Every way ``snapshot`` breaks the schema or its own totals (empty when it is valid)."""
    problems = [
        f"{error.json_path}: {error.message}"
        for error in sorted(_validator().iter_errors(snapshot), key=lambda e: e.json_path)
    ]
    if problems or not isinstance(snapshot, Mapping):
        return problems
    return _consistency_problems(snapshot)


def validate_snapshot(snapshot: object) -> None:
    """Raise SnapshotInvalid unless ``snapshot`` is a valid, self-consistent snapshot."""
    problems = snapshot_problems(snapshot)
    if problems:
        raise SnapshotInvalid(problems)


def _consistency_problems(snapshot: Mapping[str, Any]) -> list[str]:
    """The totals must be the counts of the lists they summarise."""
    totals, cases = snapshot["totals"], snapshot["cases"]
    statuses = [case["status"] for case in cases]
    expected = {
        "cases": len(cases),
        "passed": sum(1 for case in cases if case["passed"]),
        "errored": statuses.count("ERROR"),
        "timed_out": statuses.count("TIMEOUT"),
        "pii_alerts": len(snapshot["pii_alerts"]),
    }
    expected["failed"] = (expected["cases"] - expected["passed"] - expected["errored"]
                          - expected["timed_out"])
    problems = [f"$.totals.{key}: is {totals[key]}, but the cases say {value}"
                for key, value in expected.items() if totals[key] != value]
    if len(snapshot["errors"]) != expected["errored"] + expected["timed_out"]:
        problems.append("$.errors: must list every ERROR and TIMEOUT case")
    evaluation_ids = {evaluation["id"] for evaluation in snapshot["evaluations"]}
    problems += [f"$.cases[{index}].evaluation_id: {case['evaluation_id']!r} is not one of "
                 "the report's evaluations"
                 for index, case in enumerate(cases) if case["evaluation_id"] not in evaluation_ids]
    return problems
