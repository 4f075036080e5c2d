"""Payment card numbers (Luhn and issuer ranges) and IBANs (per-country length, mod 97)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from importlib import resources

from stdnum import iban, luhn

from assay_evaluators.pii.base import (
    CHECKSUM,
    CHECKSUM_WITH_CONTEXT,
    IDENTIFIER_WORDS,
    Candidate,
    PatternDetector,
)
from assay_evaluators.pii.context import ContextWords
from assay_evaluators.pii.patterns import CODE_END, CODE_START, NUMBER_END, NUMBER_START, digits

#: 12 to 19 digits, maybe in groups separated by single spaces or dashes.
_CARD = re.compile(r"[0-9]" + NUMBER_START + r"(?:[ -]?[0-9]){11,18}" + NUMBER_END)

#: Issuer ranges: (first digits low, high, prefix length) and the lengths they issue.
_ISSUERS: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    (4, 4, 1, frozenset({13, 16, 19})),                  # Visa
    (51, 55, 2, frozenset({16})),                        # Mastercard
    (2221, 2720, 4, frozenset({16})),                    # Mastercard 2-series
    (34, 34, 2, frozenset({15})), (37, 37, 2, frozenset({15})),  # American Express
    (6011, 6011, 4, frozenset({16, 17, 18, 19})),        # Discover
    (644, 649, 3, frozenset({16, 17, 18, 19})),
    (65, 65, 2, frozenset({16, 17, 18, 19})),
    (3528, 3589, 4, frozenset({16, 17, 18, 19})),        # JCB
    (300, 305, 3, frozenset({14, 15, 16, 17, 18, 19})),  # Diners Club
    (36, 36, 2, frozenset({14, 15, 16, 17, 18, 19})),
    (38, 39, 2, frozenset({16, 17, 18, 19})),
    (62, 62, 2, frozenset({16, 17, 18, 19})),            # UnionPay
    (50, 50, 2, frozenset({12, 13, 14, 15, 16, 17, 18, 19})),  # Maestro
    (56, 58, 2, frozenset({12, 13, 14, 15, 16, 17, 18, 19})),
    (63, 63, 2, frozenset({12, 13, 14, 15, 16, 17, 18, 19})),
    (67, 67, 2, frozenset({12, 13, 14, 15, 16, 17, 18, 19})),
    (60, 60, 2, frozenset({16, 17, 18, 19})),            # Elo, Hipercard and others
    (606282, 606282, 6, frozenset({16})),
)


def issued(number: str) -> bool:
    """Whether a card issuer uses this number's prefix and length."""
    return any(low <= int(number[:size]) <= high and len(number) in lengths
               for low, high, size, lengths in _ISSUERS)


def _placeholder(number: str) -> bool:
    """All one digit, or counting up or down ("1234567890123456")."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(number)}
    return len(steps) == 1 and steps <= {0, 1, 9}


class CreditCardDetector(PatternDetector):
    """Payment card numbers: 12 to 19 digits (spaces or dashes between groups, the same
    separator throughout) whose prefix an issuer uses for that length and that pass Luhn."""

    name = "credit_card"
    entity = "CREDIT_CARD"
    pattern = _CARD
    rivals = IDENTIFIER_WORDS
    context = ContextWords(
        "card", "credit card", "debit card", "card number", "visa", "mastercard", "amex",
        "american express", "discover", "maestro", "tarjeta", "tarjeta de credito",
        "tarjeta de debito", "cartao", "cartao de credito", "numero do cartao", "pan")

    def score(self, text: str, candidate: Candidate) -> float | None:
        value = candidate.value
        separators = {char for char in value if not char.isdigit()}
        if len(separators) > 1:
            return None
        number = digits(value)
        if _placeholder(number) or not issued(number) or not luhn.is_valid(number):
            return None
        return 0.98 if self.near_context(text, candidate) else CHECKSUM


def _iban_lengths() -> dict[str, int]:
    """Country code -> IBAN length, from python-stdnum's copy of the SWIFT registry."""
    lengths: dict[str, int] = {}
    registry = resources.files("stdnum") / "iban.dat"
    for line in registry.read_text(encoding="utf-8").splitlines():
        found = re.match(r'([A-Z]{2})\s.*bban="([^"]+)"', line)
        if found:
            lengths[found.group(1)] = 4 + sum(int(n) for n in re.findall(r"(\d+)!",
                                                                         found.group(2)))
    return lengths


IBAN_LENGTHS = _iban_lengths()
_CODE_END = re.compile(CODE_END)
#: Two letters, two check digits, then letters and digits maybe in groups of four.
_IBAN = re.compile(r"[A-Z]" + CODE_START + r"[A-Z][0-9]{2}(?:[ ]?[A-Z0-9]){10,30}")


class IbanDetector(PatternDetector):
    """IBANs: a country the registry knows, that country's exact length, and mod 97 == 1.

    The span ends where the country's length ends, so a word in capitals after an IBAN
    printed in groups is not swallowed.
    """

    name = "iban"
    entity = "IBAN"
    pattern = _IBAN
    rivals = IDENTIFIER_WORDS
    context = ContextWords("iban", "account", "bank account", "cuenta", "cuenta bancaria",
                           "conta", "conta bancaria", "transfer", "transferencia", "swift")

    def candidates(self, text: str) -> Iterator[Candidate]:
        for match in self.pattern.finditer(text):
            length = IBAN_LENGTHS.get(match.group()[:2])
            if length is None:
                continue
            end, seen = match.start(), 0
            while seen < length and end < match.end():
                if text[end] != " ":
                    seen += 1
                end += 1
            if seen == length and _CODE_END.match(text, end):
                yield Candidate(match.start(), end, text[match.start():end])

    def score(self, text: str, candidate: Candidate) -> float | None:
        if not iban.is_valid(candidate.value):
            return None
        return 1.0 if self.near_context(text, candidate) else CHECKSUM_WITH_CONTEXT - 0.05
