"""Row-level security, checked in raw SQL through the application's own database role."""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from assay.db.security import ORG_SETTING, USER_SETTING
from tests.security.world import every_tenant_table, fill_every_table, row_counts
from tests.support import APP_ROLE, Org, make_org

SET_ORG = f"SELECT set_config('{ORG_SETTING}', $1, true)"
SET_USER = f"SELECT set_config('{USER_SETTING}', $1, true)"


@pytest.fixture(scope="module")
async def two_orgs(database: object) -> tuple[Org, Org]:
    org_a, org_b = await make_org("RLS A"), await make_org("RLS B")
    await fill_every_table(org_a)
    await fill_every_table(org_b)
    return org_a, org_b


def _org_column(table: str) -> str:
    return "id" if table == "organizations" else "organization_id"


async def _count(conn: asyncpg.Connection, table: str, where: str = "", *args: object) -> int:
    value: int = await conn.fetchval(f'SELECT count(*) FROM "{table}" {where}', *args)
    return value


async def test_app_role_is_not_privileged(app_db: asyncpg.Connection) -> None:
    role = await app_db.fetchrow(
        "SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb "
        "FROM pg_roles WHERE rolname = current_user")

    assert dict(role) == {"rolname": APP_ROLE, "rolsuper": False, "rolbypassrls": False,
                          "rolcreaterole": False, "rolcreatedb": False}


async def test_app_role_owns_nothing(app_db: asyncpg.Connection) -> None:
    owned = await app_db.fetchval(
        "SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)"
        " + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)"
        " + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)"
        " + (SELECT count(*) FROM pg_database WHERE datdba = r.oid)"
        " FROM pg_roles r WHERE r.rolname = current_user")
    member_of = await app_db.fetch(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = current_user")

    assert owned == 0
    assert member_of == []


async def test_every_tenant_table_forces_row_security(app_db: asyncpg.Connection) -> None:
    rows = await app_db.fetch(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
        "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) ORDER BY c.relname",
        every_tenant_table())

    assert [(r["relname"], r["relrowsecurity"], r["relforcerowsecurity"], r["policies"] >= 1)
            for r in rows] == [(t, True, True, True) for t in every_tenant_table()]


async def test_every_table_with_an_organization_column_is_a_tenant_table(
    app_db: asyncpg.Connection,
) -> None:
    tables = await app_db.fetch(
        "SELECT DISTINCT table_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY 1")

    assert [r["table_name"] for r in tables] == [
        t for t in every_tenant_table() if t != "organizations"]


async def test_no_organization_set_sees_no_rows(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection, owner_db: asyncpg.Connection
) -> None:
    counts_a = await row_counts(owner_db, two_orgs[0].id)
    counts_b = await row_counts(owner_db, two_orgs[1].id)

    seen = {t: await _count(app_db, t) for t in every_tenant_table()}
    async with app_db.transaction():
        await app_db.execute(SET_ORG, "")
        seen_blank = {t: await _count(app_db, t) for t in every_tenant_table()}

    assert [t for t in every_tenant_table() if counts_a[t] < 1 or counts_b[t] < 1] == [], (
        "teach tests/security/world.py fill_every_table to write these tables")
    assert seen == dict.fromkeys(every_tenant_table(), 0)
    assert seen_blank == dict.fromkeys(every_tenant_table(), 0)


async def test_an_organization_sees_only_its_rows(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection, owner_db: asyncpg.Connection
) -> None:
    org_a, _ = two_orgs
    expected = await row_counts(owner_db, org_a.id)

    async with app_db.transaction():
        await app_db.execute(SET_ORG, str(org_a.id))
        seen = {t: await _count(app_db, t) for t in every_tenant_table()}
        foreign = {t: await _count(app_db, t, f"WHERE {_org_column(t)} <> $1", org_a.id)
                   for t in every_tenant_table()}

    assert seen == expected
    assert foreign == dict.fromkeys(every_tenant_table(), 0)


async def test_writing_into_another_organization_fails(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection, owner_db: asyncpg.Connection
) -> None:
    org_a, org_b = two_orgs
    before = await row_counts(owner_db, org_b.id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
        async with app_db.transaction():
            await app_db.execute(SET_ORG, str(org_a.id))
            await app_db.execute(
                "INSERT INTO projects (id, organization_id, name, description, created_at) "
                "VALUES ($1, $2, 'Planted', '', now())", uuid.uuid4(), org_b.id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
        async with app_db.transaction():
            await app_db.execute(SET_ORG, str(org_a.id))
            await app_db.execute("UPDATE projects SET organization_id = $1 WHERE id = $2",
                                 org_b.id, org_a.project_id)
    async with app_db.transaction():
        await app_db.execute(SET_ORG, str(org_a.id))
        updated = await app_db.execute("UPDATE projects SET name = 'Stolen' WHERE id = $1",
                                       org_b.project_id)
        deleted = await app_db.execute("DELETE FROM suites WHERE organization_id = $1", org_b.id)

    assert (updated, deleted) == ("UPDATE 0", "DELETE 0")
    assert await row_counts(owner_db, org_b.id) == before


async def test_a_user_cannot_insert_a_membership_elsewhere(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection, owner_db: asyncpg.Connection
) -> None:
    _, org_b = two_orgs
    user_id = await owner_db.fetchval(
        "INSERT INTO users (id, email, display_name, is_active, created_at) "
        "VALUES ($1, $2, '', true, now()) RETURNING id",
        uuid.uuid4(), f"climber-{uuid.uuid4().hex[:8]}@example.com")
    before = await row_counts(owner_db, org_b.id)

    transaction = app_db.transaction()
    await transaction.start()
    try:
        await app_db.execute(SET_USER, str(user_id))
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
            await app_db.execute(
                "INSERT INTO memberships (id, organization_id, user_id, role, narrowed, "
                "created_at) VALUES ($1, $2, $3, 'OWNER', false, now())",
                uuid.uuid4(), org_b.id, user_id)
    finally:
        await transaction.rollback()

    assert await row_counts(owner_db, org_b.id) == before


async def test_the_setting_does_not_outlive_its_transaction(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection
) -> None:
    org_a, _ = two_orgs

    async with app_db.transaction():
        await app_db.execute(SET_ORG, str(org_a.id))
        inside = await _count(app_db, "projects")
    after = await app_db.fetchval(f"SELECT current_setting('{ORG_SETTING}', true)")
    projects_after = await _count(app_db, "projects")
    async with app_db.transaction():
        next_transaction = await _count(app_db, "audit_events")

    assert inside == 1
    assert after in ("", None)
    assert (projects_after, next_transaction) == (0, 0)


async def test_the_app_role_cannot_switch_row_security_off(
    two_orgs: tuple[Org, Org], app_db: asyncpg.Connection
) -> None:
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="must be owner"):
        await app_db.execute("ALTER TABLE projects DISABLE ROW LEVEL SECURITY")
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
        async with app_db.transaction():
            await app_db.execute("SET LOCAL row_security = off")
            await app_db.fetch("SELECT * FROM projects")
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
        await app_db.fetch("SELECT * FROM aerich")
