"""Running a plugin's code for a rule: async calls on a private loop, a deadline on all."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from assay_sdk.testing.model import ConformanceFailure

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T], *, timeout_s: float, what: str) -> T:
    """``coroutine``'s result, on a loop of its own (the caller's loop, if any, is left
    alone), failing the rule when it takes longer than ``timeout_s``."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coroutine, timeout_s))
    except TimeoutError:
        raise ConformanceFailure(f"{what} did not finish within {timeout_s:g} s") from None
    finally:
        loop.close()


def run_with_deadline(call: Callable[[], T], *, timeout_s: float, what: str) -> T:
    """``call()`` in a worker thread, failing the rule when it takes longer than
    ``timeout_s`` (a runaway regular expression cannot be interrupted: the thread is left
    to finish on its own, and the process exits without waiting for it)."""
    outcome: list[Any] = []

    def work() -> None:
        try:
            outcome.append(("value", call()))
        except BaseException as exc:  # handed to the caller
            outcome.append(("error", exc))

    worker = threading.Thread(target=work, daemon=True, name=f"assay-conformance {what}")
    worker.start()
    worker.join(timeout_s)
    if not outcome:
        raise ConformanceFailure(f"{what} did not finish within {timeout_s:g} s")
    kind, value = outcome[0]
    if kind == "error":
        raise value
    result: T = value
    return result
