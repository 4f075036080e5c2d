"""The summary table printed when a run ends: one row per case, then the totals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assay.runner.report import RunReport, duration_text, problem_lines

MAX_CASE_WIDTH = 40
HEADERS = ("CASE", "STATUS", "DURATION", "FAILED ASSERTS / ERROR")


def render_summary(report: RunReport) -> str:
    rows = [_row(result) for result in report.results]
    width = min(MAX_CASE_WIDTH, max([len(HEADERS[0]), *(len(row[0]) for row in rows)]))
    lines = [_line((HEADERS[0], HEADERS[1], HEADERS[2]), HEADERS[3], width)]
    for case, status, duration, problems in rows:
        first, *rest = problems or [""]
        lines.append(_line((case, status, duration), first, width))
        lines.extend(_line(("", "", ""), more, width) for more in rest)
    lines += ["", totals(report)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _row(result: dict[str, Any]) -> tuple[str, str, str, list[str]]:
    return (result["test_case"]["title"], result["status"],
            duration_text(result["duration_ms"]), problem_lines(result))


def _line(cells: tuple[str, str, str], problems: str, width: int) -> str:
    case, status, duration = cells
    if len(case) > width:
        case = case[: width - 1] + "…"
    return f"{case:<{width}}  {status:<9}  {duration:>8}  {problems}"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def totals(report: RunReport) -> str:
    counts = report.run["counts"]
    parts = [f"{counts['passed']} passed", f"{counts['failed']} failed",
             _plural(counts["errored"], "error"), f"{counts['timed_out']} timed out",
             f"{counts['cancelled']} cancelled"]
    if counts.get("pending"):
        parts.append(f"{counts['pending']} without a result")
    text = f"{_plural(counts['total'], 'case')}: {', '.join(parts)}. Run {report.run['status']}"
    elapsed = _elapsed(report.run)
    return f"{text} in {elapsed}." if elapsed else f"{text}."


def _elapsed(run: dict[str, Any]) -> str:
    if not run.get("finished_at") or not run.get("created_at"):
        return ""
    seconds = (datetime.fromisoformat(run["finished_at"])
               - datetime.fromisoformat(run["created_at"])).total_seconds()
    return f"{seconds:.1f} s"
