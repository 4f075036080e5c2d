"""Reading the fields of one assert, recording each problem instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assay.errors import Issue


class Fields:
    """The raw fields of one assert at ``path``; problems go to the shared ``issues`` list."""

    def __init__(
        self, raw: Mapping[str, Any], path: tuple[str, ...], issues: list[Issue]
    ) -> None:
        self.raw = raw
        self.path = path
        self.issues = issues

    def fail(self, key: str, message: str, code: str = "INVALID") -> None:
        self.issues.append(Issue((*self.path, key), message, code))

    def text(self, key: str, what: str, limit: int) -> str:
        """A required text field; ``what`` names what to give ("the text to look for")."""
        value = self.raw.get(key)
        if value is None or value == "":
            self.fail(key, f"is required: give {what}", "REQUIRED")
            return ""
        return self._checked_text(key, value, f"give {what}", limit)

    def optional_text(self, key: str, instruction: str, limit: int) -> str:
        """A text field that may be absent (then empty); ``instruction`` says what to write."""
        value = self.raw.get(key)
        if value is None:
            return ""
        return self._checked_text(key, value, instruction, limit)

    def whole(self, key: str, what: str, low: int, high: int, default: int | None = None) -> int:
        """A whole number from ``low`` to ``high``; ``default`` when absent, else required."""
        value = self.raw.get(key)
        if value is None:
            if default is not None:
                return default
            self.fail(key, f"is required: give {what}", "REQUIRED")
            return 0
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be a whole number: give {what}")
            return 0
        if not low <= value <= high:
            self.fail(key, f"is {value}: give {what} from {low:,} to {high:,}", "OUT_OF_RANGE")
        return value

    def flag(self, key: str) -> bool:
        """A true/false field; absent means false."""
        value = self.raw.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value

    def _checked_text(self, key: str, value: object, instruction: str, limit: int) -> str:
        if not isinstance(value, str):
            self.fail(key, f"must be text: {instruction}")
            return ""
        if len(value) > limit:
            self.fail(
                key,
                f"is {len(value):,} characters long: shorten it to at most {limit:,}",
                "TOO_LONG",
            )
        if "\x00" in value:
            self.fail(key, "contains a NUL character (\\u0000), which cannot be stored: remove it")
        return value
