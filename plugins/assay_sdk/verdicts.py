"""Reading a judge's verdict out of free text, and saying exactly what is wrong with it.

Models asked for ``{"score": <0..1>, "explanation": "..."}`` do not always comply: they
wrap the object in a Markdown fence, put a sentence before it, write the score as a string,
or use a scale of their own. :func:`parse_verdict` accepts the harmless variations (fences,
text around the object, a numeric string) and refuses everything that would change the
meaning of a score (another scale, a missing explanation), with a one-line reason that the
repair follow-up (:func:`repair_message`) shows the model.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: How many opening braces to try before concluding that the text holds no JSON object.
_MAX_STARTS = 200


@dataclass(frozen=True)
class Verdict:
    """One valid answer of the judge."""

    score: float
    explanation: str


class MalformedVerdict(ValueError):
    """The text is not a valid verdict; ``problem`` says why in one line, for the model."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def first_json_object(text: str) -> dict[str, Any] | None:
    """The first balanced JSON object in ``text`` that has a ``score`` key, else the first
    JSON object at all, else None (code fences and prose around it are skipped)."""
    decoder = json.JSONDecoder()
    first: dict[str, Any] | None = None
    start = text.find("{")
    tries = 0
    while start != -1 and tries < _MAX_STARTS:
        tries += 1
        try:
            value, end = decoder.raw_decode(text, start)
        except ValueError:
            start = text.find("{", start + 1)
            continue
        if isinstance(value, dict):
            if "score" in value:
                return value
            first = first if first is not None else value
        start = text.find("{", end)
    return first


def read_score(value: Any) -> float:
    """``value`` as a score in [0, 1]: a number or a numeric string.

    Raises:
        MalformedVerdict: for anything else, or a number outside [0, 1].
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise MalformedVerdict(f'"score" must be a number from 0 to 1, not {json.dumps(value)}')
    try:
        score = float(value)
    except ValueError:
        raise MalformedVerdict(f'"score" must be a number from 0 to 1, not '
                               f"{json.dumps(value)}") from None
    if not math.isfinite(score):
        raise MalformedVerdict(f'"score" must be a number from 0 to 1, not {value}')
    if not 0.0 <= score <= 1.0:
        shown = int(score) if score.is_integer() else score
        raise MalformedVerdict(f"score {shown} is outside [0, 1]: use the rubric's anchors "
                               "from 0 to 1")
    return score


def parse_verdict(text: str) -> Verdict:
    """The verdict in a model's reply.

    Raises:
        MalformedVerdict: naming the first problem found.
    """
    if not text.strip():
        raise MalformedVerdict("the reply is empty")
    found = first_json_object(text)
    if found is None:
        raise MalformedVerdict("the reply contains no JSON object")
    if "score" not in found:
        raise MalformedVerdict('the JSON object has no "score"')
    score = read_score(found["score"])
    explanation = found.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        raise MalformedVerdict('"explanation" must be a non-empty string')
    return Verdict(score=score, explanation=explanation.strip())


def repair_message(problem: str) -> str:
    """The follow-up sent after a bad reply (which the conversation shows the model just
    before it): what was wrong, and what to send instead."""
    return (f"Your previous reply is not a valid verdict: {problem}. Reply again with only "
            'the JSON object {"score": <a number from 0 to 1>, "explanation": "<one to '
            'three sentences>"} and nothing else.')


@dataclass(frozen=True)
class Summary:
    """Several verdicts on the same question, summarised."""

    score: float
    explanation: str
    scores: tuple[float, ...]
    spread: float


def summarise(verdicts: Sequence[Verdict]) -> Summary:
    """The mean score, the spread (max - min), and the explanation of the verdict closest to
    the mean (the first of those equally close)."""
    if not verdicts:
        raise ValueError("no verdicts to summarise")
    scores = tuple(v.score for v in verdicts)
    mean = statistics.fmean(scores)
    closest = min(verdicts, key=lambda v: abs(v.score - mean))
    return Summary(score=mean, explanation=closest.explanation, scores=scores,
                   spread=max(scores) - min(scores))
