"""Driving one case's conversation through a connector and judging the replies.

Nothing here touches the database: the job loads what to send, calls :func:`converse`
outside any transaction, and records the :class:`Outcome` it returns. A case that failed,
errored or timed out also carries the conversation's evidence (a screenshot, the console
log), asked for before the conversation is closed and cut to the size limits below.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assay.pii import scan, stored_findings
from assay.runs.asserting import judge
from assay.runs.models import ArtifactKind, CaseResultStatus
from assay.testing.models import CaseMode
from assay_sdk import ConnectorError, Conversation, Evidence, PiiFinding

log = logging.getLogger(__name__)

#: Seconds a turn may take when the connection names no timeout.
DEFAULT_TURN_SECONDS = 30
#: A turn may use its timeout up to this many times (the connector's retries), plus slack.
TURN_BUDGET_FACTOR = 4
TURN_SLACK_SECONDS = 10
#: Seconds a conversation may take to hand over its evidence, and to close.
EVIDENCE_SECONDS = 10
CLOSE_SECONDS = 10
#: The outcomes whose evidence is kept.
NEEDS_EVIDENCE = frozenset({CaseResultStatus.FAILED, CaseResultStatus.ERROR,
                            CaseResultStatus.TIMEOUT})
#: Size limits of what is kept: a larger screenshot is left out, a longer console log loses
#: its oldest lines (each line is cut at MAX_CONSOLE_LINE characters).
MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024
MAX_CONSOLE_LINES = 2_000
MAX_CONSOLE_BYTES = 256 * 1024
MAX_CONSOLE_LINE = 4_000
MAX_URL = 2_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CONSOLE_MEDIA_TYPE = "text/plain; charset=utf-8"


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


@dataclass(frozen=True)
class Artifact:
    """One piece of evidence, ready to store (text artifacts as their UTF-8 bytes)."""

    kind: ArtifactKind
    media_type: str
    data: bytes
    page_url: str = ""

    @property
    def is_text(self) -> bool:
        return self.kind == ArtifactKind.CONSOLE_LOG


@dataclass
class Outcome:
    status: CaseResultStatus
    started_at: datetime
    finished_at: datetime
    turns: list[dict[str, Any]] = field(default_factory=list)
    asserts: list[dict[str, Any]] = field(default_factory=list)
    error_code: str = ""
    error_message: str = ""
    artifacts: list[Artifact] = field(default_factory=list)
    #: Why evidence is missing or was cut ("" when nothing is).
    evidence_note: str = ""
    #: Personal data in the replies, masked (assay.pii.masking): type, turn, start, end...
    pii_findings: list[dict[str, Any]] = field(default_factory=list)

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
    evidence_seconds: float = EVIDENCE_SECONDS,
) -> Outcome:
    """Run the conversation and judge it; connector failures become TIMEOUT or ERROR.

    A failed, errored or timed-out case then gets the conversation's evidence (within
    ``evidence_seconds``); the conversation is closed in every case.
    """
    outcome = Outcome(CaseResultStatus.ERROR, started_at=_now(), finished_at=_now())
    try:
        await _run(conversation, script, outcome, deadline_seconds, keep_going)
        outcome.finished_at = _now()
        if outcome.status in NEEDS_EVIDENCE:
            await _collect(conversation, outcome, evidence_seconds)
    finally:
        await _close(conversation)
    return outcome


async def _run(conversation: Conversation, script: CaseScript, outcome: Outcome,
               deadline_seconds: float, keep_going: Callable[[], Awaitable[bool]]) -> None:
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
        return
    find_pii(outcome)


def find_pii(outcome: Outcome) -> list[list[PiiFinding]]:
    """Scan each reply once (an empty one costs nothing) and keep the findings, masked, on
    the outcome; returns each turn's findings for the asserts to judge."""
    found = [scan(turn["reply"]) if turn["reply"] else [] for turn in outcome.turns]
    outcome.pii_findings = [stored for index, (turn, findings)
                            in enumerate(zip(outcome.turns, found, strict=True))
                            for stored in stored_findings(findings, turn["reply"], turn=index)]
    return found


