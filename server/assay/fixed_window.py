"""Fixed-window counters in Redis: the API's rate limit and the reset-link quota use them.

One Lua script counts and starts the window atomically, on Redis's own clock, so every
server process shares one count and no window is left without an expiry.
"""

from __future__ import annotations

from redis.asyncio import Redis

#: KEYS[1] the counter, ARGV[1] the window in ms -> {count in this window, ms left}.
_COUNT = """
local count = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
"""


async def count(redis: Redis, key: str, window_ms: int) -> tuple[int, int]:
    """Count one event under ``key``: (events in the current window, milliseconds left)."""
    counted, left_ms = await redis.eval(_COUNT, 1, key, str(window_ms))  # type: ignore[misc]
    return int(counted), int(left_ms)
