"""verifyTotp: step two of signing in, with a TOTP code or a recovery code."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.errors import invalid
from assay.graphql.auth.results import auth_errors, current_session, origin, set_session_cookie
from assay.graphql.auth.throttled import TooManyAttemptsError
from assay.graphql.auth.types import AuthError, SessionType
from assay.graphql.errors import ValidationError
from assay.graphql.permissions import public_field
from assay.identity import login


@strawberry.type
class VerifyTotpSuccess:
    session: SessionType
    recovery_codes_left: int = strawberry.field(description="Unused recovery codes left.")


VerifyTotpResult = Annotated[
    VerifyTotpSuccess | AuthError | ValidationError | TooManyAttemptsError,
    strawberry.union("VerifyTotpResult"),
]


@strawberry.type
class VerifyTotpMutation:
    @public_field(
        "needs a live challenge from logIn and a one-time code; each code works once",
        description="Finish signing in with a code from the authenticator app, or a "
                    "recovery code. Sets the session cookie.",
    )
    @auth_errors
    async def verify_totp(
        self, info: strawberry.Info, challenge: str, code: str | None = None,
        recovery_code: str | None = None,
    ) -> VerifyTotpResult:
        if (code is None) == (recovery_code is None):
            raise invalid("code", "give either code (from the authenticator app) or "
                                  "recoveryCode, not both and not neither")
        signed_in = await login.verify(
            info.context.settings, challenge_token=challenge, code=code,
            recovery_code=recovery_code, origin=origin(info),
            previous_session=current_session(info))
        set_session_cookie(info, signed_in.token)
        return VerifyTotpSuccess(
            session=SessionType.from_model(signed_in.session, signed_in.session.id),
            recovery_codes_left=signed_in.recovery_codes_left)
