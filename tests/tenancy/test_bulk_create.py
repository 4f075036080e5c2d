"""bulk_create on tenant models checks and stamps every row as save does (it skips save)."""

from __future__ import annotations

import uuid

import pytest

from assay.db.transactions import tenant_transaction
from assay.projects.service import create_project
from assay.tenancy.scope import TenantScopeMissing
from assay.testing.models import Suite
from tests.support import make_org


async def _names(org_id: uuid.UUID) -> list[str]:
    async with tenant_transaction(org_id):
        rows = await Suite.all().order_by("name").values_list("name", flat=True)
    return [str(name) for name in rows]


async def test_rows_get_the_organization_in_scope_and_keep_their_ids(database: object) -> None:
    org = await make_org("Bulk")
    rows = [Suite(project_id=org.project_id, name=f"bulk {i}") for i in range(3)]
    ids = [row.id for row in rows]

    async with tenant_transaction(org.id):
        await Suite.bulk_create(rows)
        stored = await Suite.filter(id__in=ids).order_by("name").values_list(
            "id", "organization_id", "project_id")

    assert stored == [(ids[i], org.id, org.project_id) for i in range(3)]


async def test_without_an_organization_in_scope_nothing_is_inserted(database: object) -> None:
    org = await make_org("Bulk")

    with pytest.raises(TenantScopeMissing):
        await Suite.bulk_create([Suite(project_id=org.project_id, name="loose")])

    assert await _names(org.id) == []


async def test_a_row_of_another_organization_is_refused_and_none_is_inserted(
        database: object) -> None:
    org, other = await make_org("Bulk"), await make_org("Other")
    rows = [Suite(project_id=org.project_id, name="mine"),
            Suite(project_id=other.project_id, organization_id=other.id, name="theirs")]

    async with tenant_transaction(org.id):
        with pytest.raises(TenantScopeMissing, match="another organization"):
            await Suite.bulk_create(rows)

    assert await _names(org.id) == []
    assert await _names(other.id) == []


async def test_a_row_of_a_project_outside_a_narrowed_scope_is_refused(database: object) -> None:
    org = await make_org("Bulk")
    async with tenant_transaction(org.id):
        second = await create_project(name="Second", description="")

    async with tenant_transaction(org.id, project_ids=frozenset({org.project_id})):
        with pytest.raises(TenantScopeMissing, match="project outside the scope"):
            await Suite.bulk_create([Suite(project_id=org.project_id, name="inside"),
                                     Suite(project_id=second.id, name="outside")])

    assert await _names(org.id) == []
