"""Regular expressions of the ``regex`` assert: compiled once, their errors in plain words."""

from __future__ import annotations

from functools import lru_cache

import regex


@lru_cache(maxsize=512)
def compiled(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    """``pattern`` compiled (cached); raises regex.error when it does not compile."""
    return regex.compile(pattern, 0 if case_sensitive else regex.IGNORECASE)


def regex_problem(exc: regex.error) -> str:
    """What is wrong with a pattern, and where."""
    message, position = getattr(exc, "msg", str(exc)), getattr(exc, "pos", None)
    return f"{message} at position {position}" if position is not None else str(message)
