"""Ctrl-C (and SIGTERM, which CI sends when a job is cancelled) stop the run cleanly.

The first signal asks the command to cancel its run, collect what was recorded and exit
with 128 + the signal number; a second one exits at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from types import TracebackType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupt:
    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.signal: int | None = None

    @property
    def requested(self) -> bool:
        return self.event.is_set()

    def __enter__(self) -> Interrupt:
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            loop.add_signal_handler(signum, self._received, signum)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            loop.remove_signal_handler(signum)

    def _received(self, signum: int) -> None:
        if self.event.is_set():
            print("assay run: stopped without waiting for the run to be cancelled",
                  file=sys.stderr, flush=True)
            os._exit(128 + signum)
        self.signal = signum
        self.event.set()
        print(f"assay run: {signal.Signals(signum).name} received: cancelling the run (press "
              "Ctrl-C again to quit at once)", file=sys.stderr, flush=True)

    async def wait(self, seconds: float) -> None:
        """Sleep ``seconds``, or less when a signal arrives."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.event.wait(), seconds)
