"""Context words: whether a word such as "passport" or "teléfono" appears near a match.

Matching is whole-word (never a substring, so "tel" does not match "hotel"), case- and
accent-insensitive ("telefono" matches "Teléfono"), and looks only at a short window before
the match (and a shorter one after it) that never crosses the end of a sentence, so a word
in another sentence ("Your DNI is 12345678Z. We had 41815523 visits") does not count.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters looked at before and after a match, by default.
BEFORE = 60
AFTER = 20
#: The end of a sentence: a stop, then space and a capital letter (or an opening mark), or a
#: line break. "Tel. 612 345 678" does not end one.
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[\"'¿¡(«]?[^\W\d_])(?=[^a-z])|\n")


def fold(text: str) -> str:
    """``text`` lower-cased, accents removed ("Teléfono" -> "telefono")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _alternative(word: str) -> str:
    """The regex of one context word: spaces match any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in fold(word).split())


def _after_last_boundary(text: str) -> str:
    """``text`` from the start of its last sentence."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return text[ends[-1]:] if ends else text


class ContextWords:
    """A set of context words and the window they must appear in."""

    def __init__(self, *words: str, before: int = BEFORE, after: int = AFTER) -> None:
        alternatives = sorted({_alternative(w) for w in words}, key=len, reverse=True)
        self.words = tuple(words)
        self.before = before
        self.after = after
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def near(self, text: str, start: int, end: int) -> bool:
        """Whether one of the words is in the window around ``text[start:end]``."""
        head = text[max(0, start - self.before):start]
        tail = text[end:end + self.after]
        head = _after_last_boundary(head)
        stop = _SENTENCE_END.search(tail)
        if stop:
            tail = tail[:stop.start()]
        return self._pattern.search(fold(head + "\n" + tail)) is not None

    def in_text(self, text: str) -> bool:
        """Whether one of the words appears anywhere in ``text``."""
        return self._pattern.search(fold(text)) is not None
