"""Progress on stderr: one line per case in logs, a bar redrawn in place on a terminal."""

from __future__ import annotations

import io
import re

from assay.runner.progress import Progress
from tests.runner.test_reports import RESULTS, RUN


def test_a_log_gets_one_line_per_finished_case() -> None:
    stream = io.StringIO()
    progress = Progress(stream, tty=False)

    progress.start(RUN, "on this machine")
    for result in RESULTS:
        progress.case_finished(result)
    progress.close()

    assert stream.getvalue() == (
        "run UnVuOjE of 'Smoke & <checks>' (on this machine): 5 cases\n"
        "[1/5] PASSED    refund-window (12 ms)\n"
        "[2/5] FAILED    greeting (1.5 s)\n"
        "[3/5] ERROR     broken (3 ms)\n"
        "[4/5] TIMEOUT   a-case-whose-id-is-much-longer-than-forty-characters (5.0 s)\n"
        "[5/5] CANCELLED never-ran (0 ms)\n")


def test_a_terminal_gets_a_bar_redrawn_in_place() -> None:
    stream = io.StringIO()
    progress = Progress(stream, tty=True)

    progress.start(RUN, "on this machine")
    progress.case_finished(RESULTS[0])
    progress.case_finished(RESULTS[1])
    progress.note("a note")
    progress.close()

    text = re.sub(r"  \d+ s", "  N s", stream.getvalue())
    bar0 = "[" + "." * 30 + "] 0/5  passed 0  not passed 0  N s"
    bar1 = "[" + "#" * 6 + "." * 24 + "] 1/5  passed 1  not passed 0  N s"
    bar2 = "[" + "#" * 12 + "." * 18 + "] 2/5  passed 1  not passed 1  N s"
    assert text == (
        "run UnVuOjE of 'Smoke & <checks>' (on this machine): 5 cases\n"
        f"\r\x1b[K{bar0}\r\x1b[K{bar1}\r\x1b[K{bar2}\r\x1b[Ka note\n\r\x1b[K{bar2}\n")
