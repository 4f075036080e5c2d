"""requestPasswordReset: the same answer, in the same time, for every address."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, origin
from assay.graphql.auth.throttled import TooManyAttemptsError
from assay.graphql.auth.types import AuthError
from assay.graphql.errors import ValidationError
from assay.graphql.permissions import public_field
from assay.identity import reset

SENT = ("if an account uses this address, we sent it a link to choose a new password: open "
        "it within 30 minutes. Nothing arrived? Check the address and your spam folder.")


@strawberry.type
class RequestPasswordResetSuccess:
    message: str = strawberry.field(description="What to do next (the same for every address).")


RequestPasswordResetResult = Annotated[
    RequestPasswordResetSuccess | ValidationError | TooManyAttemptsError | AuthError,
    strawberry.union("RequestPasswordResetResult"),
]


@strawberry.type
class RequestPasswordResetMutation:
    @public_field(
        "answers identically whether the address has an account or not; the link goes only "
        "to the address itself, a few per hour at most",
        description="Mail a single-use link (30 minutes) to choose a new password.",
    )
    @auth_errors
    async def request_password_reset(
        self, info: strawberry.Info, email: str
    ) -> RequestPasswordResetResult:
        await reset.request_reset(info.context.settings, email=email, origin=origin(info))
        return RequestPasswordResetSuccess(message=SENT)
