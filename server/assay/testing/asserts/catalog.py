"""The assert types, the fields each one takes, and the limits on their values."""

from __future__ import annotations

ASSERT_TYPES = (
    "contains",
    "not_contains",
    "equals",
    "regex",
    "json_schema",
    "json_path",
    "response_time_ms",
    "max_length",
    "min_length",
    "language",
    "pii_leak",
)
MAX_ASSERTS = 50
MAX_VALUE_CHARS = 20_000
MAX_PATTERN_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 500
MAX_SCHEMA_CHARS = 100_000
MAX_PATH_CHARS = 500
MAX_JSON_DEPTH = 64
REGEX_TIMEOUT_MS = 100
MAX_REGEX_TIMEOUT_MS = 1_000
MAX_RESPONSE_TIME_MS = 3_600_000
MAX_LENGTH_LIMIT = 1_000_000
JSON_PATH_MODES = ("equals", "exists")

#: Types whose comparison can ignore case (they take a ``caseSensitive`` flag).
CASE_SENSITIVE_TYPES = frozenset({"contains", "not_contains", "equals", "regex"})
#: Fields every assert may have.
COMMON_KEYS = ("type", "negate", "description")
#: Fields of each type, besides the common ones and ``caseSensitive``.
SPECIFIC_KEYS: dict[str, tuple[str, ...]] = {
    "contains": ("value",),
    "not_contains": ("value",),
    "equals": ("value",),
    "regex": ("pattern", "timeoutMs"),
    "json_schema": ("schema",),
    "json_path": ("path", "mode", "value"),
    "response_time_ms": ("max",),
    "max_length": ("max",),
    "min_length": ("min",),
    "language": ("language",),
    "pii_leak": ("entities",),
}
#: Every field some assert type has.
ALL_KEYS = frozenset(
    {*COMMON_KEYS, "caseSensitive", *(k for keys in SPECIFIC_KEYS.values() for k in keys)}
)


def allowed_keys(kind: str) -> frozenset[str]:
    """The fields an assert of type ``kind`` may have."""
    extra = ("caseSensitive",) if kind in CASE_SENSITIVE_TYPES else ()
    return frozenset({*COMMON_KEYS, *SPECIFIC_KEYS[kind], *extra})
