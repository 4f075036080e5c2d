"""Expected failures of signing in, each with a code a client can act on."""

from __future__ import annotations

from assay.errors import DomainError

#: The one answer for an unknown email and a wrong password (it says nothing about which).
INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
#: Password right, email not verified yet: no challenge, no session.
EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED"
#: The challenge is unknown, used, expired, or out of attempts: sign in again.
CHALLENGE_INVALID = "CHALLENGE_INVALID"
#: A TOTP or recovery code that is wrong or was already accepted once.
INVALID_CODE = "INVALID_CODE"
#: The user has no confirmed authenticator yet: enroll first.
ENROLLMENT_REQUIRED = "ENROLLMENT_REQUIRED"
#: The user already has a confirmed authenticator.
ALREADY_ENROLLED = "ALREADY_ENROLLED"
#: A link token that is unknown, used or expired.
TOKEN_INVALID = "TOKEN_INVALID"


class SignInFailed(DomainError):
    """Signing in (or a step of it) failed; ``code`` is one of the constants above."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def invalid_credentials() -> SignInFailed:
    return SignInFailed(
        INVALID_CREDENTIALS,
        "the email or the password is wrong: check both and try again",
    )


def challenge_invalid() -> SignInFailed:
    return SignInFailed(
        CHALLENGE_INVALID,
        "this sign-in has expired or was already completed: sign in again with your password",
    )


def invalid_code() -> SignInFailed:
    return SignInFailed(
        INVALID_CODE,
        "the code is wrong or was already used: enter the current code from your "
        "authenticator app (or an unused recovery code)",
    )
