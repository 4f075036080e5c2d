"""Calling plugin code without trusting it: every failure becomes a value the host records.

A plugin is third-party code running inside the server and the workers. Whatever it does
(raise, hang, return something that is not a result, even ``sys.exit()``), the host gets
back either a valid result or a :class:`PluginFailure` saying what went wrong, and goes on
with the next case. Nothing a plugin raises escapes into a run or an evaluation, with two
exceptions that are not the plugin's failure:

* :class:`assay_sdk.JudgeError`: the judge failed, not the evaluator; the evaluations engine
  records it with its own code, so it is re-raised as is;
* cancellation of the caller's own task (a worker shutting down), which must propagate.

Each (plugin, kind of failure) is logged once per process at WARNING, in one line; repeats
and tracebacks go to DEBUG, so a broken detector on the scanning hot path cannot flood the
log.

A timeout interrupts a plugin that awaits; a plugin that blocks the event loop (a
synchronous ``time.sleep`` or a runaway loop) cannot be pre-empted from inside the process.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import logging
import math
from collections.abc import Awaitable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from assay_sdk import (
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    Evaluator,
    JudgeError,
    PiiDetector,
    PiiFinding,
)

log = logging.getLogger(__name__)

P = TypeVar("P")

#: Seconds a timed-out plugin gets to honour its cancellation before it is abandoned.
CANCEL_GRACE_S = 1.0
#: The longest message kept from a plugin's exception.
MAX_MESSAGE = 500


class FailureKind(StrEnum):
    #: It raised an exception.
    RAISED = "RAISED"
    #: It did not finish within its time limit.
    TIMED_OUT = "TIMED_OUT"
    #: It returned something that is not a valid result.
    INVALID_RESULT = "INVALID_RESULT"


@dataclass(frozen=True)
class PluginFailure:
    """A plugin call that failed, in words fit for an evaluation's record (never a
    traceback, which stays in the DEBUG log)."""

    #: The plugin's slug, e.g. "tone".
    plugin: str
    kind: FailureKind
    #: One line, e.g. "tone raised ValueError in evaluate(): bad input".
    message: str

    #: The error code hosts record for a failed plugin.
    code = "PLUGIN_FAILED"

    def to_json(self) -> dict[str, str]:
        return {"plugin": self.plugin, "kind": self.kind.value, "message": self.message}


_reported: set[tuple[str, FailureKind]] = set()


def _slug(plugin: Any) -> str:
    name = getattr(plugin, "name", None)
    if isinstance(name, str) and name:
        return name
    return plugin.__name__ if isinstance(plugin, type) else type(plugin).__name__


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_MESSAGE else flat[:MAX_MESSAGE - 1] + "…"


def _failure(plugin: str, kind: FailureKind, message: str,
             exc: BaseException | None = None) -> PluginFailure:
    failure = PluginFailure(plugin, kind, _clip(message))
    first = (plugin, kind) not in _reported
    _reported.add((plugin, kind))
    log.log(logging.WARNING if first else logging.DEBUG, "plugin %s failed: %s", plugin,
            failure.message)
    if exc is not None:
        log.debug("plugin %s failed", plugin, exc_info=exc)
    return failure


def _raised(plugin: str, what: str, exc: BaseException) -> PluginFailure:
    return _failure(plugin, FailureKind.RAISED,
                    f"{plugin} raised {type(exc).__name__} in {what}: {exc}", exc)


def _invalid(plugin: str, message: str) -> PluginFailure:
    return _failure(plugin, FailureKind.INVALID_RESULT, f"{plugin} {message}")


def create(plugin: type[P]) -> P | PluginFailure:
    """An instance of a plugin class (its ``__init__`` is plugin code too)."""
    try:
        return plugin()
    except (Exception, SystemExit) as exc:
        return _raised(_slug(plugin), "__init__()", exc)


def call_missing(evaluator: Evaluator, item: EvaluationInput) -> str | PluginFailure | None:
    """``evaluator.missing(item)``: why the case cannot be judged, None when it can."""
    name = _slug(evaluator)
    try:
        why = evaluator.missing(item)
    except (Exception, SystemExit) as exc:
        return _raised(name, "missing()", exc)
    if why is not None and not (isinstance(why, str) and why.strip()):
        return _invalid(name, f"missing() returned {type(why).__name__}, not a reason "
                        "(a non-empty string) or None")
    return why


class _Exited(Exception):
    """A plugin's SystemExit, carried as an ordinary exception: a task that raises
    SystemExit would stop the event loop itself."""

    def __init__(self, exc: SystemExit) -> None:
        super().__init__(str(exc))
        self.original = exc


async def _contained(awaitable: Awaitable[Any]) -> Any:
    try:
        return await awaitable
    except SystemExit as exc:
        raise _Exited(exc) from exc


def _abandon(task: asyncio.Future[Any]) -> None:
    """Cancel the plugin's task and never hear from it again (a plugin that swallows its
    cancellation keeps running; its eventual exception is read so asyncio does not log it)."""
    task.cancel()
    task.add_done_callback(lambda t: t.cancelled() or t.exception())


async def _awaited(name: str, awaitable: Awaitable[Any], timeout_s: float
                   ) -> Any | PluginFailure:
    """What ``awaitable`` gives within ``timeout_s``; a failure when it raises or hangs.

    Raises:
        JudgeError: as the plugin raised it.
        asyncio.CancelledError: when the caller's own task is cancelled (the plugin's task
            is cancelled with it).
    """
    task = asyncio.ensure_future(_contained(awaitable))
    try:
        await asyncio.wait({task}, timeout=timeout_s)
    except asyncio.CancelledError:
        _abandon(task)
        raise
    if not task.done():
        _abandon(task)
        await asyncio.wait({task}, timeout=CANCEL_GRACE_S)
        return _failure(name, FailureKind.TIMED_OUT,
                        f"{name} did not answer within {timeout_s:g} s")
    if task.cancelled():
        return _failure(name, FailureKind.RAISED, f"{name} cancelled its own evaluation")
    exc = task.exception()
    if exc is None:
        return task.result()
    if isinstance(exc, JudgeError):
        raise exc
    return _raised(name, "evaluate()", exc.original if isinstance(exc, _Exited) else exc)


def _result_problem(result: Any, threshold: float) -> str | None:
    if not isinstance(result, EvaluationResult):
        return f"returned {type(result).__name__}, not an EvaluationResult"
    if not math.isfinite(result.score) or not 0.0 <= result.score <= 1.0:
        return f"returned score {result.score!r}, outside [0, 1]"
    if result.threshold != threshold:
        return (f"held its score to threshold {result.threshold:g}, not the {threshold:g} "
                "it was given")
    if result.passed != (result.score >= threshold):
        return f"returned passed={result.passed} for score {result.score:g}"
    if not isinstance(result.explanation, str):
        return f"returned an explanation of type {type(result.explanation).__name__}"
    return None


async def call_evaluator(evaluator: Evaluator, item: EvaluationInput,
                         context: EvaluationContext, *, timeout_s: float
                         ) -> EvaluationResult | PluginFailure:
    """``evaluator.evaluate(item, context)``, checked, within ``timeout_s`` seconds.

    Raises:
        JudgeError: the judge failed (not the evaluator); the caller records it.
        asyncio.CancelledError: the caller's own task was cancelled.
    """
    name = _slug(evaluator)
    try:
        pending = evaluator.evaluate(item, context)
    except (Exception, SystemExit) as exc:
        if isinstance(exc, JudgeError):
            raise
        return _raised(name, "evaluate()", exc)
    if not inspect.isawaitable(pending):
        return _invalid(name, "evaluate() is not a coroutine function (it returned "
                        f"{type(pending).__name__})")
    result = await _awaited(name, pending, timeout_s)
    if isinstance(result, PluginFailure):
        return result
    problem = _result_problem(result, context.threshold)
    if problem is not None:
        return _invalid(name, problem)
    checked: EvaluationResult = result
    return checked


def _finding_problem(finding: Any, size: int, entity: Any) -> str | None:
    if not isinstance(finding, PiiFinding):
        return f"returned a {type(finding).__name__} among its findings, not a PiiFinding"
    if not (isinstance(finding.start, int) and isinstance(finding.end, int)
            and 0 <= finding.start < finding.end <= size):
        return (f"returned a finding at [{finding.start!r}, {finding.end!r}), outside a text "
                f"of {size} characters (0 <= start < end <= length)")
    if finding.type != entity:
        return f"returned a finding of type {finding.type!r}, not its entity {entity!r}"
    if not (isinstance(finding.score, int | float) and 0.0 <= finding.score <= 1.0):
        return f"returned a finding scored {finding.score!r}, outside [0, 1]"
    return None


def call_detector(detector: PiiDetector, text: str) -> list[PiiFinding] | PluginFailure:
    """``detector.detect(text)``, checked: findings within the text, of the detector's
    entity, sorted by position, each attributed to the detector."""
    name = _slug(detector)
    try:
        found = detector.detect(text)
    except (Exception, SystemExit) as exc:
        return _raised(name, "detect()", exc)
    if not isinstance(found, list | tuple):
        return _invalid(name, f"detect() returned {type(found).__name__}, not a list")
    entity = getattr(detector, "entity", None)
    for finding in found:
        problem = _finding_problem(finding, len(text), entity)
        if problem is not None:
            return _invalid(name, problem)
    findings: list[PiiFinding] = sorted(
        f if f.detector else dataclasses.replace(f, detector=name) for f in found)
    return findings
