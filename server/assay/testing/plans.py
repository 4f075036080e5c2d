"""Plans: ordered sets of suites with the lifecycle DRAFT -> READY -> ARCHIVED."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.errors import Conflict
from assay.projects.service import get_project
from assay.testing.cases import INPUT, check_same_project, get_row, resolve_all
from assay.testing.models import CaseStatus, Plan, PlanStatus, PlanSuite, Suite, SuiteTestCase
from assay.testing.suites import clean_description, clean_name

SUITE_IDS = (*INPUT, "suiteIds")

#: The moves setPlanStatus allows from each status.
TRANSITIONS: dict[PlanStatus, tuple[PlanStatus, ...]] = {
    PlanStatus.DRAFT: (PlanStatus.READY, PlanStatus.ARCHIVED),
    PlanStatus.READY: (PlanStatus.DRAFT, PlanStatus.ARCHIVED),
    PlanStatus.ARCHIVED: (),
}


async def get_plan(plan_id: uuid.UUID, *, lock: bool = False) -> Plan:
    return await get_row(Plan, plan_id, lock=lock)


async def _suites_for(project_id: uuid.UUID, suite_ids: Sequence[uuid.UUID]) -> list[Suite]:
    suites = await resolve_all(Suite, suite_ids, SUITE_IDS)
    check_same_project(suites, suite_ids, project_id, SUITE_IDS, "plan")
    return suites


async def _append(plan: Plan, suites: Sequence[Suite]) -> list[Suite]:
    """Append the suites not yet in the plan, after the last one; returns those added."""
    rows = await PlanSuite.filter(plan_id=plan.id).values_list("suite_id", "position")
    present = {suite_id for suite_id, _ in rows}
    position = max((pos for _, pos in rows), default=-1) + 1
    new = [suite for suite in suites if suite.id not in present]
    for offset, suite in enumerate(new):
        await PlanSuite.create(project_id=plan.project_id, plan_id=plan.id, suite_id=suite.id,
                               position=position + offset)
    return new


async def create_plan(
    *, project_id: uuid.UUID, name: str, description: str = "",
    suite_ids: Sequence[uuid.UUID] = (),
) -> Plan:
    """A DRAFT plan, with the given suites in the given order."""
    project = await get_project(project_id)
    name = clean_name(name, "plan")
    description = clean_description(description)
    suites = await _suites_for(project.id, suite_ids) if suite_ids else []
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            plan = await Plan.create(project_id=project.id, name=name, description=description)
            await _append(plan, suites)
    except IntegrityError:
        raise Conflict(f"this project already has a plan named {name!r}: choose another name",
                       "DUPLICATE_NAME") from None
    await audit.record("plan.create", target_type="Plan", target_id=plan.id,
                       details={"name": name, "suiteIds": [str(s.id) for s in suites]})
    return plan


@dataclass(frozen=True)
class PlanChange:
    plan: Plan
    #: Suites added, or 1 when the status moved; 0 means nothing changed.
    count: int


async def add_suites(*, plan_id: uuid.UUID, suite_ids: Sequence[uuid.UUID]) -> PlanChange:
    """Append suites to a DRAFT plan; suites already in it keep their place."""
    plan = await get_plan(plan_id, lock=True)
    if plan.status != PlanStatus.DRAFT:
        raise Conflict(_not_draft(plan.status), "PLAN_NOT_DRAFT")
    suites = await _suites_for(plan.project_id, suite_ids)
    new = await _append(plan, suites)
    if new:
        await plan.save()  # updated_at
        await audit.record("plan.add_suites", target_type="Plan", target_id=plan.id,
                           details={"added": len(new), "suiteIds": [str(s.id) for s in new]})
    return PlanChange(plan, len(new))


def _not_draft(status: PlanStatus) -> str:
    if status == PlanStatus.ARCHIVED:
        return "this plan is archived and cannot change: create a new plan instead"
    return (f"this plan is {status.value}: its suites change only while it is DRAFT; "
            "set it back to DRAFT with setPlanStatus, then add the suites")


async def set_status(*, plan_id: uuid.UUID, status: PlanStatus) -> PlanChange:
    """Move a plan along its lifecycle; setting the status it already has changes nothing."""
    plan = await get_plan(plan_id, lock=True)
    if status == plan.status:
        return PlanChange(plan, 0)
    allowed = TRANSITIONS[plan.status]
    if status not in allowed:
        raise Conflict(_bad_move(plan.status, status, allowed), "INVALID_TRANSITION")
    if status == PlanStatus.READY and not await _has_live_case(plan):
        raise Conflict("this plan has no test case to run: add a suite holding at least one "
                       "non-archived test case, then set it READY", "PLAN_EMPTY")
    previous, plan.status = plan.status, status
    await plan.save()
    await audit.record("plan.set_status", target_type="Plan", target_id=plan.id,
                       details={"from": previous.value, "to": status.value})
    return PlanChange(plan, 1)


def _bad_move(current: PlanStatus, wanted: PlanStatus, allowed: Sequence[PlanStatus]) -> str:
    if not allowed:
        return (f"this plan is {current.value}, which is final: it cannot become "
                f"{wanted.value}; create a new plan instead")
    moves = " or ".join(s.value for s in allowed)
    return f"a {current.value} plan cannot become {wanted.value}: it can become {moves}"


async def _has_live_case(plan: Plan) -> bool:
    suite_ids = Subquery(PlanSuite.filter(plan_id=plan.id).values("suite_id"))
    return await SuiteTestCase.filter(
        suite_id__in=suite_ids, test_case__status__not=CaseStatus.ARCHIVED
    ).exists()


async def list_plans(
    *, project_id: uuid.UUID | None = None, status: PlanStatus | None = None
) -> QuerySet[Plan]:
    """The visible plans, optionally of one project and in one status."""
    queryset = Plan.all()
    if project_id is not None:
        queryset = queryset.filter(project_id=(await get_project(project_id)).id)
    if status is not None:
        queryset = queryset.filter(status=status)
    return queryset
