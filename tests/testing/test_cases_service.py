"""Test case services: create, versioned edits, archive, and listing filters."""

from __future__ import annotations

import pytest

from assay.audit.models import AuditEvent
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, ValidationFailed
from assay.testing import service
from assay.testing.models import CaseMode, CaseStatus, Difficulty
from assay.testing.models import TestCase as CaseRow
from assay.testing.models import TestCaseVersion as VersionRow
from tests.support import make_org
from tests.testing.cases_support import (
    chat_case,
    last_seq,
    other_project,
    row_counts,
    simple_case,
)


async def test_create_writes_the_case_its_first_version_and_one_event(database: object) -> None:
    org = await make_org()
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())

    async with tenant_transaction(org.id):
        stored = await CaseRow.get(id=case.id)
        versions = await VersionRow.filter(test_case_id=case.id)
        events = await AuditEvent.filter(seq__gt=seq)
    assert (stored.title, stored.mode, stored.status, stored.version) == (
        "Refund window", CaseMode.SIMPLE, CaseStatus.ACTIVE, 1)
    assert stored.asserts == [{"type": "contains", "value": "30 days", "caseSensitive": False,
                               "negate": False, "description": ""}]
    assert [(v.version, v.title, v.input, v.tags) for v in versions] == [
        (1, "Refund window", "How long do I have to ask for a refund?", ["billing"])]
    assert versions[0].created_by == "system:cli"
    assert [(e.action, e.target_type, e.target_id) for e in events] == [
        ("testcase.create", "TestCase", str(case.id))]


async def test_invalid_case_names_every_field_and_writes_nothing(database: object) -> None:
    org = await make_org()
    before = await row_counts(org.id)
    raw = simple_case(title=" ", asserts=[{"type": "regex", "pattern": "("}])

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as caught:
            await service.create_case(project_id=org.project_id, raw=raw)

    assert [(i.path, i.code) for i in caught.value.issues] == [
        (("input", "title"), "REQUIRED"),
        (("input", "asserts", "0", "pattern"), "INVALID_REGEX"),
    ]
    assert await row_counts(org.id) == before


