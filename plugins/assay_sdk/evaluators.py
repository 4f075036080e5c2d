"""Evaluators: plugins that score one dimension of an agent's answer.

An evaluator is registered under the ``assay.evaluators`` entry-point group; the entry
point's name is its slug. The host builds one :class:`EvaluationInput` per case of a run,
asks :meth:`Evaluator.missing` whether the evaluator can judge it (a case without an
expected output is skipped by an evaluator that needs one, with that reason), then awaits
:meth:`Evaluator.evaluate` with an :class:`EvaluationContext` that carries the threshold
and, for evaluators that use one, a judge.

Every evaluator ships ``calibration.jsonl`` as package data next to its module: labelled
cases (:class:`CalibrationCase`) that the evaluator's scores are held to.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any, ClassVar, Protocol

from assay_sdk.judges import JudgeReply, JudgeRequest
from assay_sdk.version import API_VERSION

#: Where an evaluator's calibration dataset lives, next to its module.
CALIBRATION_FILE = "calibration.jsonl"


class Role(StrEnum):
    USER = "user"
    AGENT = "agent"


@dataclass(frozen=True, kw_only=True)
class Turn:
    """One message of a conversation, in order."""

    role: Role
    content: str


class Requirement(StrEnum):
    """What an evaluator needs from a case to judge it."""

    #: The case's expected output (the reference answer).
    EXPECTED_OUTPUT = "expected_output"
    #: A conversation of more than one user turn (a CONVERSATIONAL case).
    CONVERSATION = "conversation"
    #: Context the agent should have answered from (documents, facts).
    CONTEXT = "context"
    #: The language the answer is expected in.
    LANGUAGE = "language"


#: What a case lacks, said to the user, per requirement.
_MISSING = {
    Requirement.EXPECTED_OUTPUT: "the case has no expected output",
    Requirement.CONVERSATION: "the case is not a conversation (it has a single user turn)",
    Requirement.CONTEXT: "the case has no context",
    Requirement.LANGUAGE: "the case names no expected language",
}


@dataclass(frozen=True, kw_only=True)
class EvaluationInput:
    """Everything an evaluator may look at for one case. Only ever gains fields with
    defaults, so plugins written against an older SDK keep working."""

    #: The user's message (a SIMPLE case) or the last user turn (a conversation).
    input: str
    #: The agent's answer to ``input`` (its last answer in a conversation).
    answer: str
    #: The whole conversation in order, user and agent turns (``input`` and ``answer``
    #: are its last two); empty for a SIMPLE case.
    turns: tuple[Turn, ...] = ()
    #: The reference answer, when the case has one.
    expected_output: str | None = None
    #: Facts or documents the agent should answer from, when the case has them.
    context: str | None = None
    #: The language the answer should be in (ISO 639-1, e.g. "es"), when the case says.
    language: str | None = None
    #: The case's category, tags, difficulty and other descriptive fields.
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_conversation(self) -> bool:
        return sum(1 for turn in self.turns if turn.role is Role.USER) > 1

    def has(self, requirement: Requirement) -> bool:
        if requirement is Requirement.EXPECTED_OUTPUT:
            return bool(self.expected_output and self.expected_output.strip())
        if requirement is Requirement.CONVERSATION:
            return self.is_conversation
        if requirement is Requirement.CONTEXT:
            return bool(self.context and self.context.strip())
        return bool(self.language)

    def to_json(self) -> dict[str, Any]:
        """A canonical, JSON-ready form (hashing, caching, calibration files)."""
        return {
            "input": self.input,
            "answer": self.answer,
            "turns": [{"role": t.role.value, "content": t.content} for t in self.turns],
            "expected_output": self.expected_output,
            "context": self.context,
            "language": self.language,
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EvaluationInput:
        turns = tuple(Turn(role=Role(t["role"]), content=str(t["content"]))
                      for t in data.get("turns") or ())
        return cls(
            input=str(data.get("input", "")),
            answer=str(data.get("answer", "")),
            turns=turns,
            expected_output=data.get("expected_output"),
            context=data.get("context"),
            language=data.get("language"),
            metadata=dict(data.get("metadata") or {}),
        )


@dataclass(frozen=True, kw_only=True)
class EvaluationResult:
    """One evaluator's verdict on one case."""

    #: In [0, 1]; 1 is best.
    score: float
    #: ``score >= threshold``.
    passed: bool
    #: The threshold the score was held to.
    threshold: float
    #: Why, in one or a few sentences a person can check against the answer.
    explanation: str
    #: Anything else worth keeping (per-sample scores, spread, matched spans...), JSON-ready.
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score {self.score!r} is outside [0, 1]")
        if self.passed != (self.score >= self.threshold):
            raise ValueError(f"passed={self.passed} disagrees with score {self.score} "
                             f"against threshold {self.threshold}")


class JudgeClient(Protocol):
    """The judge as the host hands it to an evaluator (cached, counted, rate-limited)."""

    @property
    def model(self) -> str:
        """The judge's model, e.g. "gpt-4o-mini" (for explanations; never needed to score)."""
        ...

    async def ask(self, request: JudgeRequest) -> JudgeReply:
        """The judge's verdict on ``request``.

        Raises:
            JudgeError: when the judge cannot give a valid verdict (after its retries).
        """
        ...


