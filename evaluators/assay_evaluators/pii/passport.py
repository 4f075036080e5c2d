"""Passport numbers of the US, UK, Spain, Mexico, Argentina and Brazil."""

from __future__ import annotations

import re

from assay_evaluators.pii.base import CONTEXT_ONLY, IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import CODE_END, CODE_START

#: The formats in use: up to three letters and six to nine digits (ES and AR "AAA123456",
#: BR "AB123456", MX and US "G12345678", US and UK nine digits).
_PASSPORT = re.compile(r"(?P<v>[A-Z]" + CODE_START + r"[A-Z]{0,2}[0-9]{6,9}|[0-9]" + CODE_START
                       + r"[0-9]{8})" + CODE_END)


class PassportDetector(PatternDetector):
    """Passport numbers. No country publishes a check digit for them, and their formats are
    shared with many codes, so one is reported only with a context word ("passport",
    "pasaporte", "passaporte"), at the lowest score."""

    name = "passport"
    entity = "PASSPORT"
    pattern = _PASSPORT
    prefilter = re.compile(r"(?i)pas+a?port")
    rivals = IDENTIFIER_WORDS
    context = ContextWords("passport", "passport number", "passport no", "pasaporte",
                           "numero de pasaporte", "passaporte", "numero do passaporte",
                           before=60, after=30)

    def score(self, text: str, candidate: Candidate) -> float | None:
        if not self.near_context(text, candidate):
            return None
        return CONTEXT_ONLY
