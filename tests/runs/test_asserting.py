"""Judging replies: per-turn bounds hold on every turn, the rest judge the last reply."""

from __future__ import annotations

from typing import Any

from assay.runs.asserting import judge


def turns(*replies: str) -> list[dict[str, Any]]:
    return [{"reply": reply, "latency_ms": 12.4} for reply in replies]


LONG = "expected the answer to be at most 5 characters long; it is {} characters long"


def test_a_bound_failing_on_one_turn_names_that_turn() -> None:
    chat = turns("Hello", "Hi there", "Ok")

    verdicts = judge([{"type": "max_length", "max": 5}, {"type": "contains", "value": "ok"}],
                     chat)

    assert verdicts == [
        {"index": 0, "type": "max_length", "passed": False, "turn": 1,
         "reason": "turn 2: " + LONG.format(8)},
        {"index": 1, "type": "contains", "passed": True, "turn": 2,
         "reason": "expected the answer to contain 'ok' (case-insensitive); it does"},
    ]
    assert [[(a["index"], a["passed"]) for a in t["asserts"]] for t in chat] == [
        [(0, True)], [(0, False)], [(0, True), (1, True)]]


def test_a_bound_holding_on_every_turn_has_no_turn() -> None:
    verdicts = judge([{"type": "max_length", "max": 5}], turns("Hello", "Ok"))

    assert verdicts == [{"index": 0, "type": "max_length", "passed": True, "turn": None,
                         "reason": "every turn passed; the last: " + LONG.format(2)}]


def test_one_turn_judges_its_only_reply() -> None:
    verdicts = judge([{"type": "max_length", "max": 5}, {"type": "equals", "value": "yes"}],
                     turns("Hello!"))

    assert verdicts == [
        {"index": 0, "type": "max_length", "passed": False, "turn": 0,
         "reason": LONG.format(6)},
        {"index": 1, "type": "equals", "passed": False, "turn": 0,
         "reason": "expected the answer to equal 'yes' (case-insensitive, ignoring "
                   "surrounding whitespace); it is 'Hello!'"},
    ]
