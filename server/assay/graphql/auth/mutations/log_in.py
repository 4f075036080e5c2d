"""logIn: the password step. It returns a challenge, never a session."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, origin
from assay.graphql.auth.throttled import TooManyAttemptsError
from assay.graphql.auth.types import AuthError
from assay.graphql.permissions import public_field
from assay.identity import login


@strawberry.type
class LogInSuccess:
    challenge: str = strawberry.field(
        description="Pass it to beginTotpEnrollment/confirmTotpEnrollment or verifyTotp.")
    expires_at: datetime
    totp_enrollment_required: bool = strawberry.field(
        description="True: set up an authenticator first (beginTotpEnrollment).")


LogInResult = Annotated[
    LogInSuccess | AuthError | TooManyAttemptsError, strawberry.union("LogInResult")
]


@strawberry.type
class LogInMutation:
    @public_field(
        "checks a password and returns a short-lived challenge; a session still needs TOTP",
        description="Sign in with email and password: step one of two.",
    )
    @auth_errors
    async def log_in(self, info: strawberry.Info, email: str, password: str) -> LogInResult:
        started = await login.log_in(info.context.settings, email=email, password=password,
                                     origin=origin(info))
        return LogInSuccess(challenge=started.challenge, expires_at=started.expires_at,
                            totp_enrollment_required=started.enrollment_required)
