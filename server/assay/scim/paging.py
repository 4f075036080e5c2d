"""Pagination of list responses (RFC 7644 §3.4.2.4): 1-based ``startIndex`` and ``count``."""

from __future__ import annotations

from dataclasses import dataclass

from assay.scim.errors import invalid_value

#: The most resources one page holds (ServiceProviderConfig's filter.maxResults).
MAX_RESULTS = 200
DEFAULT_COUNT = 100


def _whole(value: str | None, name: str, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise invalid_value(f"{name} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class Page:
    #: 1-based index of the first resource.
    start: int
    count: int

    @classmethod
    def of(cls, start_index: str | None, count: str | None) -> Page:
        """Values below 1 start at 1, a negative count is 0, a count over the maximum is the
        maximum: RFC 7644 says to interpret, not refuse, these."""
        start = max(_whole(start_index, "startIndex", 1), 1)
        size = min(max(_whole(count, "count", DEFAULT_COUNT), 0), MAX_RESULTS)
        return cls(start, size)
