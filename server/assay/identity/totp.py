"""TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps), each code accepted at most once.

A code is checked against the current step and the one before it (RFC 6238 §5.2 allows one
step of network delay; this lets a code live up to 60 s, a documented deviation from ASVS
6.5.5's 30 s). The step a code matched is then written with
``UPDATE totp_factors SET last_step = $step WHERE id = $id AND last_step < $step``: when
that changes no row, the code (or a later one) was already accepted, so a replay, or the
loser of two parallel requests with one code, is refused. The secret is sealed under the
user's own data key (``assay.crypto.user_envelope``).
"""

from __future__ import annotations

import hmac
import io
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

import pyotp
import segno
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.auth.models import TotpFactor, User
from assay.crypto import user_envelope
from assay.crypto.envelope import Binding, Sealed
from assay.errors import Conflict
from assay.identity.errors import ALREADY_ENROLLED, SignInFailed
from assay.ids import new_id

ISSUER = "Assay"
PERIOD_SECONDS = 30
DIGITS = 6
#: 160 bits, the length RFC 4226 recommends for HMAC-SHA-1 secrets.
SECRET_CHARACTERS = 32


@dataclass(frozen=True)
class Enrollment:
    secret: str
    uri: str
    qr_svg: str


class Check(Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    REPLAYED = "replayed"


def current_step(now: float | None = None) -> int:
    return int(time.time() if now is None else now) // PERIOD_SECONDS


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The step (current or previous) whose code ``code`` is, or None."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return None
    generator = pyotp.TOTP(secret, digits=DIGITS, interval=PERIOD_SECONDS)
    step = current_step(now)
    for candidate in (step, step - 1):
        if hmac.compare_digest(generator.generate_otp(candidate), code):
            return candidate
    return None


def _binding(factor_id: uuid.UUID) -> Binding:
    return Binding(table="totp_factors", row_id=factor_id, field="secret")


def _qr_svg(uri: str) -> str:
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(buffer, kind="svg", scale=4, xmldecl=False, svgns=True)
    return buffer.getvalue().decode()


async def begin(user: User) -> Enrollment:
    """A new secret for ``user`` (replacing an unconfirmed one); refused once confirmed."""
    secret = pyotp.random_base32(SECRET_CHARACTERS)
    async with in_transaction():
        factor = await TotpFactor.select_for_update().get_or_none(user_id=user.id)
        if factor is not None and factor.confirmed_at is not None:
            raise SignInFailed(ALREADY_ENROLLED, "you already have an authenticator: sign in "
                                                 "with a code from it (verifyTotp)")
        factor_id = factor.id if factor is not None else new_id()
        sealed = await user_envelope.seal(user.id, secret, _binding(factor_id))
        if factor is None:
            try:
                async with in_transaction():
                    await TotpFactor.create(id=factor_id, user_id=user.id,
                                            ciphertext=sealed.ciphertext, nonce=sealed.nonce,
                                            key_version=sealed.key_version)
            except IntegrityError:
                raise Conflict("enrollment was started twice at the same moment: start it "
                               "again", "CONCURRENT_ENROLLMENT") from None
        else:
            await TotpFactor.filter(id=factor_id).update(
                ciphertext=sealed.ciphertext, nonce=sealed.nonce,
                key_version=sealed.key_version, last_step=0)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return Enrollment(secret=secret, uri=uri, qr_svg=_qr_svg(uri))


async def factor_of(user_id: uuid.UUID) -> TotpFactor | None:
    return await TotpFactor.get_or_none(user_id=user_id)


async def _secret(factor: TotpFactor) -> str:
    sealed = Sealed(ciphertext=bytes(factor.ciphertext), nonce=bytes(factor.nonce),
                    key_version=factor.key_version)
    return await user_envelope.open_sealed(factor.user_id, sealed, _binding(factor.id))


async def check(factor: TotpFactor, code: str, *, confirming: bool = False) -> Check:
    """Accept ``code`` once: advance ``last_step`` atomically, or say why not.

    With ``confirming``, the same update also confirms a pending enrollment (and refuses a
    factor that is confirmed already).
    """
    step = matching_step(await _secret(factor), code)
    if step is None:
        return Check.WRONG
    rows = TotpFactor.filter(id=factor.id, last_step__lt=step)
    if confirming:
        advanced = await rows.filter(confirmed_at=None).update(
            last_step=step, confirmed_at=datetime.now(UTC))
    else:
        advanced = await rows.exclude(confirmed_at=None).update(last_step=step)
    return Check.ACCEPTED if advanced else Check.REPLAYED
