"""What an evaluator sees of one case of a run: an :class:`assay_sdk.EvaluationInput`.

Built from the case as the run froze it (its question or scripted turns, expected output,
context, language, category, tags, difficulty) and from what the agent answered, as the
run recorded it. A conversation becomes its turns in order (user, agent, user, agent...);
``input`` and ``answer`` are its last exchange. A case that did not run (no result, or it
errored, timed out or was cancelled) has no answer to judge: :func:`did_not_run` says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assay.runs.models import CaseResultStatus
from assay.testing.models import CaseMode
from assay_sdk import EvaluationInput, Role, Turn

#: Result statuses of a case the agent answered (its asserts passed or failed).
ANSWERED = frozenset({CaseResultStatus.PASSED, CaseResultStatus.FAILED})


def did_not_run(result: Mapping[str, Any] | None) -> str | None:
    """Why the case has no answer to judge, or None when it ran."""
    if result is None:
        return "the case did not run: it has no result"
    status = CaseResultStatus(result["status"])
    if status in ANSWERED:
        return None
    message = str(result.get("error_message") or "").strip()
    return f"the case did not run: {status.value} {message}".rstrip()


def _turns(recorded: list[dict[str, Any]]) -> tuple[Turn, ...]:
    turns: list[Turn] = []
    for turn in recorded:
        turns.append(Turn(role=Role.USER, content=str(turn.get("message", ""))))
        turns.append(Turn(role=Role.AGENT, content=str(turn.get("reply", ""))))
    return tuple(turns)


def evaluation_input(case: Mapping[str, Any], result: Mapping[str, Any]) -> EvaluationInput:
    """The input of a case that ran (``case``: a run case's columns; ``result``: its
    result's)."""
    recorded = list(result.get("turns") or [])
    last = recorded[-1] if recorded else {}
    conversational = case["mode"] == CaseMode.CONVERSATIONAL
    question = str(last.get("message", "")) if conversational else str(case["input"])
    metadata = {"category": case.get("category") or "", "tags": list(case.get("tags") or []),
                "difficulty": str(case.get("difficulty") or "")}
    return EvaluationInput(
        input=question,
        answer=str(last.get("reply", "")),
        turns=_turns(recorded) if conversational else (),
        expected_output=str(case.get("expected_output") or "") or None,
        context=str(case.get("context") or "") or None,
        language=str(case.get("language") or "") or None,
        metadata=metadata,
    )
