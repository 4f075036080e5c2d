"""The shape every built-in detector shares: a precompiled pattern, a validator, context
words, and scores by strength of evidence.

Scores follow one scale for every entity:

- a valid checksum with a context word nearby: highest (about 0.95);
- a valid checksum alone: high (about 0.85);
- a distinctive format without a checksum (an email, a dashed SSN): by format;
- a format that only context makes personal (a passport, an Argentine DNI): lowest, and only
  ever reported with a context word.

A candidate that fails its checksum is never reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, ClassVar

from assay_evaluators.pii.context import ContextWords
from assay_sdk import PiiDetector, PiiFinding

#: The scale (see the module's docstring).
CHECKSUM_WITH_CONTEXT = 0.95
CHECKSUM = 0.85
#: A checksum that a random number of that length passes often (e.g. an unformatted
#: 11-digit CPF, which a phone number can also be).
WEAK_CHECKSUM = 0.6
CONTEXT_ONLY = 0.5

#: Words naming a kind of identifier. Near a candidate with none of its own context words,
#: they say it is another kind: "CNPJ 30495756000119" (a failed CNPJ) is not a card even if
#: it passes Luhn, "CPF 24036805834" (a failed CPF) is not a CUIT.
IDENTIFIER_WORDS = ContextWords(
    "dni", "nie", "nif", "cpf", "cnpj", "cuit", "cuil", "rut", "curp", "rfc", "iban", "ssn",
    "nino", "passport", "pasaporte", "passaporte", "card", "tarjeta", "cartao")

#: A labelled calibration text: the text and its spans (type, start, end exclusive).
Span = tuple[str, int, int]
CalibrationItem = tuple[str, list[Span]]


class Candidate:
    """A match worth validating: where it is and its text."""

    __slots__ = ("end", "start", "value")

    def __init__(self, start: int, end: int, value: str) -> None:
        self.start = start
        self.end = end
        self.value = value


class PatternDetector(PiiDetector):
    """A detector made of a pattern, a validator and context words.

    Subclasses set :attr:`pattern` (the group named ``v`` is the value, else the whole
    match), :attr:`context`, and override :meth:`score` (None rejects a candidate).
    :attr:`hint` is a cheap test of the whole text that lets a detector skip texts that
    cannot hold its entity.
    """

    version = "1.0.0"
    data_package = "assay_evaluators.pii"
    pattern: ClassVar[re.Pattern[str]]
    context: ClassVar[ContextWords]
    #: A substring every text holding the entity contains ("@" for emails); "" = none.
    hint: ClassVar[str] = ""
    #: A pattern every text holding the entity matches somewhere (for an entity reported
    #: only with a context word: a stem of every such word); None = none.
    prefilter: ClassVar[re.Pattern[str] | None] = None
    #: The least recall on its calibration data the conformance kit should accept.
    min_recall: ClassVar[float] = 0.9
    #: Words that, without one of its own context words, mean a candidate is another kind
    #: of identifier (see IDENTIFIER_WORDS); None: not checked.
    rivals: ClassVar[ContextWords | None] = None

    def detect(self, text: str) -> list[PiiFinding]:
        if not text or (self.hint and self.hint not in text):
            return []
        if self.prefilter is not None and self.prefilter.search(text) is None:
            return []
        found: list[PiiFinding] = []
        for candidate in self.candidates(text):
            try:
                score = self.score(text, candidate)
                if score is not None and self.contradicted(text, candidate):
                    score = None
            except Exception:  # a validator must never take the host down: no finding
                score = None
            if score is not None:
                found.append(PiiFinding(start=candidate.start, end=candidate.end,
                                        type=self.entity, score=round(score, 2),
                                        detector=self.name))
        return found

    def candidates(self, text: str) -> Iterator[Candidate]:
        for match in self.pattern.finditer(text):
            group = "v" if "v" in self.pattern.groupindex else 0
            yield Candidate(match.start(group), match.end(group), match.group(group))

    def score(self, text: str, candidate: Candidate) -> float | None:
        """The candidate's score, or None when it is not the entity."""
        raise NotImplementedError

    def near_context(self, text: str, candidate: Candidate) -> bool:
        return self.context.near(text, candidate.start, candidate.end)

    def contradicted(self, text: str, candidate: Candidate) -> bool:
        """Whether a word naming another identifier is near and none of its own is."""
        return (self.rivals is not None
                and self.rivals.near(text, candidate.start, candidate.end)
                and not self.near_context(text, candidate))

    def checksum_score(self, text: str, candidate: Candidate, *, weak: bool = False) -> float:
        """The score of a candidate whose checksum is valid."""
        if self.near_context(text, candidate):
            return CHECKSUM_WITH_CONTEXT
        return WEAK_CHECKSUM if weak else CHECKSUM

    @classmethod
    def calibration_path(cls) -> Traversable:
        """The labelled dataset: ``data/<slug>.jsonl`` in :attr:`data_package`."""
        return resources.files(cls.data_package or cls.__module__) / "data" / f"{cls.name}.jsonl"

    @classmethod
    def calibration_cases(cls) -> list[CalibrationItem]:
        """The labelled texts and their expected spans (type, start, end), hard negatives
        (no span) included."""
        items: list[CalibrationItem] = []
        for line in cls.calibration_path().read_text(encoding="utf-8").splitlines():
            if line.strip():
                record: dict[str, Any] = json.loads(line)
                spans = [(str(s["type"]), int(s["start"]), int(s["end"]))
                         for s in record["spans"]]
                items.append((str(record["text"]), spans))
        return items
