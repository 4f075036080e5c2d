"""The plugin guard: whatever a plugin does, the host gets a result or a PluginFailure."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

import pytest

from assay.plugins import guard
from assay.plugins.guard import FailureKind, PluginFailure
from assay_sdk import (
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    Evaluator,
    JudgeError,
    PiiDetector,
    PiiFinding,
    scored,
)

ITEM = EvaluationInput(input="Where is my order?", answer="It ships tomorrow.")
CONTEXT = EvaluationContext(threshold=0.7)


class Scripted(Evaluator):
    """An evaluator whose evaluate() does what the test says."""

    name = "scripted"
    version = "1.0.0"
    title = "Scripted"
    description = "Does what it is told."
    uses_judge = False

    def __init__(self, behaviour: Any) -> None:
        self.behaviour = behaviour

    async def evaluate(self, item: EvaluationInput, context: EvaluationContext
                       ) -> EvaluationResult:
        result: EvaluationResult = await self.behaviour(context)
        return result


async def good(context: EvaluationContext) -> EvaluationResult:
    return scored(0.8, context.threshold, "fine")


async def raises(context: EvaluationContext) -> EvaluationResult:
    raise ValueError("cannot parse the answer")


async def hangs(context: EvaluationContext) -> EvaluationResult:
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


finished = asyncio.Event()


async def swallows_cancellation(context: EvaluationContext) -> EvaluationResult:
    """Ignores its cancellation and carries on past the grace period."""
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        await asyncio.sleep(guard.CANCEL_GRACE_S + 0.2)
    finished.set()
    return scored(1.0, context.threshold, "too late")


async def garbage(context: EvaluationContext) -> Any:
    return {"score": 0.8}


async def wrong_threshold(context: EvaluationContext) -> EvaluationResult:
    return scored(0.8, 0.5, "held to its own threshold")


async def exits(context: EvaluationContext) -> EvaluationResult:
    sys.exit(3)


async def judge_fails(context: EvaluationContext) -> EvaluationResult:
    raise JudgeError("RATE_LIMITED", "the judge is rate limited; try later", retry_after=2.0)


async def cancels_itself(context: EvaluationContext) -> EvaluationResult:
    raise asyncio.CancelledError


async def call(behaviour: Any, timeout_s: float = 5.0) -> EvaluationResult | PluginFailure:
    return await guard.call_evaluator(Scripted(behaviour), ITEM, CONTEXT, timeout_s=timeout_s)


async def test_a_good_result_passes_through() -> None:
    assert await call(good) == scored(0.8, 0.7, "fine")


async def test_an_exception_becomes_a_failure() -> None:
    assert await call(raises) == PluginFailure(
        "scripted", FailureKind.RAISED,
        "scripted raised ValueError in evaluate(): cannot parse the answer")


async def test_a_hanging_plugin_times_out() -> None:
    assert await call(hangs, timeout_s=0.05) == PluginFailure(
        "scripted", FailureKind.TIMED_OUT, "scripted did not answer within 0.05 s")


async def test_a_plugin_that_ignores_cancellation_is_abandoned() -> None:
    started = asyncio.get_running_loop().time()

    failure = await call(swallows_cancellation, timeout_s=0.05)

    assert failure == PluginFailure("scripted", FailureKind.TIMED_OUT,
                                    "scripted did not answer within 0.05 s")
    assert asyncio.get_running_loop().time() - started < guard.CANCEL_GRACE_S + 0.15
    assert not finished.is_set()
    await asyncio.wait_for(finished.wait(), 1)  # it ends on its own, unheard


async def test_garbage_is_an_invalid_result() -> None:
    assert await call(garbage) == PluginFailure(
        "scripted", FailureKind.INVALID_RESULT,
        "scripted returned dict, not an EvaluationResult")


async def test_a_result_held_to_another_threshold_is_invalid() -> None:
    assert await call(wrong_threshold) == PluginFailure(
        "scripted", FailureKind.INVALID_RESULT,
        "scripted held its score to threshold 0.5, not the 0.7 it was given")


async def test_sys_exit_does_not_stop_the_host() -> None:
    assert await call(exits) == PluginFailure(
        "scripted", FailureKind.RAISED, "scripted raised SystemExit in evaluate(): 3")


async def test_a_plugin_cancelling_itself_is_a_failure() -> None:
    assert await call(cancels_itself) == PluginFailure(
        "scripted", FailureKind.RAISED, "scripted cancelled its own evaluation")


async def test_a_judge_error_is_not_the_plugins_failure() -> None:
    with pytest.raises(JudgeError) as raised:
        await call(judge_fails)

    assert (raised.value.code, raised.value.retry_after) == ("RATE_LIMITED", 2.0)


async def test_cancelling_the_caller_cancels_the_plugin() -> None:
    plugin_cancelled = asyncio.Event()

    async def waits(context: EvaluationContext) -> EvaluationResult:
        try:
            await asyncio.Event().wait()
        finally:
            plugin_cancelled.set()
        raise AssertionError("unreachable")

    caller = asyncio.create_task(call(waits, timeout_s=60))
    await asyncio.sleep(0.01)
    caller.cancel()

    with pytest.raises(asyncio.CancelledError):
        await caller
    await asyncio.wait_for(plugin_cancelled.wait(), 1)


class SyncEvaluate(Evaluator):
    name = "sync"
    version = "1.0.0"
    title = "Sync"
    description = "Forgot async."

    def evaluate(self, item: EvaluationInput, context: EvaluationContext  # type: ignore[override]
                 ) -> EvaluationResult:
        return scored(1.0, context.threshold, "not awaited")


async def test_a_non_coroutine_evaluate_is_invalid() -> None:
    assert await guard.call_evaluator(SyncEvaluate(), ITEM, CONTEXT, timeout_s=1) == PluginFailure(
        "sync", FailureKind.INVALID_RESULT,
        "sync evaluate() is not a coroutine function (it returned EvaluationResult)")


class Picky(Scripted):
    def missing(self, item: EvaluationInput) -> str | None:
        raise KeyError("metadata")


def test_missing_is_guarded_too() -> None:
    assert guard.call_missing(Picky(good), ITEM) == PluginFailure(
        "scripted", FailureKind.RAISED, "scripted raised KeyError in missing(): 'metadata'")
    assert guard.call_missing(Scripted(good), ITEM) is None


class NeedsArguments(Scripted):
    def __init__(self, required: str) -> None:
        super().__init__(good)


def test_creating_a_plugin_is_guarded() -> None:
    assert guard.create(NeedsArguments) == PluginFailure(
        "scripted", FailureKind.RAISED, "scripted raised TypeError in __init__(): "
        "NeedsArguments.__init__() missing 1 required positional argument: 'required'")


class Detector(PiiDetector):
    name = "acme_id"
    version = "1.0.0"
    entity = "ACME_ID"

    def __init__(self, found: Any) -> None:
        self.found = found

    def detect(self, text: str) -> list[PiiFinding]:
        if isinstance(self.found, BaseException):
            raise self.found
        found: list[PiiFinding] = self.found
        return found


TEXT = "id AC-123 and AC-456"


def finding(start: int, end: int, entity: str = "ACME_ID", detector: str = "") -> PiiFinding:
    return PiiFinding(start=start, end=end, type=entity, score=0.9, detector=detector)


def test_detector_findings_come_back_sorted_and_attributed() -> None:
    assert guard.call_detector(Detector([finding(14, 20), finding(3, 9)]), TEXT) == [
        finding(3, 9, detector="acme_id"), finding(14, 20, detector="acme_id")]


@pytest.mark.parametrize(("found", "message"), [
    (RecursionError("too deep"), "acme_id raised RecursionError in detect(): too deep"),
    (SystemExit(1), "acme_id raised SystemExit in detect(): 1"),
])
def test_a_raising_detector_is_a_failure(found: BaseException, message: str) -> None:
    assert guard.call_detector(Detector(found), TEXT) == PluginFailure(
        "acme_id", FailureKind.RAISED, message)


@pytest.mark.parametrize(("found", "message"), [
    ("AC-123", "acme_id detect() returned str, not a list"),
    ([(3, 9)], "acme_id returned a tuple among its findings, not a PiiFinding"),
    ([finding(15, 25)], "acme_id returned a finding at [15, 25), outside a text of 20 "
     "characters (0 <= start < end <= length)"),
    ([finding(9, 9)], "acme_id returned a finding at [9, 9), outside a text of 20 characters "
     "(0 <= start < end <= length)"),
    ([finding(3, 9, "EMAIL")], "acme_id returned a finding of type 'EMAIL', not its entity "
     "'ACME_ID'"),
])
def test_detector_garbage_is_an_invalid_result(found: Any, message: str) -> None:
    assert guard.call_detector(Detector(found), TEXT) == PluginFailure(
        "acme_id", FailureKind.INVALID_RESULT, message)


def test_a_failure_is_logged_once_at_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="assay.plugins.guard")
    broken = Detector(ValueError("unrelated failure for the log test"))
    broken.name = "log_probe"  # type: ignore[misc]

    for _ in range(3):
        guard.call_detector(broken, TEXT)

    levels = [(r.levelname, r.getMessage()) for r in caplog.records if r.exc_info is None]
    message = ("plugin log_probe failed: log_probe raised ValueError in detect(): unrelated "
               "failure for the log test")
    assert levels == [("WARNING", message), ("DEBUG", message), ("DEBUG", message)]
    assert [r.levelname for r in caplog.records if r.exc_info] == ["DEBUG"] * 3
