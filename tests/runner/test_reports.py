"""The summary table and the JUnit XML of a run, from a run in the REST shape."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from assay.runner.junit import write_junit
from assay.runner.report import RunReport
from assay.runner.summary import render_summary

RUN: dict[str, Any] = {
    "id": "UnVuOjE", "status": "COMPLETED",
    "plan": {"id": "UGxhbjox", "name": "Smoke & <checks>"},
    "connection": {"id": "Qzox", "name": "HTTP agent", "kind": "HTTP"},
    "created_at": "2026-01-02T03:04:05.250000+00:00",
    "started_at": "2026-01-02T03:04:05.500000+00:00",
    "finished_at": "2026-01-02T03:04:07.750000+00:00",
    "counts": {"total": 5, "passed": 1, "failed": 1, "errored": 1, "timed_out": 1,
               "cancelled": 1, "pending": 0},
    "links": {},
}


def result(position: int, title: str, status: str, duration_ms: float, *,
           asserts: list[dict[str, Any]] | None = None,
           error: dict[str, str] | None = None,
           turns: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    return {"id": f"R{position}", "position": position,
            "test_case": {"id": f"T{position}", "version": 1, "title": title},
            "mode": "SIMPLE", "status": status, "duration_ms": duration_ms,
            "started_at": None, "finished_at": None,
            "turns": [{"index": i, "message": m, "reply": r, "latency_ms": 4.4, "attempts": 1,
                       "asserts": []} for i, (m, r) in enumerate(turns)],
            "asserts": asserts or [], "error": error, "content_hash": "0" * 64}


RESULTS = [
    result(0, "refund-window", "PASSED", 12.4,
           asserts=[{"index": 0, "type": "contains", "passed": True, "reason": "ok"}],
           turns=(("How long?", "Thirty days."),)),
    result(1, "greeting", "FAILED", 1520.0, asserts=[
        {"index": 0, "type": "equals", "passed": False, "reason": "not equal to 'Hello!'"},
        {"index": 1, "type": "max_length", "passed": True, "reason": "short"},
        {"index": 2, "type": "regex", "passed": False, "reason": "no match for <x>"}],
        turns=(("Say hello", "echo: Say hello\x07"),)),
    result(2, "broken", "ERROR", 3.0, error={"code": "HTTP_STATUS",
                                             "message": "the agent answered 500"}),
    result(3, "a-case-whose-id-is-much-longer-than-forty-characters", "TIMEOUT", 5000.0,
           error={"code": "TIMEOUT", "message": "no answer within 5 s"}),
    result(4, "never-ran", "CANCELLED", 0.0,
           error={"code": "CANCELLED", "message": "the run was cancelled before this case ran"}),
]


def test_the_summary_table() -> None:
    text = render_summary(RunReport(RUN, RESULTS))

    assert text == """\
CASE                                      STATUS     DURATION  FAILED ASSERTS / ERROR
refund-window                             PASSED        12 ms
greeting                                  FAILED        1.5 s  [0] equals: not equal to 'Hello!'
                                                               [2] regex: no match for <x>
broken                                    ERROR          3 ms  HTTP_STATUS: the agent answered 500
a-case-whose-id-is-much-longer-than-for…  TIMEOUT       5.0 s  TIMEOUT: no answer within 5 s
never-ran                                 CANCELLED      0 ms  CANCELLED: the run was cancelled \
before this case ran

5 cases: 1 passed, 1 failed, 1 error, 1 timed out, 1 cancelled. Run COMPLETED in 2.5 s.
"""


def test_the_summary_of_a_run_that_passed() -> None:
    run = copy.deepcopy(RUN)
    run["counts"] = {"total": 1, "passed": 1, "failed": 0, "errored": 0, "timed_out": 0,
                     "cancelled": 0, "pending": 0}
    report = RunReport(run, RESULTS[:1])

    assert render_summary(report) == """\
CASE           STATUS     DURATION  FAILED ASSERTS / ERROR
refund-window  PASSED        12 ms

1 case: 1 passed, 0 failed, 0 errors, 0 timed out, 0 cancelled. Run COMPLETED in 2.5 s.
"""
    assert report.exit_code() == 0
    assert RunReport(RUN, RESULTS).exit_code() == 1


def test_the_junit_xml(tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"

    write_junit(RunReport(RUN, RESULTS), path)

    assert path.read_text() == """\
<?xml version='1.0' encoding='utf-8'?>
<testsuites name="assay" tests="5" failures="1" errors="2" skipped="1" time="6.535">
  <testsuite name="Smoke &amp; &lt;checks&gt;" tests="5" failures="1" errors="2" skipped="1" \
time="6.535" timestamp="2026-01-02T03:04:05">
    <properties>
      <property name="assay.run.id" value="UnVuOjE" />
      <property name="assay.run.status" value="COMPLETED" />
      <property name="assay.plan.id" value="UGxhbjox" />
      <property name="assay.connection.name" value="HTTP agent" />
      <property name="assay.connection.kind" value="HTTP" />
    </properties>
    <testcase name="refund-window" classname="Smoke &amp; &lt;checks&gt;" time="0.012">
      <system-out>user: How long?
agent (4 ms): Thirty days.</system-out>
    </testcase>
    <testcase name="greeting" classname="Smoke &amp; &lt;checks&gt;" time="1.520">
      <failure type="FAILED" message="2 of 3 asserts failed">[0] equals: not equal to 'Hello!'
[2] regex: no match for &lt;x&gt;</failure>
      <system-out>user: Say hello
agent (4 ms): echo: Say hello</system-out>
    </testcase>
    <testcase name="broken" classname="Smoke &amp; &lt;checks&gt;" time="0.003">
      <error type="HTTP_STATUS" message="the agent answered 500">the agent answered 500</error>
    </testcase>
    <testcase name="a-case-whose-id-is-much-longer-than-forty-characters" \
classname="Smoke &amp; &lt;checks&gt;" time="5.000">
      <error type="TIMEOUT" message="no answer within 5 s">no answer within 5 s</error>
    </testcase>
    <testcase name="never-ran" classname="Smoke &amp; &lt;checks&gt;" time="0.000">
      <skipped message="the run was cancelled before this case ran" />
    </testcase>
  </testsuite>
</testsuites>"""
