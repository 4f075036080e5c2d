"""signUp: the same answer for a new address and a taken one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.graphql.auth.results import auth_errors, origin
from assay.graphql.auth.types import AuthError
from assay.graphql.errors import ValidationError
from assay.graphql.permissions import public_field
from assay.identity import signup

SENT = ("check your inbox: we sent a link to confirm the address. Open it within 24 hours, "
        "then sign in.")


@strawberry.type
class SignUpSuccess:
    message: str = strawberry.field(description="What to do next (the same for every address).")


SignUpResult = Annotated[
    SignUpSuccess | ValidationError | AuthError, strawberry.union("SignUpResult")
]


@strawberry.type
class SignUpMutation:
    @public_field(
        "creates an unverified account and answers identically whether the address is new "
        "or taken; nothing is reachable before the address is verified",
        description="Create an account and an organization; a verification link is mailed.",
    )
    @auth_errors
    async def sign_up(
        self, info: strawberry.Info, email: str, password: str, organization_name: str
    ) -> SignUpResult:
        await signup.sign_up(info.context.settings, email=email, password=password,
                             organization_name=organization_name, origin=origin(info))
        return SignUpSuccess(message=SENT)