@dataclass(frozen=True, kw_only=True)
class EvaluationContext:
    """What the host gives an evaluator for one case."""

    #: The threshold to hold the score to (the evaluation's override or the default).
    threshold: float
    #: The judge, for evaluators with ``uses_judge``; None otherwise.
    judge: JudgeClient | None = None
    #: How many times to sample the judge (the spread is reported when more than one).
    samples: int = 1


@dataclass(frozen=True, kw_only=True)
class CalibrationMargin:
    """How close to its labels an evaluator must score with a judge model to be enabled."""

    #: The largest acceptable mean absolute error between scores and labels.
    max_mean_abs_error: float = 0.15
    #: The smallest acceptable share of cases whose pass/fail agrees with the label's.
    min_pass_agreement: float = 0.85


@dataclass(frozen=True, kw_only=True)
class CalibrationCase:
    """One labelled case of an evaluator's calibration dataset (a line of the file)."""

    id: str
    #: The language of the case, "en" or "es" for the built-ins.
    language: str
    item: EvaluationInput
    #: The score a careful human gives, in [0, 1].
    expected_score: float
    #: How far a score may stray from ``expected_score`` and still count as agreeing.
    tolerance: float
    #: One line: why the label is what it is.
    reason: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CalibrationCase:
        """A line's ``language`` is the language the case is written in; the language the
        answer is expected in, when the case sets one, is ``expected_language``."""
        return cls(
            id=str(data["id"]),
            language=str(data["language"]),
            item=EvaluationInput.from_json({**data, "language": data.get("expected_language")}),
            expected_score=float(data["expected_score"]),
            tolerance=float(data["tolerance"]),
            reason=str(data["reason"]),
        )


class Evaluator(abc.ABC):
    """One dimension of quality (one instance may judge many cases, concurrently)."""

    #: The slug; equals the entry-point name.
    name: ClassVar[str]
    #: Bump whenever its scores can change (prompt, rubric, parsing); stored on every result.
    version: ClassVar[str]
    api_version: ClassVar[int] = API_VERSION
    #: A short human title, e.g. "Hallucination".
    title: ClassVar[str]
    #: What it measures, in one or two sentences.
    description: ClassVar[str]
    #: The threshold a score must reach to pass, unless an evaluation overrides it.
    default_threshold: ClassVar[float] = 0.7
    #: What a case must have for it to be judged.
    requires: ClassVar[frozenset[Requirement]] = frozenset()
    #: Whether it calls a judge (an LLM); one that does not needs no judge configured.
    uses_judge: ClassVar[bool] = True
    #: How well it must agree with its calibration dataset for a judge model to be allowed.
    margin: ClassVar[CalibrationMargin] = CalibrationMargin()
    #: The package holding its data files; defaults to the module the class is defined in.
    data_package: ClassVar[str | None] = None

    def missing(self, item: EvaluationInput) -> str | None:
        """Why ``item`` cannot be judged (the first thing it lacks), or None."""
        for requirement in sorted(self.requires):
            if not item.has(requirement):
                return f"{_MISSING[requirement]}, which {self.name} needs"
        return None

    @abc.abstractmethod
    async def evaluate(self, item: EvaluationInput, context: EvaluationContext
                       ) -> EvaluationResult:
        """Score ``item``. Called only when :meth:`missing` returned None.

        Raises:
            JudgeError: when the judge failed; the host records the case as errored for
                this evaluator and goes on.
        """

    @classmethod
    def package(cls) -> str:
        return cls.data_package or cls.__module__

    @classmethod
    def read_data(cls, filename: str) -> str:
        """A data file shipped with the evaluator (its prompt, its calibration set)."""
        return resources.files(cls.package()).joinpath(filename).read_text(encoding="utf-8")

    @classmethod
    def calibration_cases(cls) -> list[CalibrationCase]:
        """The labelled dataset it is calibrated on, in file order.

        Raises:
            FileNotFoundError: when the package ships no ``calibration.jsonl``.
            ValueError: when a line is not a valid case (the message names the line).
        """
        cases = []
        for number, line in enumerate(cls.read_data(CALIBRATION_FILE).splitlines(), 1):
            if not line.strip():
                continue
            try:
                cases.append(CalibrationCase.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{cls.name} {CALIBRATION_FILE} line {number}: {exc}"
                                 ) from exc
        return cases


def scored(score: float, threshold: float, explanation: str,
           details: Mapping[str, Any] | None = None) -> EvaluationResult:
    """A result with ``passed`` derived from the score (clamped into [0, 1])."""
    score = min(1.0, max(0.0, float(score)))
    return EvaluationResult(score=score, passed=score >= threshold, threshold=threshold,
                            explanation=explanation, details=dict(details or {}))


def transcript(turns: Sequence[Turn]) -> str:
    """A conversation as plain text, one "User:"/"Agent:" line per turn."""
    return "\n".join(f"{'User' if t.role is Role.USER else 'Agent'}: {t.content}"
                     for t in turns)
