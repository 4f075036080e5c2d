"""Fixed-window request limits per API key, counted in Redis so every server process shares them.

A caller's window opens with its first request and lasts a minute; one Lua script counts the
request and reads the time left atomically, so concurrent requests on several processes never
lose a count nor leave a counter without expiry. The Redis is the job queue's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assay import fixed_window
from assay.runs import queue
from assay.settings import Settings

WINDOW_SECONDS = 60
_PREFIX = "assay:ratelimit:"



@dataclass(frozen=True)
class Quota:
    limit: int
    used: int
    #: Seconds until the window closes (at least 1).
    reset: int

    @property
    def exceeded(self) -> bool:
        return self.used > self.limit

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    def headers(self) -> dict[str, str]:
        headers = {"RateLimit-Limit": str(self.limit), "RateLimit-Remaining":
                   str(self.remaining), "RateLimit-Reset": str(self.reset)}
        if self.exceeded:
            headers["Retry-After"] = str(self.reset)
        return headers


async def hit(settings: Settings, bucket: str) -> Quota:
    """Count one request of ``bucket`` (an API key, or an address for keyless requests)."""
    redis = await queue.pool(settings)
    count, left_ms = await fixed_window.count(redis, _PREFIX + bucket, WINDOW_SECONDS * 1000)
    return Quota(limit=settings.api_rate_limit, used=count,
                 reset=max(math.ceil(left_ms / 1000), 1))
