"""Brute-force throttling: failed sign-in attempts, counted per account and per address.

Password, TOTP and recovery-code attempts all count against two subjects: the account
(keyed by the SHA-256 of the normalised address, so unknown addresses are throttled
exactly like real ones and the throttle tells nothing about which exist) and the client
address. After ``login_free_failures`` failures of an account (``login_address_free_
failures`` of an address) each further attempt must wait a delay that starts at
``login_delay_seconds`` and doubles per failure, capped at ``login_max_delay_seconds``; an
attempt during the delay is refused with the seconds left, never by sleeping. No lockout is
permanent: the real user gets in once the delay is over. Failures are forgotten after an
hour without one, and an account's at a completed sign-in. Besides, an account takes at
most ``login_max_failures_per_hour`` failures in any hour, from however many addresses.

The counters live in Redis (the job queue's), shared by every server process, and its
clock is the only one used. Every attempt is counted as a failure the moment it is let
through, by one Lua script that also checks the delays, so parallel requests (or the
aliased fields of one request) cannot all pass before the first failure is recorded; an
attempt that turns out right is then taken back. When Redis cannot be reached, sign-in
attempts are refused (fail closed).
"""

from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass

from redis.exceptions import RedisError

from assay import fixed_window
from assay.errors import ValidationFailed
from assay.identity.emails import normalise_email
from assay.identity.errors import SignInFailed
from assay.runs import queue
from assay.settings import Settings

log = logging.getLogger("assay.identity")

TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
SIGN_IN_UNAVAILABLE = "SIGN_IN_UNAVAILABLE"
#: Failures are forgotten this long after the last one (no delay may be longer).
FORGET_AFTER_MS = 3_600_000
#: The window of the hourly ceiling, opened by an account's first failure in it.
HOUR_MS = 3_600_000
_PREFIX = "assay:throttle:"
#: What a Redis that is down or unreachable raises.
_UNREACHABLE = (TimeoutError, RedisError, OSError)

#: KEYS: account hash, address hash, account's hourly counter.
#: ARGV: account free failures, address free failures, first delay ms, longest delay ms,
#:       hourly ceiling, forget-after ms, hour ms.
#: Returns {0, ms to wait} when refused, else {1, 0, account failures, address failures,
#: account lock before, account lock set, address lock before, address lock set}.
_ATTEMPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i = 1, 2 do
  local locked = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  if locked - now > wait then wait = locked - now end
end
if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[5]) then
  local left = redis.call('PTTL', KEYS[3])
  if left > wait then wait = left end
end
if wait > 0 then return {0, wait} end
local result = {1, 0}
local locks = {}
for i = 1, 2 do
  local failures = redis.call('HINCRBY', KEYS[i], 'n', 1)
  local before = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  local set = before
  local free = tonumber(ARGV[i])
  if failures >= free then
    local delay = math.min(tonumber(ARGV[3]) * 2 ^ (failures - free), tonumber(ARGV[4]))
    set = now + delay
    redis.call('HSET', KEYS[i], 'until', string.format('%d', set))
  end
  redis.call('PEXPIRE', KEYS[i], ARGV[6])
  table.insert(result, failures)
  table.insert(locks, before)
  table.insert(locks, set)
end
if redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[7]) end
for _, lock in ipairs(locks) do table.insert(result, lock) end
return result
"""

#: Take back an attempt that was right. KEYS as above; ARGV: the four locks the attempt saw
#: and set, and '1' to forget the account's failures (a completed sign-in).
_TAKE_BACK = """
for i = 1, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local failures = redis.call('HINCRBY', KEYS[i], 'n', -1)
    if redis.call('HGET', KEYS[i], 'until') == ARGV[2 * i] then
      redis.call('HSET', KEYS[i], 'until', ARGV[2 * i - 1])
    end
    if failures <= 0 then redis.call('DEL', KEYS[i]) end
  end
