"""Plan services: create with suites, append suites while DRAFT, and the status lifecycle."""

from __future__ import annotations

import uuid

import pytest

from assay.audit.models import AuditEvent
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, ValidationFailed
from assay.testing import service
from assay.testing.models import Plan, PlanStatus, PlanSuite, Suite, SuiteTestCase
from tests.support import make_org
from tests.testing.cases_support import last_seq, other_project, row_counts, simple_case


async def _suite(project_id: uuid.UUID, name: str, cases: int = 1) -> Suite:
    suite = await service.create_suite(project_id=project_id, name=name)
    ids = [(await service.create_case(project_id=project_id, raw=simple_case(f"{name} {i}"))).id
           for i in range(cases)]
    if ids:
        await service.add_cases(suite_id=suite.id, case_ids=ids)
    return suite


async def _order(plan: Plan) -> list[tuple[int, str]]:
    rows = PlanSuite.filter(plan_id=plan.id).order_by("position")
    return list(await rows.values_list("position", "suite__name"))


async def test_create_plan_keeps_the_suites_in_order(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        a, b = await _suite(org.project_id, "A"), await _suite(org.project_id, "B")
        seq = await last_seq(org.id)
        plan = await service.create_plan(project_id=org.project_id, name=" Nightly ",
                                         suite_ids=[b.id, a.id, b.id])
        order = await _order(plan)
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")

    assert (plan.name, plan.status) == ("Nightly", PlanStatus.DRAFT)
    assert order == [(0, "B"), (1, "A")]
    assert events == [("plan.create", {"name": "Nightly", "suiteIds": [str(b.id), str(a.id)]})]


async def test_create_plan_refuses_foreign_suites_and_duplicates(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    second = await other_project(org.id)
    async with tenant_transaction(stranger.id):
        theirs = await _suite(stranger.project_id, "Theirs")
    async with tenant_transaction(org.id):
        elsewhere = await _suite(second, "Elsewhere")
        await service.create_plan(project_id=org.project_id, name="Nightly")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(NotFound) as foreign:
            await service.create_plan(project_id=org.project_id, name="X", suite_ids=[theirs.id])
        with pytest.raises(ValidationFailed) as wrong:
            await service.create_plan(project_id=org.project_id, name="X",
                                      suite_ids=[elsewhere.id])
        with pytest.raises(Conflict) as duplicate:
            await service.create_plan(project_id=org.project_id, name="Nightly")

    assert foreign.value.message.startswith("Suite (input.suiteIds.0) not found")
    assert [(i.path, i.code) for i in wrong.value.issues] == [
        (("input", "suiteIds", "0"), "WRONG_PROJECT")]
    assert duplicate.value.code == "DUPLICATE_NAME"
    assert await row_counts(org.id) == before


async def test_add_suites_appends_only_new_ones(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        a, b, c = [await _suite(org.project_id, name) for name in "ABC"]
        plan = await service.create_plan(project_id=org.project_id, name="P", suite_ids=[a.id])
        seq = await last_seq(org.id)
        added = await service.add_suites(plan_id=plan.id, suite_ids=[c.id, a.id, b.id])
        again = await service.add_suites(plan_id=plan.id, suite_ids=[b.id])
        order = await _order(plan)
        actions = await AuditEvent.filter(seq__gt=seq).values_list("action", flat=True)

    assert (added.count, again.count) == (2, 0)
    assert order == [(0, "A"), (1, "C"), (2, "B")]
    assert actions == ["plan.add_suites"]


async def test_lifecycle(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        plan = await service.create_plan(project_id=org.project_id, name="P",
                                         suite_ids=[(await _suite(org.project_id, "A")).id])
        seq = await last_seq(org.id)
        ready = await service.set_status(plan_id=plan.id, status=PlanStatus.READY)
        same = await service.set_status(plan_id=plan.id, status=PlanStatus.READY)
        back = await service.set_status(plan_id=plan.id, status=PlanStatus.DRAFT)
        archived = await service.set_status(plan_id=plan.id, status=PlanStatus.ARCHIVED)
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")

    assert [c.count for c in (ready, same, back, archived)] == [1, 0, 1, 1]
    assert archived.plan.status == PlanStatus.ARCHIVED
    assert events == [
        ("plan.set_status", {"from": "DRAFT", "to": "READY"}),
        ("plan.set_status", {"from": "READY", "to": "DRAFT"}),
        ("plan.set_status", {"from": "DRAFT", "to": "ARCHIVED"}),
    ]


async def test_archived_is_final(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        plan = await service.create_plan(project_id=org.project_id, name="P")
        await service.set_status(plan_id=plan.id, status=PlanStatus.ARCHIVED)
        suite = await _suite(org.project_id, "A")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as move:
            await service.set_status(plan_id=plan.id, status=PlanStatus.DRAFT)
        with pytest.raises(Conflict) as add:
            await service.add_suites(plan_id=plan.id, suite_ids=[suite.id])

    assert (move.value.code, move.value.message) == (
        "INVALID_TRANSITION",
        "this plan is ARCHIVED, which is final: it cannot become DRAFT; create a new plan "
        "instead",
    )
    assert (add.value.code, add.value.message) == (
        "PLAN_NOT_DRAFT", "this plan is archived and cannot change: create a new plan instead")
    assert await row_counts(org.id) == before


async def test_ready_plan_takes_no_suites_until_set_back_to_draft(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        a, b = await _suite(org.project_id, "A"), await _suite(org.project_id, "B")
        plan = await service.create_plan(project_id=org.project_id, name="P", suite_ids=[a.id])
        await service.set_status(plan_id=plan.id, status=PlanStatus.READY)
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as caught:
            await service.add_suites(plan_id=plan.id, suite_ids=[b.id])

    assert caught.value.code == "PLAN_NOT_DRAFT"
    assert caught.value.message == (
        "this plan is READY: its suites change only while it is DRAFT; set it back to DRAFT "
        "with setPlanStatus, then add the suites")
    assert await row_counts(org.id) == before


async def test_ready_needs_a_case_that_is_not_archived(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        empty = await service.create_plan(project_id=org.project_id, name="Empty")
        hollow_suite = await _suite(org.project_id, "Hollow", cases=0)
        hollow = await service.create_plan(project_id=org.project_id, name="Hollow",
                                           suite_ids=[hollow_suite.id])
        stale_suite = await _suite(org.project_id, "Stale", cases=1)
        linked = SuiteTestCase.filter(suite_id=stale_suite.id)
        await service.archive_case(case_id=(await linked.first()).test_case_id)
        stale = await service.create_plan(project_id=org.project_id, name="Stale",
                                          suite_ids=[stale_suite.id])
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        for plan in (empty, hollow, stale):
            with pytest.raises(Conflict) as caught:
                await service.set_status(plan_id=plan.id, status=PlanStatus.READY)
            assert caught.value.code == "PLAN_EMPTY"
            assert (await Plan.get(id=plan.id)).status == PlanStatus.DRAFT

    assert await row_counts(org.id) == before


async def test_plan_of_another_organization_is_not_found(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    async with tenant_transaction(org.id):
        plan = await service.create_plan(project_id=org.project_id, name="P")
    before = await row_counts(org.id)

    async with tenant_transaction(stranger.id):
        with pytest.raises(NotFound):
            await service.set_status(plan_id=plan.id, status=PlanStatus.ARCHIVED)
        with pytest.raises(NotFound):
            await service.add_suites(plan_id=plan.id, suite_ids=[uuid.uuid4()])

    assert await row_counts(org.id) == before
