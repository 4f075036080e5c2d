"""The JSON, CSV and JUnit exports of the sample snapshot: exact content."""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from assay.errors import ValidationFailed
from assay.reports import exports
from assay.reports.exports.csv_export import COLUMNS

SAMPLE: dict[str, Any] = json.loads(
    Path(__file__).with_name("sample_snapshot.json").read_text("utf-8"))
EVALUATION = SAMPLE["evaluations"][0]["id"]
RUN = SAMPLE["evaluations"][0]["run_id"]


async def _text(fmt: str, snapshot: dict[str, Any] = SAMPLE) -> str:
    return (await exports.render(fmt, snapshot)).decode("utf-8")


async def test_json_is_the_snapshot() -> None:
    text = await _text("json")
    assert json.loads(text) == SAMPLE
    assert text == json.dumps(SAMPLE, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


async def test_csv_has_a_row_per_case_and_evaluator() -> None:
    text = await _text("csv")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + 12
    case = SAMPLE["cases"][2]
    assert rows[5] == [EVALUATION, RUN, case["test_case_id"],
                       "Angry customer asks for a manager", "FAILED", "false", "0.6", "1600.0",
                       "tone", "SCORED", "0.4", "false", "0.7",
                       'Dismissive in the second reply ("As I said"); no apology, no '
                       "escalation offered.", ""]
    assert rows[9][3:] == ["Password reset link", "ERROR", "false", "", "0.0", "tone",
                           "SKIPPED", "", "", "0.7", "",
                           "the case has no answer to score: it ended in ERROR"]
    assert '"Dismissive in the second reply (""As I said""); no apology, no escalation ' \
        'offered."' in text


async def test_csv_defuses_formulas_and_keeps_cases_without_evaluators() -> None:
    snapshot = copy.deepcopy(SAMPLE)
    first = snapshot["cases"][0]
    first["title"] = "=HYPERLINK(\"http://evil\")"
    first["evaluators"] = []
    second = snapshot["cases"][1]
    second["evaluators"][0]["explanation"] = "+1 great"
    second["evaluators"][1]["explanation"] = "-2"
    second["evaluators"][1]["reason"] = "@SUM(A1)"
    snapshot["cases"][2]["evaluators"][0]["explanation"] = "\tTab"
    snapshot["cases"][2]["evaluators"][1]["explanation"] = "\rReturn"
    rows = list(csv.reader(io.StringIO(await _text("csv", snapshot))))
    assert rows[1] == [EVALUATION, RUN, first["test_case_id"], "'=HYPERLINK(\"http://evil\")",
                       "PASSED", "true", "0.95", "820.5", "", "", "", "", "", "", ""]
    assert [rows[2][13], rows[3][13], rows[3][14]] == ["'+1 great", "'-2", "'@SUM(A1)"]
    assert [rows[4][13], rows[5][13]] == ["'\tTab", "'\rReturn"]
    assert len(rows) == 1 + 11


async def test_junit_parses_with_exact_counts_and_failure_text() -> None:
    root = ET.fromstring(await _text("junit"))
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped", "time")} == \
        {"tests": "6", "failures": "2", "errors": "1", "skipped": "0", "time": "5.121"}
    [suite] = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "2", "1")
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name"), c.get("time")) for c in cases] == [
        ("Support bot regression", "Refund policy for damaged items", "0.821"),
        ("Support bot regression", "Shipping to Canada", "1.040"),
        ("Support bot regression", "Angry customer asks for a manager", "1.600"),
        ("Support bot regression", "Order status by email", "1.210"),
        ("Support bot regression", "Password reset link", "0.000"),
        ("Support bot regression", "Store opening hours", "0.450")]
    assert [len(list(c)) for c in cases] == [0, 0, 1, 1, 1, 0]
    failure = cases[3].find("failure")
    assert failure is not None
    assert failure.get("message") == \
        'assert contains: the answer does not contain "1Z999AA10123456784"'
    assert failure.text == (
        'assert contains: the answer does not contain "1Z999AA10123456784"\n'
        "relevance: 0.50 < 0.70: Says it shipped but gives no tracking number and discloses "
        "an email address.\n"
        "personal data (EMAIL) in turn 1: j\u2022\u2022\u2022@\u2022\u2022\u2022.com")
    error = cases[4].find("error")
    assert error is not None
    assert (error.get("type"), error.text) == (
        "ERROR", "HTTP_STATUS: the agent answered HTTP 502 Bad Gateway after 3 attempts")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties == {"run_id": RUN, "connection": "Support bot (staging)",
                          "judge_model": "gpt-4o-mini"}


async def test_junit_survives_characters_xml_cannot_carry() -> None:
    snapshot = copy.deepcopy(SAMPLE)
    snapshot["cases"][2]["title"] = "Bell \x07 and NUL \x00"
    snapshot["cases"][2]["evaluators"][0]["explanation"] = "</failure><x>&"
    root = ET.fromstring(await _text("junit", snapshot))
    case = root.findall("testsuite/testcase")[2]
    assert case.get("name") == "Bell \ufffd and NUL \ufffd"
    failure = case.find("failure")
    assert failure is not None and failure.text == "tone: 0.40 < 0.70: </failure><x>&"


async def test_unknown_formats_and_file_names() -> None:
    with pytest.raises(ValidationFailed) as caught:
        await exports.render("docx", SAMPLE)
    assert caught.value.issues[0].code == "UNKNOWN_FORMAT"
    assert exports.filename(SAMPLE, "junit") == "Support-bot-weekly-regression-week-23.xml"
    assert exports.filename({"title": "../../etc/passwd"}, "csv") == "etc-passwd.csv"
    assert exports.filename({"title": "///"}, "pdf") == "report.pdf"
