"""logOut: end the session this request came with, and clear its cookie."""

from __future__ import annotations

import strawberry

from assay.auth import sessions
from assay.auth.permissions import Permission
from assay.graphql.auth.results import clear_session_cookie, origin
from assay.graphql.permissions import guarded_mutation
from assay.identity.trail import record_for_user


@strawberry.type
class LogOutSuccess:
    signed_out: bool


@strawberry.type
class LogOutMutation:
    @guarded_mutation(Permission.SESSION_MANAGE, description="Sign out: end this session.")
    async def log_out(self, info: strawberry.Info) -> LogOutSuccess:
        principal = info.context.principal
        ended = await sessions.revoke(principal.user_id, principal.session_id)
        if ended is not None:
            await record_for_user(principal.user_id, "auth.logout", origin(info),
                                  {"session_id": str(ended.id)})
        clear_session_cookie(info)
        return LogOutSuccess(signed_out=True)
