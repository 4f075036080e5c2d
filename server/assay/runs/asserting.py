"""Judging a case's replies against its asserts, per turn where that applies.

The policy, for conversational cases:

- ``response_time_ms``, ``max_length``, ``min_length`` and ``pii_leak`` bound every reply:
  they are checked on each turn and pass only when every turn passes (the reason names the
  first failing turn);
- every other assert (``contains``, ``equals``, ``regex``, ``json_schema``, ``json_path``,
  ``language``, ...) judges what the conversation led to: the last reply.

A SIMPLE case has one turn, so both rules judge its only reply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assay.testing.asserts import check
from assay_sdk import PiiFinding

#: Assert types checked on every turn; the rest judge the last reply.
PER_TURN_TYPES = frozenset({"response_time_ms", "max_length", "min_length", "pii_leak"})


def _targets(assertion: Mapping[str, Any], turn_count: int) -> range:
    if assertion.get("type") in PER_TURN_TYPES:
        return range(turn_count)
    return range(turn_count - 1, turn_count)


def _judge_turn(assertion: Mapping[str, Any], turn: Mapping[str, Any],
                pii: Sequence[PiiFinding] | None) -> tuple[bool, str]:
    outcome = check(assertion, turn["reply"], response_time_ms=round(turn["latency_ms"]),
                    pii=pii)
    return outcome.passed, outcome.reason


def judge(asserts: Sequence[Mapping[str, Any]], turns: list[dict[str, Any]], *,
          pii: Sequence[Sequence[PiiFinding]] | None = None) -> list[dict[str, Any]]:
    """One verdict per assert; each turn's ``asserts`` list gets the verdicts judged on it.

    ``pii``: each turn's PII findings, when its reply was scanned already."""
    for turn in turns:
        turn["asserts"] = []
    verdicts: list[dict[str, Any]] = []
    for index, assertion in enumerate(asserts):
        failing: tuple[int, str] | None = None
        last_reason = ""
        for turn_index in _targets(assertion, len(turns)):
            passed, reason = _judge_turn(assertion, turns[turn_index],
                                         None if pii is None else pii[turn_index])
            turns[turn_index]["asserts"].append(
                {"index": index, "type": assertion.get("type"), "passed": passed,
                 "reason": reason})
            last_reason = reason
            if not passed and failing is None:
                failing = (turn_index, reason)
        verdicts.append(_verdict(index, assertion, failing, last_reason, len(turns)))
    return verdicts


def _verdict(index: int, assertion: Mapping[str, Any], failing: tuple[int, str] | None,
             last_reason: str, turn_count: int) -> dict[str, Any]:
    every_turn = assertion.get("type") in PER_TURN_TYPES and turn_count > 1
    turn: int | None
    if failing is None:
        passed, turn = True, None if every_turn else turn_count - 1
        reason = f"every turn passed; the last: {last_reason}" if every_turn else last_reason
    else:
        passed, (turn, reason) = False, failing
        if turn_count > 1:
            reason = f"turn {turn + 1}: {reason}"
    return {"index": index, "type": assertion.get("type"), "passed": passed, "reason": reason,
            "turn": turn}
