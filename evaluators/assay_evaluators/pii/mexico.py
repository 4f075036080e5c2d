"""Mexican personal codes: CURP (population registry) and RFC (taxpayer), both with a
birth date inside and a check digit."""

from __future__ import annotations

import re

from stdnum.mx import curp, rfc

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import CODE_END, CODE_START


class MxCurpDetector(PatternDetector):
    """CURP: four letters, the birth date (YYMMDD), sex, state, three consonants, a
    century character and the check digit; the date, the state and the digit are checked."""

    name = "mx_curp"
    entity = "MX_CURP"
    pattern = re.compile(r"[A-Z]" + CODE_START
                         + r"[A-Z]{3}[0-9]{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9][0-9]"
                         + CODE_END)
    context = ContextWords("curp", "clave unica de registro de poblacion", "registro de poblacion")

    def score(self, text: str, candidate: Candidate) -> float | None:
        if not curp.is_valid(candidate.value):
            return None
        return 1.0 if self.near_context(text, candidate) else 0.9


class MxRfcDetector(PatternDetector):
    """RFC: three (company) or four (person) letters, the date (YYMMDD) and a three-character
    homoclave whose last character is a check digit; the date and the digit are checked."""

    name = "mx_rfc"
    entity = "MX_RFC"
    pattern = re.compile(r"(?P<v>[A-ZÑ&]" + CODE_START
                         + r"[A-ZÑ&]{2,3}[ -]?[0-9]{6}[ -]?[A-Z0-9]{3})" + CODE_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("rfc", "r.f.c.", "registro federal de contribuyentes", "sat",
                           "homoclave", "contribuyente", "tax id")

    def score(self, text: str, candidate: Candidate) -> float | None:
        try:
            rfc.validate(candidate.value, validate_check_digits=True)
        except Exception:  # stdnum raises ValidationError subclasses; anything else: not one
            return None
        return self.checksum_score(text, candidate)
