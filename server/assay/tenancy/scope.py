"""The tenant scope: a context variable set once per request, job or CLI command.

``current_org`` holds the organization id. ``current_projects`` narrows access to chosen
projects (``None`` means every project of the organization). Nothing is in scope by
default, and scoped managers raise :class:`TenantScopeMissing` when asked to query
without a scope: tenancy fails closed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


class TenantScopeMissing(RuntimeError):
    """A tenant-owned table was queried with no organization in scope (a programming error)."""


@dataclass(frozen=True)
class Scope:
    org_id: uuid.UUID
    #: Projects the actor may reach; None = all projects of the organization.
    project_ids: frozenset[uuid.UUID] | None = None


_scope: ContextVar[Scope | None] = ContextVar("assay_tenant_scope", default=None)


def current_scope() -> Scope | None:
    return _scope.get()


def require_scope() -> Scope:
    scope = _scope.get()
    if scope is None:
        raise TenantScopeMissing(
            "no organization in scope: wrap tenant work in tenancy.scope.org_scope(...)"
        )
    return scope


def require_org() -> uuid.UUID:
    return require_scope().org_id


@contextmanager
def org_scope(
    org_id: uuid.UUID, project_ids: frozenset[uuid.UUID] | None = None
) -> Iterator[Scope]:
    """Enter an organization (optionally narrowed to projects) for the enclosed code."""
    scope = Scope(org_id=org_id, project_ids=project_ids)
    token = _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(token)
