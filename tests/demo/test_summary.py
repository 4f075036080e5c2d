"""The demo's summary of a run: counts, a few cases that did not pass and why."""

from __future__ import annotations

from typing import Any

from assay.demo.runs import DemoRun
from assay.demo.summary import summary


def _case(title: str, status: str, *, verdicts: list[dict[str, Any]] | None = None,
          error: dict[str, str] | None = None,
          asserts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    result = None if status == "PENDING" else {"asserts": verdicts or [], "error": error}
    return {"node": {"title": title, "status": None if status == "PENDING" else status,
                     "asserts": asserts or [], "result": result}}


def _run(cases: list[dict[str, Any]], status: str = "COMPLETED") -> dict[str, Any]:
    return {"id": "UnVuOjE", "status": status,
            "counts": {"total": 6, "passed": 1, "failed": 2, "errored": 1, "timedOut": 1,
                       "cancelled": 0, "pending": 1},
            "connection": {"name": "Travel assistant (web chat)", "kind": "BROWSER"},
            "cases": {"edges": cases}}


CASES = [
    _case("Greets", "PASSED"),
    _case("Business bags", "FAILED", asserts=[
        {"type": "contains", "value": "32 kg", "description": "Two bags of 32 kg"},
        {"type": "max_length", "max": 600}], verdicts=[
        {"index": 0, "type": "contains", "passed": False, "reason": "it does not"},
        {"index": 1, "type": "max_length", "passed": True, "reason": "fine"}]),
    _case("Slow page", "TIMEOUT", error={"code": "TIMEOUT", "message": "no complete answer"}),
    _case("No answer", "ERROR", error={"code": "CONFIGURATION", "message": "no #send"}),
    _case("Spanish", "FAILED", asserts=[{"type": "language", "language": "es"}], verdicts=[
        {"index": 0, "type": "language", "passed": False, "reason": "detected as 'en'"}]),
    _case("Later", "PENDING"),
]


def test_a_run_shows_its_counts_and_the_first_three_cases_that_did_not_pass() -> None:
    text = summary(agent_url="http://127.0.0.1:9", plan_name="Release smoke",
                   runs=[DemoRun(_run(CASES), 4.04, finished_in_time=True)], skipped={})

    assert text == (
        "Demo agent: http://127.0.0.1:9/api/chat (API) and http://127.0.0.1:9/ "
        "(web chat page)\n"
        'Plan "Release smoke" run through 1 connection(s):\n\n'
        'BROWSER connection "Travel assistant (web chat)": COMPLETED in 4.0 s\n'
        "  6 cases: 1 passed, 2 failed, 1 errored, 1 timed out, 0 cancelled\n"
        "  FAILED  Business bags\n"
        "          contains (Two bags of 32 kg): it does not\n"
        "  TIMEOUT Slow page\n"
        "          TIMEOUT: no complete answer\n"
        "  ERROR   No answer\n"
        "          CONFIGURATION: no #send\n"
        "  ... and 2 more that did not pass\n")


def test_a_run_cancelled_at_the_deadline_and_a_skipped_kind_say_so() -> None:
    text = summary(agent_url="http://127.0.0.1:9", plan_name="Release smoke",
                   runs=[DemoRun(_run([CASES[0], CASES[-1]], "CANCELLED"), 120.0,
                                 finished_in_time=False)],
                   skipped={"BROWSER": "--no-browser was given"})

    assert text.splitlines()[3:] == [
        'BROWSER connection "Travel assistant (web chat)": CANCELLED in 120.0 s (cancelled: '
        "it did not finish in time)",
        "  6 cases: 1 passed, 2 failed, 1 errored, 1 timed out, 0 cancelled",
        "  PENDING Later",
        "",
        "BROWSER connection: not run: --no-browser was given",
    ]
