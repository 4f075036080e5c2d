"""Which sign-in outcomes are failures for the throttle, and what a burst of them does.

A step that checks a secret (the password, a TOTP or recovery code) runs inside
:func:`counted`: the attempt is let through (or refused) by the throttle before the secret
is looked at, stays a failure when the secret was wrong, and is taken back otherwise. When
an account's failures reach the threshold, its owner gets one mail and one audit event
(``auth.throttled``) for the burst; the mail leaves after the answer (see deliveries).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assay.auth.models import User
from assay.identity import deliveries, recovery_messages, throttle
from assay.identity.errors import INVALID_CODE, INVALID_CREDENTIALS, SignInFailed
from assay.identity.trail import Origin, record_for_user
from assay.settings import Settings

log = logging.getLogger("assay.identity")

#: Refusals that mean a guessed secret was wrong; any other outcome is no failure.
WRONG_SECRET = frozenset({INVALID_CREDENTIALS, INVALID_CODE})


@asynccontextmanager
async def counted(
    settings: Settings, *, email: str, origin: Origin, user: User | None,
    completes_sign_in: bool = False,
) -> AsyncIterator[None]:
    """Count the attempt on ``email``'s account and ``origin``'s address around the block.

    Raises TooManyAttempts (or SIGN_IN_UNAVAILABLE) before the block runs when the throttle
    refuses. ``completes_sign_in``: success issues a session, which forgets the account's
    failures.
    """
    try:
        attempt = await throttle.attempt(settings, account=throttle.account_key(email),
                                         ip=origin.ip)
    except throttle.TooManyAttempts as refused:
        log.info("sign-in attempt refused by the throttle for %d s (request %s, ip %s)",
                 refused.retry_after_seconds, origin.request_id, origin.ip)
        raise
    try:
        yield
    except SignInFailed as failure:
        if failure.code not in WRONG_SECRET:
            await throttle.take_back(settings, attempt)
        else:
            await _failed(settings, attempt, origin, user)
        raise
    await throttle.take_back(settings, attempt, signed_in=completes_sign_in)


async def _failed(settings: Settings, attempt: throttle.Attempt, origin: Origin,
                  user: User | None) -> None:
    if attempt.address_failures == settings.login_address_free_failures:
        log.warning("sign-in attempts from %s are slowed down after %d failures (request %s)",
                    origin.ip, attempt.address_failures, origin.request_id)
    if attempt.account_failures != settings.login_free_failures:
        return
    if user is None:
        log.info("sign-in attempts on an unknown address are slowed down (request %s, ip %s)",
                 origin.request_id, origin.ip)
        return
    await _burst(settings, user.id, user.email, attempt.account_failures, origin)


async def _burst(settings: Settings, user_id: uuid.UUID, email: str, failures: int,
                origin: Origin) -> None:
    """An account's failures reached the threshold: audit it and tell its owner, once."""
    await record_for_user(user_id, "auth.throttled", origin, {
        "failures": failures, "retry_after_seconds": settings.login_delay_seconds})
    deliveries.deliver_later(settings, recovery_messages.sign_in_throttled(
        settings, email, failures))
