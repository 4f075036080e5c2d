"""Spanish identity documents: DNI (NIF of a person) and NIE (a foreigner's number)."""

from __future__ import annotations

import re

from stdnum.es import dni, nie

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import CODE_END, CODE_START, NUMBER_START, same_digits

#: Shared: the Spanish words for an identity document, and the English and Portuguese ones.
_ID_WORDS = ("dni", "nif", "nie", "documento", "documento de identidad",
             "documento nacional de identidad", "identidad", "id", "id number", "identity",
             "national id", "identificacion", "numero de identificacion", "carnet",
             "tarjeta de residencia", "residencia", "extranjero", "identidade")


class EsDniDetector(PatternDetector):
    """Spanish DNI: eight digits and the control letter ``TRWAGMYFPDXBNJZSQVHLCKE[n % 23]``,
    maybe after a space, dash or dot-grouped digits ("12.345.678-Z")."""

    name = "es_dni"
    entity = "ES_DNI"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9](\.?)[0-9]{3}\2[0-9]{3}[ -]?[A-Z])" + CODE_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords(*_ID_WORDS)

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = candidate.value.replace(".", "").replace("-", "").replace(" ", "")
        if same_digits(number[:8]) or not dni.is_valid(number):
            return None
        return self.checksum_score(text, candidate)


class EsNieDetector(PatternDetector):
    """Spanish NIE: X, Y or Z, seven digits and the control letter (X/Y/Z count as 0/1/2)."""

    name = "es_nie"
    entity = "ES_NIE"
    pattern = re.compile(r"(?P<v>[XYZ]" + CODE_START + r"[ -]?[0-9]{7}[ -]?[A-Z])" + CODE_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords(*_ID_WORDS)

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = candidate.value.replace("-", "").replace(" ", "")
        if same_digits(number[1:8]) or not nie.is_valid(number):
            return None
        return self.checksum_score(text, candidate)
