"""Argentine identity numbers: the DNI (no checksum) and the CUIT/CUIL (mod 11)."""

from __future__ import annotations

import re

from stdnum.ar import cuit

from assay_evaluators.pii.base import CONTEXT_ONLY, IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import NUMBER_END, NUMBER_START, digits, same_digits

#: The type prefixes: people (20, 23, 24, 27) and companies (30, 33, 34).
_PREFIXES = frozenset({"20", "23", "24", "27", "30", "33", "34"})


class ArDniDetector(PatternDetector):
    """Argentine DNI: seven or eight digits ("12.345.678" or "12345678").

    It has no check digit, so any such number is a DNI only when a context word says so
    ("DNI", "documento", "nro. de documento"...): reported then, at the lowest score.
    """

    name = "ar_dni"
    entity = "AR_DNI"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9]?(\.?)[0-9]{3}\2[0-9]{3})(?!-[0-9kK])" + NUMBER_END)
    rivals = IDENTIFIER_WORDS
    prefilter = re.compile(r"(?i)d\.?n\.?i|document|c[eé]dula|libreta|national id|id number")
    context = ContextWords("dni", "d.n.i.", "documento", "documento nacional de identidad",
                           "nro de documento", "numero de documento", "n de documento",
                           "documento de identidad", "identity document", "national id",
                           "id number", "cedula", "libreta", before=80)

    def score(self, text: str, candidate: Candidate) -> float | None:
        if same_digits(candidate.value) or not self.near_context(text, candidate):
            return None
        return CONTEXT_ONLY


class ArCuitDetector(PatternDetector):
    """Argentine CUIT (companies and people) and CUIL (workers): a type prefix (20, 23, 24,
    27, 30, 33, 34), the DNI or company number, and a mod-11 check digit, dashes optional.
    Unformatted, eleven digits pass the check too often to score high without context."""

    name = "ar_cuit"
    entity = "AR_CUIT"
    pattern = re.compile(r"(?P<v>[23]" + NUMBER_START + r"[0347](-?)[0-9]{8}\2[0-9])"
                         + NUMBER_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("cuit", "cuil", "cdi", "afip", "arca", "clave unica",
                           "identificacion tributaria", "identificacion laboral", "tax id")

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = digits(candidate.value)
        if number[:2] not in _PREFIXES or same_digits(number[2:10]) or not cuit.is_valid(number):
            return None
        return self.checksum_score(text, candidate, weak="-" not in candidate.value)
