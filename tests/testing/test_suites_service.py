"""Suite services: create, add and remove cases (idempotent, all or nothing)."""

from __future__ import annotations

import uuid

import pytest

from assay.audit.models import AuditEvent
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, ValidationFailed
from assay.testing import service
from assay.testing.models import Suite, SuiteTestCase
from assay.testing.models import TestCase as CaseRow
from tests.support import make_org
from tests.testing.cases_support import last_seq, other_project, row_counts, simple_case


async def _cases(project_id: uuid.UUID, count: int) -> list[CaseRow]:
    return [await service.create_case(project_id=project_id, raw=simple_case(f"Case {i}"))
            for i in range(count)]


async def _members(suite: Suite) -> list[str]:
    links = SuiteTestCase.filter(suite_id=suite.id).order_by("test_case__title")
    return list(await links.values_list("test_case__title", flat=True))


async def test_create_suite_cleans_its_fields(database: object) -> None:
    org = await make_org()
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="  Billing ",
                                           description=" Refunds ", tags=["eu", " eu", "vip"])
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")

    assert (suite.name, suite.description, suite.tags) == ("Billing", "Refunds", ["eu", "vip"])
    assert events == [("suite.create", {"name": "Billing"})]


async def test_create_suite_refuses_bad_input(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        await service.create_suite(project_id=org.project_id, name="Billing")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as name:
            await service.create_suite(project_id=org.project_id, name=" ")
        with pytest.raises(ValidationFailed) as tags:
            await service.create_suite(project_id=org.project_id, name="X", tags=["ok", ""])
        with pytest.raises(Conflict) as duplicate:
            await service.create_suite(project_id=org.project_id, name="Billing")
        assert await Suite.all().count() == 1

    assert [i.path for i in name.value.issues] == [("input", "name")]
    assert [i.path for i in tags.value.issues] == [("input", "tags", "1")]
    assert (duplicate.value.code, duplicate.value.message) == (
        "DUPLICATE_NAME",
        "this project already has a suite named 'Billing': choose another name",
    )
    assert await row_counts(org.id) == before


async def test_adding_is_idempotent_and_counts_what_it_added(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Billing")
        a, b, c = await _cases(org.project_id, 3)
        first = await service.add_cases(suite_id=suite.id, case_ids=[a.id, b.id, a.id])
        seq = await last_seq(org.id)
        second = await service.add_cases(suite_id=suite.id, case_ids=[b.id, c.id])
        third = await service.add_cases(suite_id=suite.id, case_ids=[c.id])
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")
        members = await _members(suite)

    assert (first.count, second.count, third.count) == (2, 1, 0)
    assert members == ["Case 0", "Case 1", "Case 2"]
    assert events == [("suite.add_cases", {"added": 1, "testCaseIds": [str(c.id)]})]


async def test_a_missing_case_is_named_and_nothing_is_added(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    async with tenant_transaction(stranger.id):
        foreign = (await _cases(stranger.project_id, 1))[0]
    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Billing")
        (mine,) = await _cases(org.project_id, 1)
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(NotFound) as caught:
            await service.add_cases(suite_id=suite.id, case_ids=[mine.id, foreign.id, uuid.uuid4()])

    assert caught.value.message == ("TestCase (input.testCaseIds.1, and 1 more) not found: "
                                    "check the id, and that you have access to it")
    assert await row_counts(org.id) == before


async def test_cases_of_another_project_and_archived_cases_are_refused(database: object) -> None:
    org = await make_org()
    second = await other_project(org.id)
    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Billing")
        ok, archived = await _cases(org.project_id, 2)
        await service.archive_case(case_id=archived.id)
        (elsewhere,) = await _cases(second, 1)
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as wrong:
            await service.add_cases(suite_id=suite.id, case_ids=[ok.id, elsewhere.id])
        with pytest.raises(ValidationFailed) as gone:
            await service.add_cases(suite_id=suite.id, case_ids=[ok.id, archived.id])
        with pytest.raises(ValidationFailed) as empty:
            await service.add_cases(suite_id=suite.id, case_ids=[])

    assert [(i.path, i.code) for i in wrong.value.issues] == [
        (("input", "testCaseIds", "1"), "WRONG_PROJECT")]
    assert [(i.path, i.code) for i in gone.value.issues] == [
        (("input", "testCaseIds", "1"), "CASE_ARCHIVED")]
    assert [(i.path, i.code) for i in empty.value.issues] == [
        (("input", "testCaseIds"), "REQUIRED")]
    assert await row_counts(org.id) == before


async def test_remove_counts_what_it_removed(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Billing")
        a, b, c = await _cases(org.project_id, 3)
        await service.add_cases(suite_id=suite.id, case_ids=[a.id, b.id])
        seq = await last_seq(org.id)
        removed = await service.remove_cases(suite_id=suite.id, case_ids=[a.id, c.id])
        none = await service.remove_cases(suite_id=suite.id, case_ids=[c.id])
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")
        members = await _members(suite)

    assert (removed.count, none.count, members) == (1, 0, ["Case 1"])
    assert events == [("suite.remove_cases", {"removed": 1, "testCaseIds": [str(a.id)]})]


async def test_suite_of_another_organization_is_not_found(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Billing")
    async with tenant_transaction(stranger.id):
        (case,) = await _cases(stranger.project_id, 1)
    before = await row_counts(org.id)

    async with tenant_transaction(stranger.id):
        with pytest.raises(NotFound) as caught:
            await service.add_cases(suite_id=suite.id, case_ids=[case.id])
        with pytest.raises(NotFound):
            await service.remove_cases(suite_id=suite.id, case_ids=[case.id])

    assert caught.value.kind == "Suite"
    assert await row_counts(org.id) == before
