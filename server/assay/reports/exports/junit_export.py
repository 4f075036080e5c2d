"""The JUnit XML export, for CI tools: one <testsuite> per evaluation, one <testcase> per
case (classname: the plan, name: the case's title).

A FAILED case has a <failure> listing its failed asserts, the evaluators below their
threshold (with their explanations), the evaluators that could not score, and any personal
data found; an ERROR or TIMEOUT case has an <error> with the agent's error; a CANCELLED
case is <skipped>. Characters XML 1.0 cannot carry are replaced, so the file always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _seconds(milliseconds: float) -> str:
    return f"{milliseconds / 1000:.3f}"


def _evaluator_lines(case: Mapping[str, Any]) -> list[str]:
    lines = []
    for entry in case["evaluators"]:
        if entry["status"] == "SCORED" and entry["passed"] is False:
            lines.append(f"{entry['slug']}: {entry['score']:.2f} < {entry['threshold']:.2f}: "
                         f"{entry['explanation']}")
        elif entry["status"] == "ERROR":
            lines.append(f"{entry['slug']}: could not score: {entry['reason']}")
    return lines


def failure_lines(case: Mapping[str, Any], alerts: list[Mapping[str, Any]]) -> list[str]:
    """Why a case failed, one reason per line."""
    lines = [f"assert {a['type']}: {a['reason']}" for a in case["failed_asserts"]]
    lines += _evaluator_lines(case)
    lines += [f"personal data ({a['type']}) in turn {a['turn'] + 1}: {a['masked']}"
              for a in alerts]
    return lines or ["the case did not pass"]


def _testcase(parent: ET.Element, case: Mapping[str, Any], plan: str,
              alerts: list[Mapping[str, Any]], error: Mapping[str, Any] | None) -> None:
    element = ET.SubElement(parent, "testcase", classname=xml_text(plan),
                            name=xml_text(case["title"]), time=_seconds(case["latency_ms"]))
    status = case["status"]
    if status in ("ERROR", "TIMEOUT"):
        message = error["error_message"] if error else status
        node = ET.SubElement(element, "error", type=status, message=xml_text(message))
        node.text = xml_text(f"{error['error_code'] if error else status}: {message}")
    elif status == "CANCELLED":
        ET.SubElement(element, "skipped", message="the run was cancelled before this case")
    elif not case["passed"]:
        lines = failure_lines(case, alerts)
        node = ET.SubElement(element, "failure", type="FAILED", message=xml_text(lines[0]))
        node.text = xml_text("\n".join(lines))


def _counts(cases: list[Mapping[str, Any]]) -> dict[str, str]:
    statuses = [case["status"] for case in cases]
    return {"tests": str(len(cases)),
            "failures": str(sum(1 for c in cases if c["status"] == "FAILED"
                                or (c["status"] == "PASSED" and not c["passed"]))),
            "errors": str(statuses.count("ERROR") + statuses.count("TIMEOUT")),
            "skipped": str(statuses.count("CANCELLED")),
            "time": _seconds(sum(case["latency_ms"] for case in cases))}


def render_junit(snapshot: Mapping[str, Any]) -> str:
    plan = snapshot["plan"]["name"]
    root = ET.Element("testsuites", {"name": xml_text(snapshot["title"]),
                                     **_counts(snapshot["cases"])})
    errors = {e["run_case_id"]: e for e in snapshot["errors"]}
    for evaluation in snapshot["evaluations"]:
        cases = [c for c in snapshot["cases"] if c["evaluation_id"] == evaluation["id"]]
        attributes: dict[str, str] = {
            "name": xml_text(f"{plan}: {evaluation['id']}"), "id": evaluation["id"],
            **_counts(cases), "timestamp": xml_text(evaluation["run_finished_at"] or "")}
        suite = ET.SubElement(root, "testsuite", attributes)
        properties = ET.SubElement(suite, "properties")
        for name, value in (("run_id", evaluation["run_id"]),
                            ("connection", evaluation["connection"]["name"]),
                            ("judge_model", evaluation["judge"].get("model", ""))):
            ET.SubElement(properties, "property", name=name, value=xml_text(value))
        for case in cases:
            alerts = list({(a["turn"], a["type"], a["masked"]): a for a in snapshot["pii_alerts"]
                           if a["run_case_id"] == case["run_case_id"]}.values())
            _testcase(suite, case, plan, alerts, errors.get(case["run_case_id"]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
