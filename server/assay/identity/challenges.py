"""Sign-in challenges: what a passed first factor (the password) earns.

A challenge is an opaque token the client holds for at most five minutes while it enrolls
or enters a TOTP code. It is stored hashed, dies after a few wrong codes, and is consumed
by one conditional UPDATE when it yields a session, so it yields at most one.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tortoise.expressions import F

from assay.auth.models import LoginChallenge
from assay.identity.errors import challenge_invalid
from assay.identity.tokens import new_token, token_hash

LIFETIME = timedelta(minutes=5)
MAX_FAILED_ATTEMPTS = 5


async def create(user_id: uuid.UUID, *, method: str, ip: str) -> tuple[str, LoginChallenge]:
    token = new_token()
    challenge = await LoginChallenge.create(
        user_id=user_id, token_hash=token_hash(token), method=method, ip=ip[:64],
        expires_at=datetime.now(UTC) + LIFETIME,
    )
    return token, challenge


async def live(token: str) -> LoginChallenge:
    """The unexpired, unused challenge ``token`` names, or CHALLENGE_INVALID."""
    challenge = await LoginChallenge.get_or_none(token_hash=token_hash(token))
    if (
        challenge is None
        or challenge.used_at is not None
        or challenge.expires_at <= datetime.now(UTC)
        or challenge.failed_attempts >= MAX_FAILED_ATTEMPTS
    ):
        raise challenge_invalid()
    return challenge


async def note_failure(challenge_id: uuid.UUID) -> None:
    await LoginChallenge.filter(id=challenge_id).update(failed_attempts=F("failed_attempts") + 1)


async def consume(challenge_id: uuid.UUID) -> bool:
    """Use the challenge up; False if it was used, expired or exhausted meanwhile."""
    now = datetime.now(UTC)
    used = await LoginChallenge.filter(
        id=challenge_id, used_at=None, expires_at__gt=now,
        failed_attempts__lt=MAX_FAILED_ATTEMPTS,
    ).update(used_at=now)
    return used == 1
