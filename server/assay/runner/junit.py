"""`--junit FILE`: JUnit XML, which CI systems (GitLab, Jenkins, GitHub actions) display.

One testsuite per plan, one testcase per case: a failed case carries a <failure> listing
its failed asserts with their reasons, an errored or timed-out case an <error> with the
reason, a cancelled case <skipped>; each case's conversation is in <system-out>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assay.runner.report import RunReport, failed_asserts

#: Characters XML 1.0 cannot hold (a reply may contain them); they are dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _seconds(milliseconds: float) -> str:
    return f"{milliseconds / 1000:.3f}"


def build_junit(report: RunReport) -> ET.Element:
    run, results = report.run, report.results
    tally = _tally(results)
    total_ms = sum(result["duration_ms"] for result in results)
    root = ET.Element("testsuites", {"name": "assay", "tests": str(len(results)), **tally,
                                     "time": _seconds(total_ms)})
    suite = ET.SubElement(root, "testsuite", {
        "name": _text(run["plan"]["name"]), "tests": str(len(results)), **tally,
        "time": _seconds(total_ms), "timestamp": _timestamp(run["created_at"])})
    properties = ET.SubElement(suite, "properties")
    for name, value in (("assay.run.id", run["id"]), ("assay.run.status", run["status"]),
                        ("assay.plan.id", run["plan"]["id"]),
                        ("assay.connection.name", run["connection"]["name"]),
                        ("assay.connection.kind", run["connection"]["kind"])):
        ET.SubElement(properties, "property", name=name, value=_text(value))
    for result in results:
        _case(suite, _text(run["plan"]["name"]), result)
    return root


def _tally(results: list[dict[str, Any]]) -> dict[str, str]:
    statuses = [result["status"] for result in results]
    return {"failures": str(statuses.count("FAILED")),
            "errors": str(statuses.count("ERROR") + statuses.count("TIMEOUT")),
            "skipped": str(statuses.count("CANCELLED"))}


def _timestamp(value: str) -> str:
    """JUnit's timestamp: ISO 8601 in UTC, without a zone designator."""
    moment = datetime.fromisoformat(value).astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def _case(suite: ET.Element, classname: str, result: dict[str, Any]) -> None:
    case = ET.SubElement(suite, "testcase", name=_text(result["test_case"]["title"]),
                         classname=classname, time=_seconds(result["duration_ms"]))
    status, error = result["status"], result.get("error") or {}
    if status == "FAILED":
        lines = failed_asserts(result)
        asserts = len(result.get("asserts") or [])
        failure = ET.SubElement(case, "failure", type="FAILED",
                                message=f"{len(lines)} of {asserts} asserts failed")
        failure.text = _text("\n".join(lines))
    elif status in ("ERROR", "TIMEOUT"):
        element = ET.SubElement(case, "error", type=_text(error.get("code") or status),
                                message=_text(error.get("message", "")))
        element.text = _text(error.get("message", ""))
    elif status == "CANCELLED":
        ET.SubElement(case, "skipped", message=_text(error.get("message") or "cancelled"))
    transcript = _transcript(result)
    if transcript:
        ET.SubElement(case, "system-out").text = _text(transcript)


def _transcript(result: dict[str, Any]) -> str:
    lines = []
    for turn in result.get("turns") or []:
        lines.append(f"user: {turn['message']}")
        lines.append(f"agent ({turn['latency_ms']:.0f} ms): {turn['reply']}")
    return "\n".join(lines)


def write_junit(report: RunReport, path: Path) -> None:
    tree = ET.ElementTree(build_junit(report))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
