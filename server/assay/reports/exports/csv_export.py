"""The CSV export: one row per case and evaluator (RFC 4180), safe to open in a spreadsheet.

A case no evaluator scored gets one row with the evaluator columns empty. A cell starting
with a character a spreadsheet takes for a formula (= + - @, tab, carriage return) gets a
leading apostrophe, so an agent's answer can never run as a formula on a reader's machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

COLUMNS = ("evaluation_id", "run_id", "test_case_id", "title", "case_status", "case_passed",
           "case_score", "latency_ms", "evaluator", "evaluator_status", "score", "passed",
           "threshold", "explanation", "reason")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A value as CSV text: booleans as true/false, null as empty, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows(snapshot: Mapping[str, Any]) -> list[list[str]]:
    runs = {e["id"]: e["run_id"] for e in snapshot["evaluations"]}
    table: list[list[str]] = []
    for case in snapshot["cases"]:
        head = [case["evaluation_id"], runs.get(case["evaluation_id"], ""),
                case["test_case_id"], case["title"], case["status"], case["passed"],
                case["score"], case["latency_ms"]]
        scores = case["evaluators"] or [None]
        for entry in scores:
            tail = [None] * 7 if entry is None else [
                entry["slug"], entry["status"], entry["score"], entry["passed"],
                entry["threshold"], entry["explanation"], entry["reason"]]
            table.append([cell(value) for value in (*head, *tail)])
    return table


def render_csv(snapshot: Mapping[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(snapshot))
    return out.getvalue()
