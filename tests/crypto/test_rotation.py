"""KEK rotation through the real path: as the database owner, over every organization."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest
from tortoise.context import TortoiseContext

from assay.audit.models import AuditEvent
from assay.connections import service
from assay.connections.specs import CredentialValue, HttpMethod, HttpSpec
from assay.crypto import envelope
from assay.crypto.keys import KekRing, generate_kek_entry
from assay.crypto.rotation import RotationError, rotate_kek
from assay.db.config import DatabaseUrl, tortoise_config
from assay.db.transactions import tenant_transaction
from tests.support import TEST_KEK, Org, make_org

RING_A = KekRing.parse(TEST_KEK)
ENTRY_B = generate_kek_entry("rot-b")
SPEC = HttpSpec(url="https://bot.example.com/chat", method=HttpMethod.POST,
                response_path="reply", body_template='{"q": "{{message}}"}',
                secret_headers=("X-Token",))


@asynccontextmanager
async def as_owner(database: dict[str, DatabaseUrl]) -> AsyncIterator[None]:
    """Tortoise connected as the table owner, as `assay keys rotate-kek` runs."""
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database["owner"], pool_max=2))
        yield


async def connection_with(org: Org, secrets: dict[str, str]) -> object:
    values = [CredentialValue(name, value) for name, value in secrets.items()]
    async with tenant_transaction(org.id):
        connection = await service.create_connection(
            project_id=org.project_id, name="Bot", spec=SPEC, credentials=values)
    return connection.id


async def credentials_opened(org: Org, connection_id: object) -> dict[str, str]:
    async with tenant_transaction(org.id):
        return await service.open_credentials(connection_id)  # type: ignore[arg-type]


async def sealed_rows(owner_db: asyncpg.Connection) -> list[tuple[object, ...]]:
    rows = await owner_db.fetch(
        "SELECT id, ciphertext, nonce, key_version FROM connection_credentials ORDER BY id")
    return [tuple(row) for row in rows]


async def kek_ids(owner_db: asyncpg.Connection) -> dict[str, int]:
    rows = await owner_db.fetch("SELECT kek_id, count(*) AS n FROM org_data_keys GROUP BY kek_id")
    return {row["kek_id"]: row["n"] for row in rows}


@pytest.fixture
async def restore_ring(database: dict[str, DatabaseUrl]) -> AsyncIterator[None]:
    """Leave every data key under the test KEK, and the process on the test ring."""
    yield
    async with as_owner(database):
        await rotate_kek(KekRing.parse(f"{TEST_KEK},{ENTRY_B}"))
    envelope.configure(RING_A)


async def test_rotation_rewraps_data_keys_and_leaves_sealed_values_alone(
    database: dict[str, DatabaseUrl], owner_db: asyncpg.Connection, restore_ring: None
) -> None:
    first, second = await make_org("First"), await make_org("Second")
    one = await connection_with(first, {"header:X-Token": "first-token-1111"})
    two = await connection_with(second, {"header:X-Token": "second-token-2222", "pin": "0000"})
    sealed_before = await sealed_rows(owner_db)
    keys_before = sum((await kek_ids(owner_db)).values())
    organizations = await owner_db.fetchval("SELECT count(*) FROM organizations")

    async with as_owner(database):
        report = await rotate_kek(KekRing.parse(f"{ENTRY_B},{TEST_KEK}"))

    assert (report.kek_id, report.organizations, report.data_keys_rewrapped) == (
        "rot-b", organizations, keys_before)
    assert await sealed_rows(owner_db) == sealed_before
    assert await kek_ids(owner_db) == {"rot-b": keys_before}
    envelope.configure(KekRing.parse(ENTRY_B))
    assert await credentials_opened(first, one) == {"header:X-Token": "first-token-1111"}
    assert await credentials_opened(second, two) == {"header:X-Token": "second-token-2222",
                                                      "pin": "0000"}
    envelope.configure(RING_A)
    with pytest.raises(service.CredentialUnreadable) as caught:
        await credentials_opened(first, one)
    assert caught.value.message == (
        "the credential 'header:X-Token' of this connection cannot be opened (key-encryption "
        "key 'rot-b' is not in ASSAY_KEK: add it after the current key): set it again with "
        "rotateConnectionCredential"
    )


async def test_rotation_is_audited_per_organization_and_idempotent(
    database: dict[str, DatabaseUrl], restore_ring: None
) -> None:
    org = await make_org()

    async with as_owner(database):
        await rotate_kek(KekRing.parse(f"{ENTRY_B},{TEST_KEK}"))
        again = await rotate_kek(KekRing.parse(f"{ENTRY_B},{TEST_KEK}"))

    assert again.data_keys_rewrapped == 0
    async with tenant_transaction(org.id):
        events = await AuditEvent.filter(action="crypto.kek_rotate")
    assert [(e.target_type, e.target_id, e.details) for e in events] == [
        ("Organization", str(org.id), {"kek_id": "rot-b", "data_keys_rewrapped": 1})
    ]


async def test_a_ring_without_the_old_key_stops_with_a_clear_error(
    database: dict[str, DatabaseUrl], owner_db: asyncpg.Connection
) -> None:
    await make_org()
    keys_before = await kek_ids(owner_db)

    with pytest.raises(RotationError) as caught:
        async with as_owner(database):
            await rotate_kek(KekRing.parse(generate_kek_entry("lonely")))

    assert "key-encryption key 'test-1' is not in ASSAY_KEK: add it after the current key" in (
        str(caught.value))
    assert await kek_ids(owner_db) == keys_before


async def test_a_role_under_row_level_security_is_refused(
    database: dict[str, DatabaseUrl], owner_db: asyncpg.Connection
) -> None:
    await make_org()
    keys_before = await kek_ids(owner_db)

    with pytest.raises(RotationError) as caught:
        await rotate_kek(KekRing.parse(f"{ENTRY_B},{TEST_KEK}"))  # the app role's connection

    assert str(caught.value) == (
        "database role 'assay_app' is subject to row-level security and cannot see every "
        "organization: run the rotation with the owner URL of a superuser or of a role with "
        "BYPASSRLS (ALTER ROLE ... BYPASSRLS)"
    )
    assert await kek_ids(owner_db) == keys_before
