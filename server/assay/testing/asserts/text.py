"""Text helpers shared by the checks: comparison forms and short quotes for verdicts."""

from __future__ import annotations

import unicodedata


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: str, limit: int = 80) -> str:
    """``text`` in single quotes, shortened, with line breaks and tabs shown as escapes."""
    short = shorten(text, limit)
    return "'" + short.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'"


def comparable(text: str, case_sensitive: bool) -> str:
    """``text`` in NFC form, case-folded unless the comparison is case-sensitive."""
    text = unicodedata.normalize("NFC", text)
    return text if case_sensitive else text.casefold()
