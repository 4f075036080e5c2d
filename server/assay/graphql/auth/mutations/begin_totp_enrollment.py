"""beginTotpEnrollment: a new authenticator secret for the signing-in person."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, origin
from assay.graphql.auth.types import AuthError
from assay.graphql.errors import ConflictError
from assay.graphql.permissions import public_field
from assay.identity import login


@strawberry.type
class TotpEnrollment:
    secret: str = strawberry.field(description="Base32; type it in if the QR code won't scan.")
    otpauth_uri: str = strawberry.field(name="otpauthUri")
    qr_code_svg: str = strawberry.field(name="qrCodeSvg", description="The URI as a QR code.")


BeginTotpEnrollmentResult = Annotated[
    TotpEnrollment | AuthError | ConflictError, strawberry.union("BeginTotpEnrollmentResult")
]


@strawberry.type
class BeginTotpEnrollmentMutation:
    @public_field(
        "needs a live challenge from logIn (the password step) of a person without an "
        "authenticator",
        description="Start setting up an authenticator app; confirm with a code from it.",
    )
    @auth_errors
    async def begin_totp_enrollment(
        self, info: strawberry.Info, challenge: str
    ) -> BeginTotpEnrollmentResult:
        enrollment = await login.begin_enrollment(challenge, origin(info))
        return TotpEnrollment(secret=enrollment.secret, otpauth_uri=enrollment.uri,
                              qr_code_svg=enrollment.qr_svg)
