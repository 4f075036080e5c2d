"""Field-level access: every root field declares a permission or an explicit public marker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry
from strawberry.permission import BasePermission, PermissionExtension

from assay.auth.permissions import Permission
from assay.graphql.directives import Public, RequiresPermission
from assay.graphql.errors import PublicError


class HasPermission(BasePermission):
    """The caller is signed in, in an organization, and holds ``permission`` there."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        self._schema_directive = RequiresPermission(  # type: ignore[misc]
            permission=permission.value
        )
        self._denial: tuple[str, str] = ("", "")

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        principal = info.context.principal
        if principal is None:
            self._denial = ("sign in or send an API key to use this field", "UNAUTHENTICATED")
            return False
        if not principal.can(self.permission):
            self._denial = (
                f"you need the {self.permission.value} permission for this; "
                "ask an organization admin",
                "FORBIDDEN",
            )
            return False
        return True

    def on_unauthorized(self) -> None:
        message, code = self._denial
        raise PublicError(message, code)


def _permission_extension(permission: Permission) -> PermissionExtension:
    return PermissionExtension([HasPermission(permission)])


F = TypeVar("F", bound=Callable[..., Any])


def guarded_field(permission: Permission, **kwargs: Any) -> Callable[[F], F]:
    """A query field that requires ``permission`` (shown as @requiresPermission in the SDL)."""
    return cast(
        Callable[[F], F],
        strawberry.field(extensions=[_permission_extension(permission)], **kwargs),
    )


def guarded_mutation(permission: Permission, **kwargs: Any) -> Callable[[F], F]:
    """A mutation that requires ``permission`` (shown as @requiresPermission in the SDL)."""
    return cast(
        Callable[[F], F],
        strawberry.mutation(extensions=[_permission_extension(permission)], **kwargs),
    )


def guarded_subscription(permission: Permission, **kwargs: Any) -> Callable[[F], F]:
    """A subscription that requires ``permission`` to start (shown as @requiresPermission).

    The check runs once, when the subscription starts; a long-lived one re-checks its caller
    itself (see assay.graphql.websocket.current_principal).
    """
    return cast(
        Callable[[F], F],
        strawberry.subscription(extensions=[_permission_extension(permission)], **kwargs),
    )


def public_field(reason: str, **kwargs: Any) -> Callable[[F], F]:
    """A field anyone may call; ``reason`` says why that is safe (shown as @public)."""
    return cast(Callable[[F], F], strawberry.field(directives=[Public(reason=reason)], **kwargs))
