"""A pooled connection handed back keeps no tenant scope and no open transaction.

The pool skips asyncpg's RESET ALL on release (see assay.db.config.keep_session_on_release):
these tests hold one connection in a pool of one and check what the next user of it sees.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from tortoise.backends.asyncpg import AsyncpgDBClient

from assay.db.config import DatabaseUrl, tortoise_config
from assay.db.security import ORG_SETTING
from assay.db.transactions import set_database_scope

STATE = (f"SELECT pg_backend_pid() AS pid, current_setting('{ORG_SETTING}', true) AS org, "
         "(SELECT count(*) FROM projects) AS projects")


@pytest.fixture
async def one_connection(database: dict[str, DatabaseUrl]) -> AsyncIterator[AsyncpgDBClient]:
    credentials = tortoise_config(database["app"], pool_max=1)["connections"]["default"][
        "credentials"]
    client = AsyncpgDBClient(connection_name="pool-release", **credentials)
    await client.create_connection(with_db=True)
    try:
        yield client
    finally:
        await client.close()


async def _state(client: AsyncpgDBClient) -> dict[str, Any]:
    rows = await client.execute_query_dict(STATE)
    return dict(rows[0])


async def test_the_scope_of_a_finished_transaction_is_gone_on_the_next_use(
    one_connection: AsyncpgDBClient, database: object
) -> None:
    from tests.support import make_org

    org = await make_org("Pooled")
    async with one_connection._in_transaction() as transaction:
        await set_database_scope(transaction, org.id)
        inside = dict((await transaction.execute_query_dict(STATE))[0])

    after = await _state(one_connection)

    assert (inside["org"], inside["projects"]) == (str(org.id), 1)
    assert after == {"pid": inside["pid"], "org": "", "projects": 0}


async def test_a_transaction_left_open_is_rolled_back_with_its_scope(
    one_connection: AsyncpgDBClient, database: object
) -> None:
    org_id = uuid.uuid4()
    async with one_connection.acquire_connection() as connection:
        await connection.execute("BEGIN")
        await connection.execute(f"SELECT set_config('{ORG_SETTING}', $1, true)", str(org_id))
        pid = await connection.fetchval("SELECT pg_backend_pid()")
        # handed back to the pool without COMMIT or ROLLBACK

    async with one_connection.acquire_connection() as connection:
        in_transaction = connection.is_in_transaction()
    after = await _state(one_connection)

    assert in_transaction is False
    assert after == {"pid": pid, "org": "", "projects": 0}
