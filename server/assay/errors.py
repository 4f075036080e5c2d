"""Expected failures of the domain services, turned into typed GraphQL errors by the API.

    DomainError
    ├── NotFound          the object does not exist, or is not visible to the caller
    ├── ValidationFailed  input is malformed; carries one Issue per bad field
    └── Conflict          the input is valid but clashes with the current state

Anything else a service raises is a bug: the API masks it and logs it with a request id.
"""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    code = "ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    code = "NOT_FOUND"

    def __init__(self, kind: str, ref: object | None = None) -> None:
        super().__init__(f"{kind} not found: check the id, and that you have access to it")
        self.kind = kind
        self.ref = ref


@dataclass(frozen=True)
class Issue:
    """One problem with one input field: ``path`` locates it (``["asserts", "2", "pattern"]``)."""

    path: tuple[str, ...]
    message: str
    code: str = "INVALID"


class ValidationFailed(DomainError):
    code = "VALIDATION_FAILED"

    def __init__(self, issues: list[Issue]) -> None:
        first = issues[0]
        where = ".".join(first.path) or "input"
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(f"{where}: {first.message}{more}")
        self.issues = issues


class Conflict(DomainError):
    code = "CONFLICT"

    def __init__(self, message: str, code: str = "CONFLICT") -> None:
        super().__init__(message)
        self.code = code


def invalid(path: str | tuple[str, ...], message: str, code: str = "INVALID") -> ValidationFailed:
    """A ValidationFailed with a single issue; ``path`` may be dotted."""
    parts = tuple(path.split(".")) if isinstance(path, str) else path
    return ValidationFailed([Issue(parts, message, code)])
