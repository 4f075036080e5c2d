"""When and how often the http connector tries a request again."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from assay_sdk.connectors import ConnectorError

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """Retries on timeouts, connection errors, 429 and 5xx: full-jitter exponential backoff."""

    retries: int = 3
    base_seconds: float = 0.5
    cap_seconds: float = 8.0
    retry_after_cap_seconds: float = 30.0

    def backoff(self, retry: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (0 = the first retry)."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2**retry)
        return (rng or random).uniform(0, ceiling)

    def delay(self, retry: int, retry_after: float | None) -> float:
        """The agent's Retry-After (capped) when it sent one, else the backoff."""
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap_seconds)
        return self.backoff(retry)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header in seconds: delta-seconds or an HTTP date; None when unreadable."""
    text = (value or "").strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


class Retryable(Exception):
    """A failed attempt that may be tried again (after ``retry_after`` seconds, if given)."""

    def __init__(self, error: ConnectorError, retry_after: float | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.retry_after = retry_after


async def with_retries(policy: RetryPolicy, attempt: Callable[[], Awaitable[T]]
                       ) -> tuple[T, float, int]:
    """The first successful attempt's result, its latency in ms, and the number of attempts.

    Raises:
        ConnectorError: the last attempt's error (its ``attempts`` set) when an attempt fails
            for good, or the policy allows no more retries.
    """
    count = 0
    while True:
        count += 1
        started = time.perf_counter()
        try:
            result = await attempt()
        except Retryable as retry:
            if count > policy.retries:
                raise _attempted(retry.error, count) from None
            await asyncio.sleep(policy.delay(count - 1, retry.retry_after))
            continue
        except ConnectorError as exc:
            raise _attempted(exc, count) from None
        return result, (time.perf_counter() - started) * 1000, count


def _attempted(error: ConnectorError, attempts: int) -> ConnectorError:
    return ConnectorError(error.code, error.message, request=error.request,
                          response=error.response, artifacts=error.artifacts,
                          attempts=attempts)
