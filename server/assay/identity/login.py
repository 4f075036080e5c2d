"""Signing in: password → challenge → (enrollment) → TOTP or recovery code → session.

``log_in`` never issues a session: it returns a challenge. Unknown addresses and wrong
passwords fail identically, after the same argon2 work. Every password, TOTP and recovery
code checked is first let through by the throttle (``attempts.counted``), which refuses
attempts during a delay without checking them. A session is issued only by
``confirm_enrollment`` or ``verify``, in one transaction that accepts the code (compare-
and-set on the TOTP step or the recovery code), consumes the challenge and creates the
session; any refusal rolls all of it back, then is counted against the challenge and
audited outside that transaction, so the record survives.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from assay.auth import sessions
from assay.auth.models import LoginChallenge, Session, TotpFactor, User
from assay.errors import ValidationFailed
from assay.identity import attempts, challenges, messages, passwords, recovery_codes, totp
from assay.identity.emails import normalise_email
from assay.identity.errors import (
    CHALLENGE_INVALID,
    EMAIL_NOT_VERIFIED,
    ENROLLMENT_REQUIRED,
    SignInFailed,
    challenge_invalid,
    invalid_code,
    invalid_credentials,
)
from assay.identity.trail import Origin, record_for_user
from assay.mail.transport import MailUnavailable, send
from assay.settings import Settings

log = logging.getLogger("assay.identity")


@dataclass(frozen=True)
class Started:
    challenge: str
    expires_at: datetime
    enrollment_required: bool


@dataclass(frozen=True)
class SignedIn:
    token: str
    session: Session
    #: Unused recovery codes left after this sign-in.
    recovery_codes_left: int
    #: The codes made at enrollment (shown once); empty otherwise.
    recovery_codes: tuple[str, ...] = ()


class _Replayed(SignInFailed):
    """A right code that was already accepted: refused like a wrong one, audited apart."""

    def __init__(self) -> None:
        failure = invalid_code()
        super().__init__(failure.code, failure.message)


async def _find_user(email: str) -> User | None:
    try:
        address = normalise_email(email)
    except ValidationFailed:
        return None
    return await User.get_or_none(email=address)


async def log_in(settings: Settings, *, email: str, password: str, origin: Origin) -> Started:
    user = await _find_user(email)
    known = user if user is not None and user.is_active else None
    async with attempts.counted(settings, email=email, origin=origin, user=known):
        return await _check_password(settings, user, password, origin)


async def _check_password(
    settings: Settings, user: User | None, password: str, origin: Origin
) -> Started:
    stored = user.password_hash if user is not None and user.is_active else None
    if not await passwords.verify_password(settings, stored, password):
        if user is not None:
            await record_for_user(user.id, "auth.login_failed", origin, {"step": "password"})
        else:
            log.info("sign-in refused for an unknown address (request %s, ip %s)",
                     origin.request_id, origin.ip)
        raise invalid_credentials()
    if user is None or stored is None:  # verify_password answers False for these already
        raise invalid_credentials()
    if passwords.needs_rehash(settings, stored):
        user.password_hash = await passwords.hash_password(
            settings, passwords.normalise(password))
        await user.save(update_fields=["password_hash"])
    if user.email_verified_at is None:
        raise SignInFailed(EMAIL_NOT_VERIFIED, "confirm your email address first: open the "
                           "link we mailed you (sign up again with the same address for a new "
                           "one)")
    factor = await totp.factor_of(user.id)
    token, challenge = await challenges.create(user.id, method="password", ip=origin.ip)
    await record_for_user(user.id, "auth.password_accepted", origin)
    return Started(token, challenge.expires_at,
                   enrollment_required=factor is None or factor.confirmed_at is None)


async def begin_enrollment(challenge_token: str, origin: Origin) -> totp.Enrollment:
    challenge = await challenges.live(challenge_token)
    enrollment = await totp.begin(await User.get(id=challenge.user_id))
    await record_for_user(challenge.user_id, "auth.totp_enrollment_started", origin)
    return enrollment


async def confirm_enrollment(
    settings: Settings, *, challenge_token: str, code: str, origin: Origin,
    previous_session: uuid.UUID | None = None,
) -> SignedIn:
    challenge = await challenges.live(challenge_token)
    factor = await totp.factor_of(challenge.user_id)
    if factor is None or factor.confirmed_at is not None:
        raise SignInFailed(ENROLLMENT_REQUIRED, "start enrollment first "
                           "(beginTotpEnrollment), then confirm it with a code")
    user = await User.get(id=challenge.user_id)
    async with attempts.counted(settings, email=user.email, origin=origin, user=user,
                                completes_sign_in=True):
        try:
            async with in_transaction():
                if await totp.check(factor, code, confirming=True) is not totp.Check.ACCEPTED:
                    raise invalid_code()
                codes = await recovery_codes.replace_codes(challenge.user_id)
                token, session = await _finish(settings, challenge, origin)
        except SignInFailed as failure:
            await _refused(settings, challenge, failure, origin, "totp_enrollment")
            raise
    await record_for_user(challenge.user_id, "auth.totp_enrolled", origin)
    return await _signed_in(challenge, token, session, origin, previous_session, "totp",
                            tuple(codes))


async def verify(
    settings: Settings, *, challenge_token: str, code: str | None, recovery_code: str | None,
    origin: Origin, previous_session: uuid.UUID | None = None,
) -> SignedIn:
    """Complete a sign-in with exactly one of a TOTP code or a recovery code."""
    challenge = await challenges.live(challenge_token)
    factor = await totp.factor_of(challenge.user_id)
    if factor is None or factor.confirmed_at is None:
        raise SignInFailed(ENROLLMENT_REQUIRED, "set up an authenticator first: "
                           "beginTotpEnrollment, then confirmTotpEnrollment")
    method = "recovery_code" if recovery_code is not None else "totp"
    user = await User.get(id=challenge.user_id)
    async with attempts.counted(settings, email=user.email, origin=origin, user=user,
                                completes_sign_in=True):
        try:
            async with in_transaction():
                await _check_code(factor, challenge.user_id, code, recovery_code)
                token, session = await _finish(settings, challenge, origin)
        except SignInFailed as failure:
            await _refused(settings, challenge, failure, origin, method)
            raise
    if recovery_code is not None:
        await record_for_user(challenge.user_id, "auth.recovery_code_used", origin)
    return await _signed_in(challenge, token, session, origin, previous_session, method)


async def _check_code(
    factor: TotpFactor, user_id: uuid.UUID, code: str | None, recovery_code: str | None
) -> None:
    """Accept the recovery code or the TOTP code (inside the caller's transaction)."""
    if recovery_code is not None:
        if not await recovery_codes.use(user_id, recovery_code):
            raise invalid_code()
        return
    outcome = await totp.check(factor, code or "")
    if outcome is totp.Check.REPLAYED:
        raise _Replayed
    if outcome is totp.Check.WRONG:
        raise invalid_code()


async def _finish(
    settings: Settings, challenge: LoginChallenge, origin: Origin
) -> tuple[str, Session]:
    """Consume the challenge and open the session (inside the caller's transaction)."""
    if not await challenges.consume(challenge.id):
        raise challenge_invalid()
    return await sessions.start(
        challenge.user_id, ip=origin.ip, user_agent=origin.user_agent,
        lifetime=sessions.Timeouts.of(settings).absolute,
    )


async def _signed_in(
    challenge: LoginChallenge, token: str, session: Session, origin: Origin,
    previous_session: uuid.UUID | None, method: str, codes: tuple[str, ...] = (),
) -> SignedIn:
    if previous_session is not None:  # rotation: the browser's earlier session ends here
        await sessions.revoke_any(previous_session)
    await record_for_user(challenge.user_id, "auth.login", origin,
                          {"method": method, "session_id": str(session.id)})
    left = await recovery_codes.remaining(challenge.user_id)
    return SignedIn(token=token, session=session, recovery_codes_left=left,
                    recovery_codes=codes)


async def _refused(
    settings: Settings, challenge: LoginChallenge, failure: SignInFailed, origin: Origin,
    step: str,
) -> None:
    """Count a refused code against the challenge and audit it (a replay also by mail)."""
    if failure.code == CHALLENGE_INVALID:
        return
    await challenges.note_failure(challenge.id)
    if isinstance(failure, _Replayed):
        await record_for_user(challenge.user_id, "auth.totp_replayed", origin)
        user = await User.get(id=challenge.user_id)
        with contextlib.suppress(MailUnavailable):  # logged; the refusal stands either way
            await send(settings, messages.code_reused(settings, user.email))
        return
    await record_for_user(challenge.user_id, "auth.login_failed", origin, {"step": step})
