"""The Chilean RUT / RUN: a number and a mod-11 check digit (0-9 or K)."""

from __future__ import annotations

import re

from stdnum.cl import rut

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import NUMBER_START, same_digits


class ClRutDetector(PatternDetector):
    """RUT: "12.345.678-5", "12345678-5" or "9.876.543-K". The dash before the check digit
    is required: without it, any seven to nine digits would be candidates."""

    name = "cl_rut"
    entity = "CL_RUT"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9]?(\.?)[0-9]{3}\2[0-9]{3}-[0-9kK])(?![\w@])")
    rivals = IDENTIFIER_WORDS
    context = ContextWords("rut", "run", "r.u.t.", "rol unico tributario", "rol unico nacional",
                           "cedula", "cedula de identidad", "carnet", "tax id", "id number")

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = candidate.value.replace(".", "").replace("-", "")
        if same_digits(number[:-1]) or not rut.is_valid(number):
            return None
        return self.checksum_score(text, candidate)
