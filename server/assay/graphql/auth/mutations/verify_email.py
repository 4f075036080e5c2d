"""verifyEmail: consume a mailed link once; it never signs anyone in."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, origin
from assay.graphql.auth.types import AuthError
from assay.graphql.permissions import public_field
from assay.identity import signup


@strawberry.type
class VerifyEmailSuccess:
    email: str = strawberry.field(description="The verified address; sign in with it now.")


VerifyEmailResult = Annotated[
    VerifyEmailSuccess | AuthError, strawberry.union("VerifyEmailResult")
]


@strawberry.type
class VerifyEmailMutation:
    @public_field(
        "the link token is the credential: 256 random bits, single use, 24 hours",
        description="Confirm an email address with the token from the mailed link.",
    )
    @auth_errors
    async def verify_email(self, info: strawberry.Info, token: str) -> VerifyEmailResult:
        user = await signup.verify_email(token, origin(info))
        return VerifyEmailSuccess(email=user.email)
