"""The emails identity sends. Links are built from ASSAY_PUBLIC_URL, never from a request.

Tokens travel in the URL fragment (``#token=``): browsers do not send fragments to servers
or in Referer headers, so a link does not leak through logs on its way to the page.
"""

from __future__ import annotations

from assay.mail.message import Mail
from assay.settings import Settings


def _link(settings: Settings, page: str, token: str) -> str:
    return f"{settings.public_url}/{page}#token={token}"


def verification(settings: Settings, to: str, token: str, *, again: bool = False) -> Mail:
    opening = (
        "Someone (probably you) asked to sign up to Assay again with this address, which "
        "is not verified yet. Here is a new link; earlier ones no longer work."
        if again else "Welcome to Assay. Confirm that this address is yours to finish signing up."
    )
    return Mail(
        to=to,
        subject="Confirm your email address for Assay",
        text=(
            f"{opening}\n\n"
            f"Open this link within 24 hours:\n{_link(settings, 'verify-email', token)}\n\n"
            f"(Your application can also send this token to the verifyEmail mutation: {token})\n\n"
            "If you did not sign up, ignore this message: nothing happens without the link.\n"
        ),
    )


def already_registered(settings: Settings, to: str) -> Mail:
    return Mail(
        to=to,
        subject="Someone tried to sign up to Assay with your address",
        text=(
            "Someone just tried to create an Assay account with this email address, but you "
            "already have one, so nothing was created and nothing changed.\n\n"
            f"If it was you, sign in at {settings.public_url} instead.\n"
            "If it was not you, you can ignore this message: your account is safe.\n"
        ),
    )


def code_reused(settings: Settings, to: str) -> Mail:
    return Mail(
        to=to,
        subject="An Assay sign-in code of yours was used twice",
        text=(
            "An authenticator code for your Assay account was presented again after it had "
            "already been accepted, and was refused.\n\n"
            "If you just signed in twice quickly, there is nothing to do. Otherwise someone "
            "may know your password and be watching your codes: change your password and "
            f"review your sessions at {settings.public_url}.\n"
        ),
    )
