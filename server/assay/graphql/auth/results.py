"""Sign-in mutations' plumbing: typed errors without a savepoint, the cookie, the origin.

``returns_errors`` rolls back everything a failed resolver wrote; a refused sign-in must
instead keep what it recorded (the audit event, the attempt counted against the
challenge), so these resolvers convert errors with :func:`auth_errors`, and the services
write each refusal's record outside the transaction they roll back.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from assay.auth import sessions
from assay.errors import DomainError
from assay.graphql.auth.throttled import TooManyAttemptsError
from assay.graphql.auth.types import AuthError
from assay.graphql.context import Context
from assay.graphql.errors import MutationError, to_error
from assay.identity.errors import SignInFailed
from assay.identity.throttle import TooManyAttempts
from assay.identity.trail import Origin
from assay.mail.transport import MailUnavailable

R = TypeVar("R")


def _convert(exc: DomainError) -> MutationError:
    if isinstance(exc, TooManyAttempts):
        return TooManyAttemptsError(code=exc.code, message=exc.message,
                                    retry_after_seconds=exc.retry_after_seconds)
    if isinstance(exc, SignInFailed | MailUnavailable):
        return AuthError(code=exc.code, message=exc.message)
    return to_error(exc)


def auth_errors(resolver: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    """Turn DomainErrors into the members of the resolver's result union (no rollback)."""
    hints = typing.get_type_hints(resolver, include_extras=True)
    annotation = hints["return"]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    allowed = set(typing.get_args(annotation)) or {annotation}

    @functools.wraps(resolver)
    async def wrapper(*args: Any, **kwargs: Any) -> R:
        try:
            return await resolver(*args, **kwargs)
        except DomainError as exc:
            error = _convert(exc)
            if type(error) not in allowed:
                raise
            return error  # type: ignore[return-value]

    wrapper.__signature__ = inspect.signature(resolver)  # type: ignore[attr-defined]
    return wrapper


def origin(info: strawberry.Info) -> Origin:
    context: Context = info.context
    return Origin(request_id=context.request_id, ip=context.ip,
                  user_agent=context.request.headers.get("user-agent", "")[:400])


def current_session(info: strawberry.Info) -> Any:
    """The session id this request came with (a signed-in browser), or None."""
    principal = info.context.principal
    return principal.session_id if principal is not None else None


def _secure(info: strawberry.Info) -> bool:
    return bool(info.context.settings.environment != "development")


def set_session_cookie(info: strawberry.Info, token: str) -> None:
    """HttpOnly (no script reads it), SameSite=Lax, Secure outside development."""
    response = info.context.response
    if response is None:
        return
    lifetime = sessions.Timeouts.of(info.context.settings).absolute
    response.set_cookie(sessions.COOKIE, token, max_age=int(lifetime.total_seconds()),
                        path="/", secure=_secure(info), httponly=True, samesite="lax")


def clear_session_cookie(info: strawberry.Info) -> None:
    response = info.context.response
    if response is not None:
        response.delete_cookie(sessions.COOKIE, path="/", secure=_secure(info),
                               httponly=True, samesite="lax")
