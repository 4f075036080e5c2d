"""Progress on stderr while a run goes: a bar redrawn in place on a terminal, otherwise (CI
logs) one line per finished case, so logs stay readable and greppable."""

from __future__ import annotations

import time
from typing import Any, TextIO

from assay.runner.report import duration_text

BAR_WIDTH = 30
_STATUSES = ("passed", "failed", "errored", "timed_out", "cancelled")


class Progress:
    def __init__(self, stream: TextIO, *, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.total = 0
        self.tally = dict.fromkeys(_STATUSES, 0)
        self.done = 0
        self.began = time.monotonic()
        self._drawn = False

    def start(self, run: dict[str, Any], origin: str) -> None:
        self.total = run["counts"]["total"]
        self.note(f"run {run['id']} of {run['plan']['name']!r} ({origin}): "
                  f"{self.total} case{'s' if self.total != 1 else ''}")

    def note(self, text: str) -> None:
        """A line of its own (the bar, if any, is redrawn below it)."""
        self._clear()
        print(text, file=self.stream, flush=True)
        self._draw()

    def case_finished(self, result: dict[str, Any]) -> None:
        self.done += 1
        key = {"PASSED": "passed", "FAILED": "failed", "ERROR": "errored",
               "TIMEOUT": "timed_out", "CANCELLED": "cancelled"}[result["status"]]
        self.tally[key] += 1
        if self.tty:
            self._draw()
            return
        width = len(str(self.total))
        title = result["test_case"]["title"]
        print(f"[{self.done:>{width}}/{self.total}] {result['status']:<9} {title} "
              f"({duration_text(result['duration_ms'])})", file=self.stream, flush=True)

    def close(self) -> None:
        if self._drawn:
            print(file=self.stream, flush=True)
            self._drawn = False

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")

    def _draw(self) -> None:
        if not self.tty or not self.total:
            return
        filled = BAR_WIDTH * self.done // self.total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        others = self.done - self.tally["passed"]
        self.stream.write(f"\r\x1b[K[{bar}] {self.done}/{self.total}  passed "
                          f"{self.tally['passed']}  not passed {others}  "
                          f"{time.monotonic() - self.began:.0f} s")
        self.stream.flush()
        self._drawn = True
