"""Password recovery: a mailed single-use link, valid 30 minutes, sets a new password.

``request_reset`` answers the same for every well-formed address: whether an account
exists shows neither in the answer nor in its time, because the mail (the slow, varying
part) leaves in the background after the answer (see deliveries), and unknown addresses
are counted against the hourly share of links like real ones. A new link makes earlier
ones useless; only the SHA-256 of a link's token is stored.

``reset_password`` consumes the link with one conditional UPDATE (so it works once, even
when presented twice at the same moment), sets the new password under the sign-up rules,
ends every session of the user and every sign-in under way, and issues no session: the
next sign-in still needs the authenticator (ASVS 6.4.3). The user is mailed that the
password changed. A link also proves the address, like a verification link does.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from assay.auth.models import LoginChallenge, Session, TokenPurpose, User, UserToken
from assay.identity import deliveries, passwords, recovery_messages, throttle
from assay.identity.emails import normalise_email
from assay.identity.errors import TOKEN_INVALID, SignInFailed
from assay.identity.tokens import new_token, token_hash
from assay.identity.trail import Origin, record_for_user
from assay.mail.transport import MailUnavailable, send
from assay.settings import Settings

log = logging.getLogger("assay.identity")

LIFETIME = timedelta(minutes=30)


async def request_reset(settings: Settings, *, email: str, origin: Origin) -> None:
    """Mail a reset link if ``email`` has an account; answers alike either way.

    Raises ValidationFailed for a malformed address, TooManyAttempts when the address had
    its hourly share of links.
    """
    address = normalise_email(email)
    await throttle.count_reset_link(settings, address)
    user = await User.get_or_none(email=address)
    if user is None or not user.is_active:
        log.info("password reset asked for an address without an account (request %s, ip %s)",
                 origin.request_id, origin.ip)
        return
    async with in_transaction():
        token = await _issue(user)
        await record_for_user(user.id, "auth.password_reset_requested", origin)
    deliveries.deliver_later(settings, recovery_messages.password_reset(settings, address, token))


async def _issue(user: User) -> str:
    """A new 30-minute link; links sent before it stop working."""
    now = datetime.now(UTC)
    await UserToken.filter(
        user_id=user.id, purpose=TokenPurpose.RESET_PASSWORD, used_at=None
    ).update(used_at=now)
    token = new_token()
    await UserToken.create(
        user_id=user.id, purpose=TokenPurpose.RESET_PASSWORD, email=user.email,
        token_hash=token_hash(token), expires_at=now + LIFETIME,
    )
    return token


def _invalid_link() -> SignInFailed:
    return SignInFailed(
        TOKEN_INVALID,
        "this reset link is invalid, was already used, was replaced by a newer one, or has "
        "expired (links work for 30 minutes): ask for a new one with requestPasswordReset",
    )


async def reset_password(
    settings: Settings, *, token: str, new_password: str, origin: Origin
) -> User:
    """Set the password of the link's user; every session of theirs ends. No session."""
    row = await UserToken.get_or_none(
        token_hash=token_hash(token), purpose=TokenPurpose.RESET_PASSWORD)
    if row is None or row.used_at is not None or row.expires_at <= datetime.now(UTC):
        raise _invalid_link()
    normalised = passwords.check_policy(new_password, email=row.email, path="newPassword")
    password_hash = await passwords.hash_password(settings, normalised)
    async with in_transaction():
        now = datetime.now(UTC)
        consumed = await UserToken.filter(id=row.id, used_at=None, expires_at__gt=now).update(
            used_at=now)
        user = await User.select_for_update().get(id=row.user_id)
        if not consumed or user.email != row.email or not user.is_active:
            raise _invalid_link()
        user.password_hash = password_hash
        user.email_verified_at = user.email_verified_at or now
        await user.save(update_fields=["password_hash", "email_verified_at"])
        ended = await _end_everything(user, now)
        await record_for_user(user.id, "auth.password_reset", origin,
                              {"sessions_revoked": ended})
    with contextlib.suppress(MailUnavailable):  # logged; the new password stands either way
        await send(settings, recovery_messages.password_changed(settings, user.email, ended))
    return user


async def _end_everything(user: User, now: datetime) -> int:
    """End the user's sessions, sign-ins under way and other reset links; sessions ended."""
    ended = await Session.filter(user_id=user.id, revoked_at=None, expires_at__gt=now).update(
        revoked_at=now)
    await LoginChallenge.filter(user_id=user.id, used_at=None).update(used_at=now)
    await UserToken.filter(
        user_id=user.id, purpose=TokenPurpose.RESET_PASSWORD, used_at=None
    ).update(used_at=now)
    return ended
