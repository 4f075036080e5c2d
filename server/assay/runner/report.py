"""What a finished (or stopped) run leaves for the caller: the run and its results, both in
the REST API's JSON shape whichever mode produced them, and the exit code they mean."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Exit codes of `assay run`.
PASSED, NOT_PASSED, CONFIGURATION = 0, 1, 2
#: 128 + the signal number, as shells report a process stopped by SIGINT / SIGTERM.
INTERRUPTED = {2: 130, 15: 143}


class ConfigurationError(Exception):
    """The run cannot start or be followed as asked; the message says what to fix."""


@dataclass
class RunReport:
    #: The run (REST shape: id, status, plan, connection, counts, times).
    run: dict[str, Any]
    #: The results (REST shape), in run order.
    results: list[dict[str, Any]] = field(default_factory=list)
    #: The HTML report page, when one was asked for (--html-report) and made.
    html: str | None = None
    #: Why the HTML report asked for could not be made.
    html_problem: str | None = None

    def exit_code(self) -> int:
        """0 when the run completed and every one of its cases passed, else 1."""
        counts = self.run["counts"]
        every_case_passed = counts["passed"] == counts["total"] and counts["total"] > 0
        return PASSED if self.run["status"] == "COMPLETED" and every_case_passed else NOT_PASSED


def failed_asserts(result: dict[str, Any]) -> list[str]:
    """One line per failed assert of a result: ``[index] type: reason``."""
    return [f"[{verdict['index']}] {verdict['type']}: {verdict['reason']}"
            for verdict in result.get("asserts") or [] if not verdict.get("passed")]


def problem_lines(result: dict[str, Any]) -> list[str]:
    """Why a case did not pass: its failed asserts, or its error."""
    error = result.get("error")
    if result["status"] in ("ERROR", "TIMEOUT", "CANCELLED") and error:
        return [f"{error['code']}: {error['message']}"]
    return failed_asserts(result)


def duration_text(milliseconds: float) -> str:
    if milliseconds < 1000:
        return f"{milliseconds:.0f} ms"
    return f"{milliseconds / 1000:.1f} s"