end
if ARGV[5] == '1' then redis.call('DEL', KEYS[1]) end
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
return 1
"""


class TooManyAttempts(SignInFailed):
    """Refused without being checked: wait ``retry_after_seconds``, then try again."""

    def __init__(self, retry_after_seconds: int, message: str | None = None) -> None:
        super().__init__(TOO_MANY_ATTEMPTS, message or (
            f"too many failed sign-in attempts: wait {retry_after_seconds} s, then try again "
            "(forgot your password? ask for a reset link with requestPasswordReset)"))
        self.retry_after_seconds = retry_after_seconds


def unavailable() -> SignInFailed:
    return SignInFailed(
        SIGN_IN_UNAVAILABLE,
        "signing in is unavailable for a moment (the attempt counter cannot be reached): "
        "try again in a minute, and tell your Assay operator if it keeps failing",
    )


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def account_key(email: str) -> str:
    """The account an address names, known or not (malformed input is keyed as typed)."""
    try:
        address = normalise_email(email)
    except ValidationFailed:
        address = email.strip().lower()
    return f"{_PREFIX}account:{_digest(address)}"


def address_key(ip: str) -> str:
    return f"{_PREFIX}address:{_digest(ip)}"


def hour_key(account: str) -> str:
    return f"{account}:hour"


@dataclass(frozen=True)
class Attempt:
    """An attempt let through and counted as a failure until :func:`take_back` says not."""

    keys: tuple[str, str, str]
    account_failures: int
    address_failures: int
    #: The account's and the address's lock before this attempt, and as it set them.
    locks: tuple[str, str, str, str]


def _seconds(ms: int) -> int:
    return max(math.ceil(ms / 1000), 1)


async def attempt(settings: Settings, *, account: str, ip: str) -> Attempt:
    """Let an attempt through and count it, or raise TooManyAttempts (or, without Redis,
    SIGN_IN_UNAVAILABLE)."""
    keys = (account, address_key(ip), hour_key(account))
    args = (settings.login_free_failures, settings.login_address_free_failures,
            settings.login_delay_seconds * 1000, settings.login_max_delay_seconds * 1000,
            settings.login_max_failures_per_hour, FORGET_AFTER_MS, HOUR_MS)
    try:
        redis = await queue.pool(settings)
        reply = await redis.eval(_ATTEMPT, 3, *keys, *map(str, args))  # type: ignore[misc]
    except _UNREACHABLE as exc:
        log.error("sign-in attempt refused: the throttle's Redis is unreachable (%s)",
                  type(exc).__name__)
        raise unavailable() from None
    if int(reply[0]) == 0:
        raise TooManyAttempts(_seconds(int(reply[1])))
    values = [int(v) for v in reply[2:]]
    return Attempt(keys=keys, account_failures=values[0], address_failures=values[1],
                   locks=(str(values[2]), str(values[3]), str(values[4]), str(values[5])))


async def take_back(settings: Settings, attempt: Attempt, *, signed_in: bool = False) -> None:
    """The attempt was right (or was not a guess): it is no failure. A completed sign-in
    (``signed_in``) also forgets the account's earlier failures; the address's stay."""
    try:
        redis = await queue.pool(settings)
        await redis.eval(_TAKE_BACK, 3, *attempt.keys, *attempt.locks,  # type: ignore[misc]
                         "1" if signed_in else "0")
    except _UNREACHABLE as exc:  # it stays a failure
        log.warning("a right sign-in attempt stays counted: Redis is unreachable (%s)",
                    type(exc).__name__)




def reset_links_key(email: str) -> str:
    return f"{_PREFIX}reset-links:{_digest(email)}"


async def count_reset_link(settings: Settings, email: str) -> None:
    """Count one reset link for ``email`` (a normalised address, known or not), or raise
    TooManyAttempts when it had its hourly share, so nobody can flood a mailbox."""
    try:
        redis = await queue.pool(settings)
        count, left_ms = await fixed_window.count(redis, reset_links_key(email), HOUR_MS)
    except _UNREACHABLE as exc:
        log.error("password reset refused: the throttle's Redis is unreachable (%s)",
                  type(exc).__name__)
        raise SignInFailed(SIGN_IN_UNAVAILABLE, "password reset is unavailable for a moment: "
                           "try again in a minute, and tell your Assay operator if it keeps "
                           "failing") from None
    if count > settings.password_reset_links_per_hour:
        wait = _seconds(left_ms)
        raise TooManyAttempts(wait, (
            f"{settings.password_reset_links_per_hour} reset links were already sent to this "
            f"address in the last hour: use the latest one, or ask again in {wait} s"))
