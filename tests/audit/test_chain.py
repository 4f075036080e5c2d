"""The hash chain: tampering behind the app's back is found; concurrent appends stay linear."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from assay.audit import service as audit
from assay.audit.service import BrokenLink, event_hash, verify_chain
from assay.db.transactions import tenant_transaction
from tests.support import Org, make_org

#: make_org writes organization.create, project.create and api_key.create.
BOOTSTRAP_EVENTS = 3


async def _org_with_events(count: int) -> Org:
    org = await make_org("Chained")
    async with tenant_transaction(org.id):
        for n in range(count - BOOTSTRAP_EVENTS):
            await audit.record("test.event", target_type="Test", target_id=f"t{n}",
                               details={"n": n})
    return org


async def _verify(org: Org) -> tuple[int, BrokenLink | None]:
    async with tenant_transaction(org.id):
        return await verify_chain()


class Tamperer:
    """A superuser connection with triggers off; it puts every chain it kept back afterwards,
    so other tests (and `assay audit verify`) see intact chains again."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn
        self.kept: dict[uuid.UUID, list[asyncpg.Record]] = {}

    async def keep(self, org: Org) -> None:
        self.kept[org.id] = await self.conn.fetch(
            "SELECT * FROM audit_events WHERE organization_id = $1", org.id)

    async def execute(self, sql: str, *args: object) -> str:
        status: str = await self.conn.execute(sql, *args)
        return status

    async def fetchrow(self, sql: str, *args: object) -> asyncpg.Record:
        return await self.conn.fetchrow(sql, *args)

    async def restore(self) -> None:
        for org_id, rows in self.kept.items():
            await self.conn.execute("DELETE FROM audit_events WHERE organization_id = $1", org_id)
            await self.conn.copy_records_to_table(
                "audit_events", records=[tuple(row.values()) for row in rows],
                columns=list(rows[0].keys()))


@pytest.fixture
async def tamper(owner_db: asyncpg.Connection) -> AsyncIterator[Tamperer]:
    assert await owner_db.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    await owner_db.execute("SET session_replication_role = replica")
    tamperer = Tamperer(owner_db)
    yield tamperer
    await tamperer.restore()
    await owner_db.execute("SET session_replication_role = DEFAULT")


async def _tampered_org(tamper: Tamperer) -> Org:
    org = await _org_with_events(5)
    await tamper.keep(org)
    return org


async def test_an_untouched_chain_verifies(database: object) -> None:
    org = await _org_with_events(5)

    assert await _verify(org) == (5, None)


async def test_an_altered_event_is_reported(tamper: Tamperer) -> None:
    org = await _tampered_org(tamper)

    changed = await tamper.execute(
        "UPDATE audit_events SET action = 'test.innocent' WHERE organization_id = $1 "
        "AND seq = 3", org.id)

    assert changed == "UPDATE 1"
    assert await _verify(org) == (3, BrokenLink(3, "its content does not match its hash"))


async def test_a_deleted_middle_event_is_reported(tamper: Tamperer) -> None:
    org = await _tampered_org(tamper)

    deleted = await tamper.execute(
        "DELETE FROM audit_events WHERE organization_id = $1 AND seq = 3", org.id)

    assert deleted == "DELETE 1"
    assert await _verify(org) == (3, BrokenLink(3, "event 3 is missing (next found: 4)"))


async def test_a_rehashed_event_breaks_the_next_link(tamper: Tamperer) -> None:
    org = await _tampered_org(tamper)
    row = dict(await tamper.fetchrow(
        "SELECT * FROM audit_events WHERE organization_id = $1 AND seq = 2", org.id))
    row["action"] = "test.innocent"
    row["details"] = json.loads(row["details"])

    await tamper.execute(
        "UPDATE audit_events SET action = $1, hash = $2 WHERE organization_id = $3 AND seq = 2",
        row["action"], event_hash(row, row["prev_hash"]), org.id)

    assert await _verify(org) == (
        3, BrokenLink(3, "its previous-hash does not match event before it"))


async def test_concurrent_appends_keep_one_linear_chain(database: object) -> None:
    org = await make_org("Busy")

    async def append(n: int) -> int:
        async with tenant_transaction(org.id):
            event = await audit.record("test.concurrent", details={"n": n})
            return int(event.seq)

    seqs = await asyncio.gather(*(append(n) for n in range(50)))

    total = BOOTSTRAP_EVENTS + 50
    assert sorted(seqs) == list(range(BOOTSTRAP_EVENTS + 1, total + 1))
    assert await _verify(org) == (total, None)


async def test_a_restored_chain_verifies_again(owner_db: asyncpg.Connection) -> None:
    await owner_db.execute("SET session_replication_role = replica")
    tamperer = Tamperer(owner_db)
    org = await _tampered_org(tamperer)
    await tamperer.execute("DELETE FROM audit_events WHERE organization_id = $1 AND seq = 2",
                           org.id)

    await tamperer.restore()
    await owner_db.execute("SET session_replication_role = DEFAULT")

    assert await _verify(org) == (5, None)