async def test_project_of_another_organization_is_not_found(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    before = await row_counts(org.id), await row_counts(stranger.id)

    async with tenant_transaction(stranger.id):
        with pytest.raises(NotFound) as caught:
            await service.create_case(project_id=org.project_id, raw=simple_case())

    assert caught.value.message == (
        "Project not found: check the id, and that you have access to it")
    assert (await row_counts(org.id), await row_counts(stranger.id)) == before


async def test_narrowed_scope_cannot_reach_other_projects(database: object) -> None:
    org = await make_org()
    hidden = await other_project(org.id)
    before = await row_counts(org.id)

    async with tenant_transaction(org.id, project_ids=frozenset({org.project_id})):
        with pytest.raises(NotFound):
            await service.create_case(project_id=hidden, raw=simple_case())
        with pytest.raises(NotFound):
            await service.list_cases(service.CaseFilter(project_id=hidden))

    assert await row_counts(org.id) == before


async def test_narrowed_scope_sees_no_case_of_other_projects(database: object) -> None:
    org = await make_org()
    hidden = await other_project(org.id)
    async with tenant_transaction(org.id):
        await service.create_case(project_id=org.project_id, raw=simple_case("Visible"))
        secret = await service.create_case(project_id=hidden, raw=simple_case("Hidden"))
    before = await row_counts(org.id)

    async with tenant_transaction(org.id, project_ids=frozenset({org.project_id})):
        listed = await _titles(service.CaseFilter())
        with pytest.raises(NotFound):
            await service.update_case(case_id=secret.id, changes={"title": "X"})

    assert listed == ["Visible"]
    assert await row_counts(org.id) == before


async def test_edit_writes_a_new_version_and_keeps_the_old_one(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        update = await service.update_case(
            case_id=case.id, changes={"title": "Refund window (EU)", "tags": ["billing", "eu"]},
            expected_version=1,
        )

    assert (update.changed, update.case.version, update.case.title) == (
        True, 2, "Refund window (EU)")
    async with tenant_transaction(org.id):
        versions = await VersionRow.filter(test_case_id=case.id).order_by("version")
        events = await AuditEvent.filter(seq__gt=seq)
    assert [(v.version, v.title, v.tags) for v in versions] == [
        (1, "Refund window", ["billing"]), (2, "Refund window (EU)", ["billing", "eu"])]
    assert [(e.action, e.details) for e in events] == [
        ("testcase.update", {"version": 2, "fields": ["tags", "title"], "status": "ACTIVE"})]


async def test_unchanged_input_writes_nothing(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        update = await service.update_case(case_id=case.id, changes={"title": "Refund window "})

    assert (update.changed, update.case.version) == (False, 1)
    assert await row_counts(org.id) == before


async def test_stale_version_is_a_conflict_and_changes_nothing(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
        await service.update_case(case_id=case.id, changes={"title": "Second"})
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as caught:
            await service.update_case(case_id=case.id, changes={"title": "Mine"},
                                      expected_version=1)
        current = await CaseRow.get(id=case.id)

    assert caught.value.code == "STALE_VERSION"
    assert caught.value.message.startswith("this test case is at version 2, not 1:")
    assert "reload it" in caught.value.message
    assert (current.title, current.version) == ("Second", 2)
    assert await row_counts(org.id) == before


async def test_status_change_alone_writes_no_version(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        update = await service.update_case(case_id=case.id, changes={"status": "DRAFT"})
        versions = await VersionRow.filter(test_case_id=case.id).count()

    assert (update.changed, update.case.status, update.case.version, versions) == (
        True, CaseStatus.DRAFT, 1, 1)
    async with tenant_transaction(org.id):
        assert await AuditEvent.filter(seq__gt=seq).values_list("action", flat=True) == [
            "testcase.update"]


async def test_invalid_edit_names_the_field_and_changes_nothing(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as caught:
            await service.update_case(case_id=case.id, changes={"mode": "CONVERSATIONAL"})

    assert [(i.path, i.code) for i in caught.value.issues] == [
        (("input", "input"), "NOT_APPLICABLE"), (("input", "turns"), "REQUIRED")]
    assert await row_counts(org.id) == before


async def test_archived_case_cannot_be_edited_but_can_be_restored(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=chat_case())
        first = await service.archive_case(case_id=case.id)
        again = await service.archive_case(case_id=case.id)
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as edit:
            await service.update_case(case_id=case.id, changes={"title": "New"})
        with pytest.raises(Conflict) as both:
            await service.update_case(case_id=case.id, changes={"title": "New",
                                                                "status": "ACTIVE"})

    assert (first.changed, again.changed, first.case.status) == (
        True, False, CaseStatus.ARCHIVED)
    assert (edit.value.code, both.value.code) == ("CASE_ARCHIVED", "CASE_ARCHIVED")
    assert "restore it first by setting only its status to DRAFT or ACTIVE" in edit.value.message
    assert await row_counts(org.id) == before
    async with tenant_transaction(org.id):
        restored = await service.update_case(case_id=case.id, changes={"status": "DRAFT"})
    assert (restored.changed, restored.case.status, restored.case.version) == (
        True, CaseStatus.DRAFT, 1)


async def test_archive_writes_one_event(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        await service.archive_case(case_id=case.id)
        await service.archive_case(case_id=case.id)
        actions = await AuditEvent.filter(seq__gt=seq).values_list("action", flat=True)

    assert actions == ["testcase.archive"]


async def test_unknown_case_is_not_found(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    async with tenant_transaction(org.id):
        case = await service.create_case(project_id=org.project_id, raw=simple_case())
    before = await row_counts(org.id)

    async with tenant_transaction(stranger.id):
        with pytest.raises(NotFound):
            await service.update_case(case_id=case.id, changes={"title": "Stolen"})
        with pytest.raises(NotFound):
            await service.archive_case(case_id=case.id)

    assert await row_counts(org.id) == before


async def _titles(criteria: service.CaseFilter) -> list[str]:
    queryset = await service.list_cases(criteria)
    return list(await queryset.order_by("created_at", "id").values_list("title", flat=True))


async def test_list_filters(database: object) -> None:
    org = await make_org()
    second = await other_project(org.id)
    async with tenant_transaction(org.id):
        await service.create_case(project_id=org.project_id, raw=simple_case("Refund 100%"))
        await service.create_case(project_id=org.project_id, raw=chat_case("Late ORDER"))
        draft = await service.create_case(project_id=org.project_id,
                                          raw=simple_case("Draft one", status="DRAFT", tags=[]))
        gone = await service.create_case(project_id=second, raw=simple_case("Old refund"))
        await service.archive_case(case_id=gone.id)

        assert await _titles(service.CaseFilter()) == ["Refund 100%", "Late ORDER", "Draft one"]
        assert await _titles(service.CaseFilter(statuses=[CaseStatus.ARCHIVED])) == [
            "Old refund"]
        assert await _titles(service.CaseFilter(tags=["tone", "nope"])) == ["Late ORDER"]
        assert await _titles(service.CaseFilter(tags=["billing", "support"])) == [
            "Refund 100%", "Late ORDER"]
        assert await _titles(service.CaseFilter(search="order")) == ["Late ORDER"]
        assert await _titles(service.CaseFilter(search="0%")) == ["Refund 100%"]
        assert await _titles(service.CaseFilter(search="%")) == ["Refund 100%"]
        assert await _titles(service.CaseFilter(mode=CaseMode.CONVERSATIONAL)) == ["Late ORDER"]
        assert await _titles(service.CaseFilter(difficulty=Difficulty.MEDIUM)) == [
            "Refund 100%", "Draft one"]
        assert await _titles(service.CaseFilter(statuses=[CaseStatus.DRAFT])) == ["Draft one"]
        assert await _titles(service.CaseFilter(project_id=second, statuses=list(CaseStatus))
                             ) == ["Old refund"]
        assert draft.status == CaseStatus.DRAFT
