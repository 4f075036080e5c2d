"""The US Social Security number."""

from __future__ import annotations

import re

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import NUMBER_END, NUMBER_START, digits

#: Numbers published as examples (on cards, in advertising) or never valid.
_SAMPLES = frozenset({"078051120", "219099999", "123456789", "987654320", "987654321",
                      "987654322", "987654323", "987654324", "987654325", "987654326",
                      "987654327", "987654328", "987654329"})


class UsSsnDetector(PatternDetector):
    """SSN: "123-45-6789" (dashes or spaces, the same both times) or nine digits with a
    context word. No checksum exists: an area of 000, 666 or 900-999, a group of 00 or a
    serial of 0000 is not issued, and published sample numbers are left out."""

    name = "us_ssn"
    entity = "US_SSN"
    pattern = re.compile(r"(?P<v>[0-9]" + NUMBER_START
                         + r"[0-9]{2}([- ]?)[0-9]{2}\2[0-9]{4})" + NUMBER_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("ssn", "social security", "social security number", "social security no",
                           "ss#", "ss number", "seguro social", "numero de seguro social",
                           "seguridade social", "taxpayer id", "itin")

    def score(self, text: str, candidate: Candidate) -> float | None:
        number = digits(candidate.value)
        area, group, serial = number[:3], number[3:5], number[5:]
        if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
            return None
        if number in _SAMPLES or len(set(number)) == 1:
            return None
        context = self.near_context(text, candidate)
        delimited = number != candidate.value
        if not delimited and not context:
            return None
        if context:
            return 0.85 if delimited else 0.6
        return 0.55