async def _close(conversation: Conversation) -> None:
    """Close the conversation; a connector that fails to is logged, the outcome stands."""
    try:
        async with asyncio.timeout(CLOSE_SECONDS):
            await conversation.close()
    except Exception as exc:
        log.warning("closing a %s failed: %s", type(conversation).__name__,
                    type(exc).__name__)


async def _collect(conversation: Conversation, outcome: Outcome, seconds: float) -> None:
    """Ask for the evidence; its absence or failure is noted, never changing the outcome."""
    try:
        async with asyncio.timeout(seconds):
            evidence = await conversation.evidence()
    except TimeoutError:
        outcome.evidence_note = (f"no evidence: the connector took longer than {seconds:g} s "
                                 "to hand over its screenshot and console log")
        return
    except Exception as exc:
        # The exception's text is not kept: it might quote a credential.
        outcome.evidence_note = (f"no evidence: the connector failed to gather it "
                                 f"({type(exc).__name__})")
        return
    if evidence is not None:
        outcome.artifacts, notes = artifacts_of(evidence)
        outcome.evidence_note = "; ".join(notes)


def artifacts_of(evidence: Evidence) -> tuple[list[Artifact], list[str]]:
    """The artifacts to store, within the size limits, and notes on what was left out."""
    notes = [_clean(note)[:MAX_CONSOLE_LINE] for note in evidence.notes]
    url = _clean(evidence.url)[:MAX_URL]
    artifacts: list[Artifact] = []
    if evidence.screenshot is not None:
        shot = _screenshot(bytes(evidence.screenshot), url)
        if isinstance(shot, str):
            notes.append(shot)
        else:
            artifacts.append(shot)
    if evidence.console:
        text, left_out = console_text(evidence.console)
        if left_out:
            notes.append(f"console log: the {left_out} oldest lines were left out (at most "
                         f"{MAX_CONSOLE_LINES} lines and {MAX_CONSOLE_BYTES} bytes are kept)")
        artifacts.append(Artifact(ArtifactKind.CONSOLE_LOG, CONSOLE_MEDIA_TYPE, text.encode(),
                                  url))
    return artifacts, notes


def _screenshot(png: bytes, url: str) -> Artifact | str:
    """The screenshot as an artifact, or why it is left out."""
    if not png.startswith(PNG_SIGNATURE):
        return "no screenshot: what the connector handed over is not a PNG"
    if len(png) > MAX_SCREENSHOT_BYTES:
        return (f"no screenshot: it has {len(png)} bytes, over the limit of "
                f"{MAX_SCREENSHOT_BYTES}")
    return Artifact(ArtifactKind.SCREENSHOT, "image/png", png, url)


def console_text(lines: Sequence[str]) -> tuple[str, int]:
    """The log as text (one line each, newest kept) and how many oldest lines it left out."""
    cleaned = [_clean(line)[:MAX_CONSOLE_LINE] for line in lines]
    total = sum(len(line.encode()) + 1 for line in cleaned)
    if len(cleaned) <= MAX_CONSOLE_LINES and total <= MAX_CONSOLE_BYTES:
        return "".join(f"{line}\n" for line in cleaned), 0
    kept: list[str] = []
    size = 100  # room for the first line, which says how many were left out
    for line in reversed(cleaned):
        cost = len(line.encode()) + 1
        if len(kept) == MAX_CONSOLE_LINES - 1 or size + cost > MAX_CONSOLE_BYTES:
            break
        kept.append(line)
        size += cost
    left_out = len(cleaned) - len(kept)
    head = f"[{left_out} earlier lines left out]"
    return "".join(f"{line}\n" for line in [head, *reversed(kept)]), left_out


def _clean(text: str) -> str:
    """Text PostgreSQL stores: no NUL, valid UTF-8."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def _settle(outcome: Outcome, script: CaseScript, finished: bool) -> None:
    found = find_pii(outcome)
    if not finished:
        outcome.status = CaseResultStatus.CANCELLED
        outcome.error_code = "CANCELLED"
        outcome.error_message = (f"the run was cancelled after turn {len(outcome.turns)}: "
                                 "no further message was sent")
        return
    outcome.asserts = judge(script.asserts, outcome.turns, pii=found)
    passed = all(verdict["passed"] for verdict in outcome.asserts)
    outcome.status = CaseResultStatus.PASSED if passed else CaseResultStatus.FAILED
