"""The emails of password recovery and of throttled sign-in attempts.

Like every identity mail, links are built from ASSAY_PUBLIC_URL (never from a request) and
carry the token in the URL fragment, which browsers send to no server.
"""

from __future__ import annotations

from assay.mail.message import Mail
from assay.settings import Settings


def password_reset(settings: Settings, to: str, token: str) -> Mail:
    return Mail(
        to=to,
        subject="Reset your Assay password",
        text=(
            "Someone (probably you) asked to reset the password of the Assay account of this "
            "address.\n\n"
            f"Open this link within 30 minutes to choose a new password:\n"
            f"{settings.public_url}/reset-password#token={token}\n\n"
            f"(Your application can also send this token to the resetPassword mutation: "
            f"{token})\n\n"
            "The link works once; links sent before it no longer work. You will still need "
            "your authenticator app to sign in afterwards.\n"
            "If you did not ask for this, ignore this message: your password stays as it is.\n"
        ),
    )


def password_changed(settings: Settings, to: str, sessions_ended: int) -> Mail:
    return Mail(
        to=to,
        subject="Your Assay password was changed",
        text=(
            "The password of your Assay account was just changed with a reset link sent to "
            f"this address, and every session of yours was ended ({sessions_ended}).\n\n"
            f"If it was you, sign in at {settings.public_url} with the new password and your "
            "authenticator app.\n"
            "If it was not you, someone can read your mail: secure your mailbox first, then "
            "ask for a new reset link, and tell your organization's owner.\n"
        ),
    )


def sign_in_throttled(settings: Settings, to: str, failures: int) -> Mail:
    return Mail(
        to=to,
        subject="Failed sign-in attempts on your Assay account",
        text=(
            f"There were {failures} failed attempts to sign in to your Assay account in a "
            "short time (wrong passwords or authenticator codes), so further attempts are slowed "
            "down for a while. You can still sign in: if you are asked to wait, wait, then "
            "try again.\n\n"
            "If these attempts were not yours, someone may be guessing: your authenticator "
            "still protects you, but choose a strong password you use nowhere else, and "
            f"review your sessions at {settings.public_url}.\n"
        ),
    )
