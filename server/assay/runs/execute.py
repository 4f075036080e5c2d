"""Driving one case's conversation through a connector and judging the replies.

Nothing here touches the database: the job loads what to send, calls :func:`converse`
outside any transaction, and records the :class:`Outcome` it returns.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assay.runs.asserting import judge
from assay.runs.models import CaseResultStatus
from assay.testing.models import CaseMode
from assay_sdk import ConnectorError, Conversation

#: Seconds a turn may take when the connection names no timeout.
DEFAULT_TURN_SECONDS = 30
#: A turn may use its timeout up to this many times (the connector's retries), plus slack.
TURN_BUDGET_FACTOR = 4
TURN_SLACK_SECONDS = 10


@dataclass(frozen=True)
class CaseScript:
    """What to send, in order, and what to check."""

    messages: tuple[str, ...]
    asserts: tuple[Mapping[str, Any], ...]

    @classmethod
    def of(cls, mode: str, input: str, turns: Sequence[str],
           asserts: Sequence[Mapping[str, Any]]) -> CaseScript:
        messages = tuple(turns) if mode == CaseMode.CONVERSATIONAL else (input,)
        return cls(messages=messages, asserts=tuple(asserts))


@dataclass
class Outcome:
    status: CaseResultStatus
    started_at: datetime
    finished_at: datetime
    turns: list[dict[str, Any]] = field(default_factory=list)
    asserts: list[dict[str, Any]] = field(default_factory=list)
    error_code: str = ""
    error_message: str = ""

    @property
    def duration_ms(self) -> float:
        return round((self.finished_at - self.started_at).total_seconds() * 1000, 3)


def _now() -> datetime:
    return datetime.now(UTC)


def case_deadline(config: Mapping[str, Any], turn_count: int) -> float:
    """Seconds the whole conversation may take before it is recorded as TIMEOUT."""
    per_turn = config.get("timeout_seconds")
    if per_turn is None and "response_timeout_ms" in config:
        per_turn = (int(config["response_timeout_ms"])
                    + int(config.get("navigation_timeout_ms", 0))) / 1000
    seconds = float(per_turn or DEFAULT_TURN_SECONDS)
    return turn_count * (seconds * TURN_BUDGET_FACTOR + TURN_SLACK_SECONDS)


async def _send(conversation: Conversation, index: int, message: str) -> dict[str, Any]:
    started = _now()
    exchange = await conversation.send(message)
    return {"index": index, "message": message, "reply": exchange.reply,
            "latency_ms": round(exchange.latency_ms, 3),
            "started_at": started.isoformat(timespec="microseconds"),
            "attempts": exchange.attempts, "asserts": []}


async def _talk(conversation: Conversation, script: CaseScript, turns: list[dict[str, Any]],
                keep_going: Callable[[], Awaitable[bool]]) -> bool:
    """Send every message in order; False when the run was cancelled between turns."""
    async with conversation:
        for index, message in enumerate(script.messages):
            if index and not await keep_going():
                return False
            turns.append(await _send(conversation, index, message))
    return True


async def converse(
    conversation: Conversation,
    script: CaseScript,
    *,
    deadline_seconds: float,
    keep_going: Callable[[], Awaitable[bool]],
) -> Outcome:
    """Run the conversation and judge it; connector failures become TIMEOUT or ERROR."""
    outcome = Outcome(CaseResultStatus.ERROR, started_at=_now(), finished_at=_now())
    began = time.monotonic()
    try:
        async with asyncio.timeout(deadline_seconds):
            finished = await _talk(conversation, script, outcome.turns, keep_going)
    except ConnectorError as error:
        timed_out = error.code == "TIMEOUT"
        outcome.status = CaseResultStatus.TIMEOUT if timed_out else CaseResultStatus.ERROR
        outcome.error_code, outcome.error_message = error.code, error.message
    except TimeoutError:
        outcome.status = CaseResultStatus.TIMEOUT
        outcome.error_code = "TIMEOUT"
        outcome.error_message = (
            f"the conversation took longer than {deadline_seconds:g} s in all "
            f"({time.monotonic() - began:.1f} s): raise the connection's timeout or "
            "make the agent answer faster")
    else:
        _settle(outcome, script, finished)
    outcome.finished_at = _now()
    return outcome


def _settle(outcome: Outcome, script: CaseScript, finished: bool) -> None:
    if not finished:
        outcome.status = CaseResultStatus.CANCELLED
        outcome.error_code = "CANCELLED"
        outcome.error_message = (f"the run was cancelled after turn {len(outcome.turns)}: "
                                 "no further message was sent")
        return
    outcome.asserts = judge(script.asserts, outcome.turns)
    passed = all(verdict["passed"] for verdict in outcome.asserts)
    outcome.status = CaseResultStatus.PASSED if passed else CaseResultStatus.FAILED
