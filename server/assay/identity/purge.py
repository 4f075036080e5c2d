"""Removing proofs of identity that can never work again: expired sign-in challenges and
expired link tokens (verification and reset). Their hashes are useless once expired; the
audit trail keeps what happened with them."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from assay.auth.models import LoginChallenge, UserToken

log = logging.getLogger("assay.identity")


async def purge_expired_proofs() -> tuple[int, int]:
    """Delete expired challenges and link tokens; (challenges, tokens) deleted."""
    now = datetime.now(UTC)
    challenges = await LoginChallenge.filter(expires_at__lte=now).delete()
    tokens = await UserToken.filter(expires_at__lte=now).delete()
    log.info("purged %d expired sign-in challenges and %d expired link tokens",
             challenges, tokens)
    return challenges, tokens
