"""Tenant transactions: the organization is set per transaction, never per session.

``tenant_transaction`` opens a transaction, tells PostgreSQL which organization (and
user) it serves with ``set_config(..., true)`` (transaction-local, safe with pooled
connections), and enters the matching application scope. Nested inside another one (a
savepoint on the same connection), it hands the outer scope back to PostgreSQL on exit:
``SET LOCAL`` outlives a released savepoint.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from assay.db.security import ORG_SETTING, USER_SETTING
from assay.tenancy.scope import org_scope

#: The (organization, user) PostgreSQL was told about in this context's open transaction.
_database_scope: ContextVar[tuple[uuid.UUID | None, uuid.UUID | None] | None] = ContextVar(
    "assay_database_scope", default=None
)

_SET_SCOPE = f"SELECT set_config('{ORG_SETTING}', $1, true), set_config('{USER_SETTING}', $2, true)"


async def set_database_scope(
    conn: BaseDBAsyncClient, org_id: uuid.UUID | None, user_id: uuid.UUID | None = None
) -> None:
    await conn.execute_query(_SET_SCOPE, [str(org_id or ""), str(user_id or "")])


@asynccontextmanager
async def _scoped_transaction(
    org_id: uuid.UUID | None, user_id: uuid.UUID | None
) -> AsyncIterator[BaseDBAsyncClient]:
    async with in_transaction() as conn:
        outer = _database_scope.get()
        await set_database_scope(conn, org_id, user_id)
        token = _database_scope.set((org_id, user_id))
        try:
            yield conn
        finally:
            _database_scope.reset(token)
        if outer is not None:  # on errors the savepoint's rollback restores it instead
            await set_database_scope(conn, *outer)


@asynccontextmanager
async def tenant_transaction(
    org_id: uuid.UUID,
    *,
    project_ids: frozenset[uuid.UUID] | None = None,
    user_id: uuid.UUID | None = None,
) -> AsyncIterator[BaseDBAsyncClient]:
    async with _scoped_transaction(org_id, user_id) as conn:
        with org_scope(org_id, project_ids):
            yield conn


@asynccontextmanager
async def user_transaction(user_id: uuid.UUID) -> AsyncIterator[BaseDBAsyncClient]:
    """A transaction that may read the user's own memberships, and no tenant data."""
    async with _scoped_transaction(None, user_id) as conn:
        yield conn
