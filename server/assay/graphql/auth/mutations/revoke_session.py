"""revokeSession: end one of the caller's own sessions at once (a lost laptop, say)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth import sessions
from assay.auth.permissions import Permission
from assay.errors import NotFound
from assay.graphql.auth.results import clear_session_cookie, origin
from assay.graphql.auth.types import SessionType
from assay.graphql.errors import NotFoundError, ValidationError, returns_errors
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.identity.trail import record_for_user


@strawberry.type
class RevokeSessionSuccess:
    session: SessionType


RevokeSessionResult = Annotated[
    RevokeSessionSuccess | NotFoundError | ValidationError,
    strawberry.union("RevokeSessionResult"),
]


@strawberry.type
class RevokeSessionMutation:
    @guarded_mutation(Permission.SESSION_MANAGE,
                      description="End one of your sessions; its next request is refused.")
    @returns_errors
    async def revoke_session(self, info: strawberry.Info, id: strawberry.ID
                             ) -> RevokeSessionResult:
        principal = info.context.principal
        session_id = expect_id(id, "Session", "id")
        ended = await sessions.revoke(principal.user_id, session_id)
        if ended is None:
            raise NotFound("Session", id)
        await record_for_user(principal.user_id, "auth.session_revoked", origin(info),
                              {"session_id": str(ended.id)})
        if ended.id == principal.session_id:
            clear_session_cookie(info)
        return RevokeSessionSuccess(session=SessionType.from_model(ended, principal.session_id))
