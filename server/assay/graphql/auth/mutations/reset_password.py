"""resetPassword: a mailed link sets a new password; every session ends, none begins."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, clear_session_cookie, origin
from assay.graphql.auth.types import AuthError
from assay.graphql.errors import ValidationError
from assay.graphql.permissions import public_field
from assay.identity import reset

DONE = ("your password was changed and every session of yours was ended: sign in with the "
        "new password and a code from your authenticator app")


@strawberry.type
class ResetPasswordSuccess:
    email: str = strawberry.field(description="The account's address; sign in with it.")
    message: str = strawberry.field(description="What to do next.")


ResetPasswordResult = Annotated[
    ResetPasswordSuccess | ValidationError | AuthError, strawberry.union("ResetPasswordResult")
]


@strawberry.type
class ResetPasswordMutation:
    @public_field(
        "the link token is the credential: 256 random bits, single use, 30 minutes; it "
        "signs nobody in",
        description="Choose a new password with the token of a reset link. Ends every "
                    "session of the account; signing in still needs the authenticator.",
    )
    @auth_errors
    async def reset_password(
        self, info: strawberry.Info, token: str, new_password: str
    ) -> ResetPasswordResult:
        user = await reset.reset_password(info.context.settings, token=token,
                                          new_password=new_password, origin=origin(info))
        clear_session_cookie(info)
        return ResetPasswordSuccess(email=user.email, message=DONE)
