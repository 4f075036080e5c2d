"""The UK National Insurance number (NINO)."""

from __future__ import annotations

import re

from assay_evaluators.pii.base import IDENTIFIER_WORDS, Candidate, PatternDetector
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import CODE_END, CODE_START

#: Prefixes never issued (and ZZ, used in examples and by Faker).
_NOT_ISSUED = frozenset({"BG", "GB", "NK", "KN", "NT", "TN", "ZZ"})


class UkNinoDetector(PatternDetector):
    """NINO: two prefix letters (D, F, I, Q, U, V never; O never second), six digits maybe
    in pairs, and a suffix A-D. It has no checksum: the shape alone scores medium."""

    name = "uk_nino"
    entity = "UK_NINO"
    pattern = re.compile(r"(?P<v>[A-CEGHJ-PR-TW-Z]" + CODE_START
                         + r"[A-CEGHJ-NPR-TW-Z]( ?)[0-9]{2}\2[0-9]{2}\2[0-9]{2}\2[A-D])"
                         + CODE_END)
    rivals = IDENTIFIER_WORDS
    context = ContextWords("national insurance", "national insurance number", "ni number",
                           "nino", "ni no", "insurance number", "numero de seguro social",
                           "seguro social")

    def score(self, text: str, candidate: Candidate) -> float | None:
        if candidate.value[:2] in _NOT_ISSUED:
            return None
        return 0.9 if self.near_context(text, candidate) else 0.65
