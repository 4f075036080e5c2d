"""confirmTotpEnrollment: a first code proves the app works; recovery codes and a session."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, current_session, origin, set_session_cookie
from assay.graphql.auth.throttled import TooManyAttemptsError
from assay.graphql.auth.types import AuthError, SessionType
from assay.graphql.permissions import public_field
from assay.identity import login


@strawberry.type
class ConfirmTotpEnrollmentSuccess:
    recovery_codes: list[str] = strawberry.field(
        description="Ten single-use codes for when the authenticator is lost. Shown once.")
    session: SessionType


ConfirmTotpEnrollmentResult = Annotated[
    ConfirmTotpEnrollmentSuccess | AuthError | TooManyAttemptsError,
    strawberry.union("ConfirmTotpEnrollmentResult"),
]


@strawberry.type
class ConfirmTotpEnrollmentMutation:
    @public_field(
        "needs a live challenge and a valid code from the secret begun with it",
        description="Finish setting up the authenticator; signs in (the session cookie).",
    )
    @auth_errors
    async def confirm_totp_enrollment(
        self, info: strawberry.Info, challenge: str, code: str
    ) -> ConfirmTotpEnrollmentResult:
        signed_in = await login.confirm_enrollment(
            info.context.settings, challenge_token=challenge, code=code, origin=origin(info),
            previous_session=current_session(info))
        set_session_cookie(info, signed_in.token)
        return ConfirmTotpEnrollmentSuccess(
            recovery_codes=list(signed_in.recovery_codes),
            session=SessionType.from_model(signed_in.session, signed_in.session.id))
