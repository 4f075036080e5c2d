"""Regex fragments shared by the detectors, so every number is delimited the same way.

A candidate must stand alone: not glued to letters or digits, not the middle of a longer
number written with separators ("1.234.567.890", "3,14159265"), not part of an address
("ana@...", "/path/123"). Patterns are compiled once, when a module is imported.


from __future__ import annotations

Speed: each pattern starts with a plain character class (``[0-9]``, ``[A-Z]``), so the
regex engine skips ahead to candidates; the checks on what comes before a candidate are
lookbehinds placed right after that first character (``NUMBER_START`` and ``CODE_START``
look back past it). Digits are ASCII ``[0-9]``: ``\\d`` (every script's digits) is several
times slower to scan for, and the checksums are defined on ASCII digits anyway.
"""

#: After a number's first digit: before it, no word character, "+", "@", "/", "\\" or "-",
#: and not a digit followed by a decimal or thousands separator.
NUMBER_START = r"(?<![\w+@/\\-].)(?<![0-9][.,].)"
#: After a number: no word character or "@", and no separator followed by a digit.
NUMBER_END = r"(?![\w@])(?![.,/-][0-9])"
#: After a code's first character (CURP, NINO, IBAN...): what may not come before it.
CODE_START = r"(?<![\w+@/\\.-].)"
#: After such a code.
CODE_END = r"(?![\w@])(?![.,/-]\w)"


def count_digits(text: str) -> int:
    return sum(1 for char in text if char.isdigit())


def digits(text: str) -> str:
    """Only the ASCII digits of ``text``."""
    return "".join(char for char in text if "0" <= char <= "9")


def same_digits(value: str) -> bool:
    """Whether every digit is the same ("000000000", "11111111111"): placeholders."""
    only = digits(value)
    return len(set(only)) <= 1
