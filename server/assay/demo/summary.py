"""The demo's readable summary: per run, the counts and a few cases that did not pass, with
the reason each failing assert gave (its description first, when the case has one)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assay.demo.runs import DemoRun

#: Cases that did not pass shown per run; the rest are counted.
SHOWN = 3
INDENT = " " * 10


def _assert_lines(case: Mapping[str, Any]) -> list[str]:
    definitions = case.get("asserts") or []
    lines = []
    for verdict in case["result"]["asserts"]:
        if verdict["passed"]:
            continue
        index = verdict["index"]
        described = definitions[index].get("description") if index < len(definitions) else None
        label = f"{verdict['type']} ({described})" if described else verdict["type"]
        lines.append(f"{INDENT}{label}: {verdict['reason']}")
    return lines


def _case_lines(case: Mapping[str, Any]) -> list[str]:
    lines = [f"  {case['status'] or 'PENDING':<8}{case['title']}"]
    result = case.get("result")
    if result is None:
        return lines
    if result.get("error"):
        error = result["error"]
        lines.append(f"{INDENT}{error['code']}: {error['message']}")
    return lines + _assert_lines(case)


def run_lines(demo: DemoRun) -> list[str]:
    run = demo.run
    counts, connection = run["counts"], run["connection"]
    header = (f"{connection['kind']} connection \"{connection['name']}\": {run['status']} "
              f"in {demo.wall_seconds:.1f} s")
    if not demo.finished_in_time:
        header += " (cancelled: it did not finish in time)"
    lines = [header, f"  {counts['total']} cases: {counts['passed']} passed, "
             f"{counts['failed']} failed, {counts['errored']} errored, "
             f"{counts['timedOut']} timed out, {counts['cancelled']} cancelled"]
    cases = [edge["node"] for edge in run["cases"]["edges"]]
    missed = [case for case in cases if case["status"] != "PASSED"]
    for case in missed[:SHOWN]:
        lines.extend(_case_lines(case))
    if len(missed) > SHOWN:
        lines.append(f"  ... and {len(missed) - SHOWN} more that did not pass")
    return lines


def summary(*, agent_url: str, plan_name: str, runs: Sequence[DemoRun],
            skipped: Mapping[str, str]) -> str:
    """The whole summary: the agent, then each run, then each connection kind not run."""
    lines = [f"Demo agent: {agent_url}/api/chat (API) and {agent_url}/ (web chat page)",
             f"Plan \"{plan_name}\" run through {len(runs)} connection(s):", ""]
    for demo in runs:
        lines.extend(run_lines(demo))
        lines.append("")
    for kind, why in skipped.items():
        lines.extend([f"{kind} connection: not run: {why}", ""])
    return "\n".join(lines).rstrip() + "\n"
