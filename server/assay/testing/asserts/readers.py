"""The fields each assert type takes, read into their saved form with every problem recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from assay.testing.asserts.catalog import (
    JSON_PATH_MODES,
    MAX_LENGTH_LIMIT,
    MAX_PATH_CHARS,
    MAX_PATTERN_CHARS,
    MAX_REGEX_TIMEOUT_MS,
    MAX_RESPONSE_TIME_MS,
    MAX_VALUE_CHARS,
    REGEX_TIMEOUT_MS,
)
from assay.testing.asserts.fields import Fields
from assay.testing.asserts.json_values import json_problem
from assay.testing.asserts.jsonpath import path_problem
from assay.testing.asserts.language import language_code_problem
from assay.testing.asserts.patterns import compiled, regex_problem
from assay.testing.asserts.pii import read_entities
from assay.testing.asserts.schemas import schema_problem

Reader = Callable[[Fields], dict[str, Any]]


def _read_value(fields: Fields) -> dict[str, Any]:
    return {"value": fields.text("value", "the text to look for", MAX_VALUE_CHARS)}


def _read_regex(fields: Fields) -> dict[str, Any]:
    pattern = fields.text("pattern", "a regular expression, like \\border \\d+", MAX_PATTERN_CHARS)
    timeout = fields.whole("timeoutMs", "the time limit in milliseconds", 1,
                           MAX_REGEX_TIMEOUT_MS, default=REGEX_TIMEOUT_MS)
    case_sensitive = fields.raw.get("caseSensitive") is True
    if pattern:
        try:
            compiled(pattern, case_sensitive)
        except regex.error as exc:
            fields.fail("pattern", f"does not compile: {regex_problem(exc)}; fix the regular "
                                   "expression (Python syntax)", "INVALID_REGEX")
    return {"pattern": pattern, "timeoutMs": timeout}


def _read_schema(fields: Fields) -> dict[str, Any]:
    schema = fields.raw.get("schema")
    if schema is None:
        fields.fail("schema", "is required: give a JSON Schema object, like "
                              "{\"type\": \"object\", \"required\": [\"id\"]}", "REQUIRED")
        return {"schema": {}}
    problem = schema_problem(schema)
    if problem:
        fields.fail("schema", problem, "INVALID_JSON_SCHEMA")
    return {"schema": schema}


def _read_json_path(fields: Fields) -> dict[str, Any]:
    path = fields.text("path", "the path to the value, like choices.0.message.content",
                       MAX_PATH_CHARS)
    if path and (problem := path_problem(path)):
        fields.fail("path", problem, "INVALID_PATH")
    mode = _json_path_mode(fields)
    saved: dict[str, Any] = {"path": path, "mode": mode}
    if mode == "exists":
        if "value" in fields.raw:
            fields.fail("value", "does not apply when mode is \"exists\": remove it, or use "
                                 "mode \"equals\"", "NOT_APPLICABLE")
        return saved
    if "value" not in fields.raw:
        fields.fail("value", "is required when mode is \"equals\": give the JSON value "
                             "expected at the path (null is allowed)", "REQUIRED")
    elif problem := json_problem(fields.raw["value"]):
        fields.fail("value", problem)
    saved["value"] = fields.raw.get("value")
    return saved


def _json_path_mode(fields: Fields) -> str:
    mode = fields.raw.get("mode")
    if mode is None:
        return "equals"
    if not isinstance(mode, str) or mode.strip().lower() not in JSON_PATH_MODES:
        fields.fail("mode", f"is {mode!r}: use \"equals\" (the value at the path equals "
                            "\"value\") or \"exists\" (there is a value at the path)")
        return "equals"
    return mode.strip().lower()


def _whole_number(key: str, what: str, low: int, high: int) -> Reader:
    """A reader of the single whole-number field ``key``, from ``low`` to ``high``."""

    def read(fields: Fields) -> dict[str, Any]:
        return {key: fields.whole(key, what, low, high)}

    return read


def _read_language(fields: Fields) -> dict[str, Any]:
    code = fields.text("language", "the expected ISO 639-1 code, like en or es", 16)
    if not code:
        return {"language": ""}
    normal = code.strip().lower()
    if found := language_code_problem(normal):
        problem, error_code = found
        fields.fail("language", f"{code!r} {problem}", error_code)
    return {"language": normal}


#: The reader of each assert type's own fields.
READERS: dict[str, Reader] = {
    "contains": _read_value,
    "not_contains": _read_value,
    "equals": _read_value,
    "regex": _read_regex,
    "json_schema": _read_schema,
    "json_path": _read_json_path,
    "response_time_ms": _whole_number(
        "max", "the longest acceptable response time in milliseconds", 1, MAX_RESPONSE_TIME_MS
    ),
    "max_length": _whole_number(
        "max", "the largest acceptable number of characters", 0, MAX_LENGTH_LIMIT
    ),
    "min_length": _whole_number(
        "min", "the smallest acceptable number of characters", 1, MAX_LENGTH_LIMIT
    ),
    "language": _read_language,
    "pii_leak": read_entities,
}
