"""Turning a plan file into a READY plan and starting its run, in the local organization.

One project per plan-file name holds its cases (found again by id, which is their title:
a changed case gets a new version, an unchanged one none), one suite with exactly the
file's cases, one plan over that suite, and the connection with its credentials sealed.
Everything goes through the same services the API uses, in one tenant transaction whose
lock on the plan row keeps two runs of the same file from interleaving; the run's snapshot
then freezes exactly what this invocation asked for.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from assay.audit.context import acting_as
from assay.connections import service as connections
from assay.connections.credentials import CredentialUnreadable
from assay.connections.models import AgentConnection, ConnectionKind
from assay.connections.specs import CredentialValue
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict
from assay.projects.models import Project
from assay.projects.service import create_project
from assay.runner.local_org import ACTOR
from assay.runner.planfile import PlanFile
from assay.runs.service import StartedRun, start_run
from assay.testing import cases as case_service
from assay.testing import plans, suites
from assay.testing.cases import MAX_IDS
from assay.testing.models import CaseStatus, Plan, PlanStatus, Suite, SuiteTestCase, TestCase
from assay.testing.validation import CaseDraft

SUITE = "Plan file cases"
CONNECTIONS = {ConnectionKind.HTTP: "HTTP agent", ConnectionKind.BROWSER: "Browser agent"}


async def start_local_run(org_id: uuid.UUID, plan_file: PlanFile) -> StartedRun:
    """Bring the file's project up to date and start a run of it (the caller enqueues)."""
    for attempt in (1, 2):
        try:
            with acting_as(ACTOR):
                async with tenant_transaction(org_id):
                    return await _start(plan_file)
        except Conflict as clash:  # another invocation created the same row just now
            if clash.code != "DUPLICATE_NAME" or attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _start(plan_file: PlanFile) -> StartedRun:
    project = await Project.filter(name=plan_file.name).first()
    if project is None:
        project = await create_project(name=plan_file.name, description="The cases of a plan "
                                       "file run with `assay run`.")
    suite = await Suite.filter(project_id=project.id, name=SUITE).first()
    if suite is None:
        suite = await suites.create_suite(project_id=project.id, name=SUITE)
    plan = await Plan.filter(project_id=project.id, name=plan_file.name).first()
    if plan is None:
        plan = await plans.create_plan(project_id=project.id, name=plan_file.name,
                                       suite_ids=[suite.id])
    plan = await plans.get_plan(plan.id, lock=True)
    case_ids = await _sync_cases(project.id, plan_file)
    await _sync_suite(suite, case_ids)
    await _make_ready(plan)
    connection = await _sync_connection(project.id, plan_file)
    return await start_run(plan_id=plan.id, connection_id=connection.id)


def _unchanged(case: TestCase, draft: CaseDraft) -> bool:
    return case.status == CaseStatus.ACTIVE and all(
        getattr(case, column) == value for column, value in draft.model_fields().items())


async def _sync_cases(project_id: uuid.UUID, plan_file: PlanFile) -> list[uuid.UUID]:
    """The file's cases, each created or brought to the file's content (a new version)."""
    existing = {case.title: case for case in await TestCase.filter(project_id=project_id)}
    ids = []
    for file_case in plan_file.cases:
        case = existing.get(file_case.id)
        raw = file_case.draft.to_raw()
        if case is None:
            case = await case_service.create_case(project_id=project_id, raw=raw)
        elif not _unchanged(case, file_case.draft):
            if case.status == CaseStatus.ARCHIVED:
                await case_service.update_case(case_id=case.id, changes={"status": "ACTIVE"})
            await case_service.update_case(case_id=case.id, changes=raw)
        ids.append(case.id)
    return ids


def _chunks(ids: Sequence[uuid.UUID]) -> list[list[uuid.UUID]]:
    return [list(ids[i:i + MAX_IDS]) for i in range(0, len(ids), MAX_IDS)]


async def _sync_suite(suite: Suite, case_ids: list[uuid.UUID]) -> None:
    """The suite holds exactly the file's cases."""
    rows = await SuiteTestCase.filter(suite_id=suite.id).values_list("test_case_id", flat=True)
    linked: set[uuid.UUID] = {uuid.UUID(str(row)) for row in rows}
    wanted = set(case_ids)
    for chunk in _chunks([case_id for case_id in case_ids if case_id not in linked]):
        await suites.add_cases(suite_id=suite.id, case_ids=chunk)
    for chunk in _chunks(sorted(linked - wanted)):
        await suites.remove_cases(suite_id=suite.id, case_ids=chunk)


async def _make_ready(plan: Plan) -> None:
    if plan.status == PlanStatus.ARCHIVED:
        raise Conflict(f"the plan {plan.name!r} of the local organization was archived: "
                       "give the plan file another name", "PLAN_ARCHIVED")
    if plan.status != PlanStatus.READY:
        await plans.set_status(plan_id=plan.id, status=PlanStatus.READY)


async def _sync_connection(project_id: uuid.UUID, plan_file: PlanFile) -> AgentConnection:
    wanted = plan_file.connection
    name = CONNECTIONS[wanted.kind]
    connection = await AgentConnection.filter(project_id=project_id, name=name).first()
    if connection is None:
        return await connections.create_connection(
            project_id=project_id, name=name, spec=wanted.spec,
            concurrency=plan_file.concurrency,
            credentials=[CredentialValue(k, v) for k, v in wanted.credentials.items()])
    try:
        current = await connections.unseal_credentials(connection)
    except CredentialUnreadable:
        current = {}
    for credential, value in wanted.credentials.items():
        if current.get(credential) != value:
            await connections.rotate_credential(connection.id, name=credential, value=value)
    return await connections.update_connection(connection.id, spec=wanted.spec,
                                               concurrency=plan_file.concurrency)
