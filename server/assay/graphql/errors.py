"""Typed error results for mutations, and the predicate that masks unexpected errors."""

from __future__ import annotations

import functools
import inspect
import re
import typing
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError
from tortoise.transactions import in_transaction

from assay.errors import Conflict, DomainError, NotFound, ValidationFailed


@strawberry.type(description="One problem with one input field.")
class FieldIssue:
    path: list[str] = strawberry.field(description="Where the problem is, e.g. asserts.2.pattern")
    message: str
    code: str


@strawberry.interface(description="An expected failure of a mutation.")
class MutationError:
    code: str
    message: str


@strawberry.type(description="The input is malformed; nothing was changed.")
class ValidationError(MutationError):
    issues: list[FieldIssue]


@strawberry.type(description="An object the input refers to does not exist or is not visible.")
class NotFoundError(MutationError):
    pass


@strawberry.type(description="The input clashes with the current state; nothing was changed.")
class ConflictError(MutationError):
    pass


class PublicError(GraphQLError):
    """An error whose message is safe to show (not masked)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})


def to_error(exc: DomainError) -> MutationError:
    if isinstance(exc, ValidationFailed):
        issues = [FieldIssue(path=list(i.path), message=i.message, code=i.code) for i in exc.issues]
        return ValidationError(code=exc.code, message=exc.message, issues=issues)
    if isinstance(exc, NotFound):
        return NotFoundError(code=exc.code, message=exc.message)
    if isinstance(exc, Conflict):
        return ConflictError(code=exc.code, message=exc.message)
    raise exc


R = TypeVar("R")


def returns_errors(resolver: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    """Turn DomainErrors raised by the resolver into the error members of its result union.

    The resolver runs in a savepoint: when it fails, whatever it wrote is rolled back, so a
    typed error always means nothing changed. An error type that is not a member of the
    declared union is re-raised (and masked): the union must list every failure.
    """
    hints = typing.get_type_hints(resolver, include_extras=True)
    allowed = _union_members(hints["return"])

    @functools.wraps(resolver)
    async def wrapper(*args: Any, **kwargs: Any) -> R:
        try:
            async with in_transaction():
                return await resolver(*args, **kwargs)
        except DomainError as exc:
            error = to_error(exc)
            if type(error) not in allowed:
                raise
            return error  # type: ignore[return-value]

    wrapper.__signature__ = inspect.signature(resolver)  # type: ignore[attr-defined]
    return wrapper


def _union_members(annotation: Any) -> set[type]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _union_members(typing.get_args(annotation)[0])
    return set(typing.get_args(annotation)) or {annotation}


def should_mask(error: GraphQLError) -> bool:
    """Mask unexpected resolver errors; keep public errors and errors about the request.

    Errors without a path come from parsing, validating the document or coercing variables:
    they describe what the client sent, so the client sees them (with values redacted).
    """
    original = error.original_error
    if original is None or error.path is None:
        return False
    return not isinstance(original, PublicError | DomainError)


#: graphql-core's ways of quoting a submitted value in a message (older and newer wording).
_ECHOES = (
    (re.compile(r"(got invalid value) .*?((?: at '[^']*')?; )", re.S), r"\1 (not shown)\2"),
    (re.compile(r"(, found: ).*$", re.S), r"\1(not shown)."),
)
REDACTED = "(not shown)"


def redact_values(error: GraphQLError, variables: Mapping[str, Any] | None) -> GraphQLError:
    """Remove submitted variable values from an error message (they may be secrets)."""
    message = error.message
    for pattern, replacement in _ECHOES:
        message = pattern.sub(replacement, message, count=1)
    for value in sorted(_strings(variables), key=len, reverse=True):
        message = message.replace(value, REDACTED)
    if message == error.message:
        return error
    return GraphQLError(message, nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path, extensions=error.extensions)


def _strings(value: Any) -> set[str]:
    """Every string of 6+ characters inside a JSON-like value."""
    if isinstance(value, str):
        return {value} if len(value) >= 6 else set()
    if isinstance(value, Mapping):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


def with_code(error: GraphQLError) -> GraphQLError:
    """Give an unmasked error raised from a DomainError its code (and field issues)."""
    original = error.original_error
    if isinstance(original, DomainError):
        extensions: dict[str, Any] = {"code": original.code}
        if isinstance(original, ValidationFailed):
            extensions["issues"] = [
                {"path": list(i.path), "message": i.message, "code": i.code}
                for i in original.issues
            ]
        error.extensions = extensions
    return error
