"""Data for the security tests: rows in every tenant table, fingerprints, a GraphQL-built world."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from graphql import GraphQLSchema

from assay.auth import sessions
from assay.auth.models import Invitation, User
from assay.connections import credentials
from assay.connections.models import AgentConnection, ConnectionKind
from assay.db.security import tenant_tables
from assay.db.transactions import tenant_transaction
from assay.evaluations import jobs as evaluation_jobs
from assay.graphql.node import NODE_KINDS
from assay.graphql.relay import decode_id
from assay.organizations.models import Membership, MembershipProject, Role
from assay.runs.models import RunCase
from assay.testing.models import (
    CaseImport,
    CaseMode,
    Plan,
    PlanSuite,
    Suite,
    SuiteTestCase,
    TestCase,
    TestCaseVersion,
)
from tests.reports.rows import world_report, write_report_rows
from tests.reports.summary_rows import keep_world_summary
from tests.runs.rows import write_evaluation_rows, write_run_rows
from tests.scim.rows import world_scim_token, write_scim_rows
from tests.security.walk import IdSlot, Path, RootField, document, id_slots, slot_type
from tests.support import Caller, GraphQLClient, Org, gid, make_org, owner
from tests.webhooks.rows import world_webhook, write_webhook_rows


def every_tenant_table() -> list[str]:
    """Tenant tables (derived from the models) plus the organizations table itself."""
    return sorted({*tenant_tables(), "organizations"})


async def fill_every_table(org: Org) -> None:
    """At least one row of ``org`` in every tenant table, written through the ORM."""
    user = await User.create(email=f"filler-{uuid.uuid4().hex[:10]}@example.com")
    async with tenant_transaction(org.id):
        membership = await Membership.create(user_id=user.id, role=Role.VIEWER, narrowed=True)
        await MembershipProject.create(membership_id=membership.id, project_id=org.project_id)
        await Invitation.create(email=f"filler-{uuid.uuid4().hex[:8]}@example.com",
                                role=Role.VIEWER, token_hash=uuid.uuid4().hex * 2,
                                invited_by_id=user.id,
                                expires_at=datetime.now(UTC) + timedelta(days=1))
        case = await TestCase.create(project_id=org.project_id, mode=CaseMode.SIMPLE,
                                     title="Filler", input="Hi?", expected_output="Hello.")
        await TestCaseVersion.create(project_id=org.project_id, test_case_id=case.id, version=1,
                                     mode=CaseMode.SIMPLE, title="Filler", input="Hi?")
        suite = await Suite.create(project_id=org.project_id, name="Filler")
        await SuiteTestCase.create(project_id=org.project_id, suite_id=suite.id,
                                   test_case_id=case.id)
        plan = await Plan.create(project_id=org.project_id, name="Filler")
        await PlanSuite.create(project_id=org.project_id, plan_id=plan.id, suite_id=suite.id,
                               position=0)
        await CaseImport.create(project_id=org.project_id, idempotency_key="filler",
                                format="json", content_hash="0" * 64)
        connection = await AgentConnection.create(
            project_id=org.project_id, name="Filler", kind=ConnectionKind.HTTP, concurrency=1)
        await credentials.add(connection, "token", "filler-secret-value")
        run = await write_run_rows(project_id=org.project_id, plan_id=plan.id,
                                   connection_id=connection.id, test_case_id=case.id)
        await write_evaluation_rows(run)
        await write_report_rows(project_id=org.project_id, plan_id=plan.id)
        await write_webhook_rows()
        await write_scim_rows(membership.id, user.id)


def _org_column(table: str) -> str:
    return "id" if table == "organizations" else "organization_id"


async def row_counts(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> dict[str, int]:
    """Rows of ``org_id`` in every tenant table, read as the owner (past row-level security)."""
    parts = [
        f"SELECT '{t}' AS t, count(*) AS n FROM \"{t}\" WHERE {_org_column(t)} = $1"
        for t in every_tenant_table()
    ]
    rows = await owner_db.fetch(" UNION ALL ".join(parts), org_id)
    return {row["t"]: row["n"] for row in rows}


async def snapshot(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> dict[str, str]:
    """A digest of every row of ``org_id`` in every tenant table: equal means nothing changed."""
    parts = [
        f"SELECT '{t}' AS t, coalesce(md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))),"
        f" '') AS digest FROM \"{t}\" x WHERE {_org_column(t)} = $1"
        for t in every_tenant_table()
    ]
    rows = await owner_db.fetch(" UNION ALL ".join(parts), org_id)
    return {row["t"]: row["digest"] for row in rows}


async def audit_count(owner_db: asyncpg.Connection, org_id: uuid.UUID) -> int:
    count: int = await owner_db.fetchval(
        "SELECT count(*) FROM audit_events WHERE organization_id = $1", org_id)
    return count


# --- A world of objects built through the public GraphQL API ------------------------------

#: Credential values sealed in every world: they must never come back out, nor reach the trail.
SECRETS = ("sk-world-secret-0123456789", "sk-rotated-secret-9876543210")

HTTP_AGENT = {
    "url": "https://agent.example.com/chat",
    "method": "POST",
    "responsePath": "answer",
    "bodyTemplate": '{"question": "{{message}}"}',
    "auth": {"type": "BEARER"},
}

_CASE = """
mutation($input: CreateTestCaseInput!) { createTestCase(input: $input) {
  __typename ... on CreateTestCaseSuccess { testCase { id versions { id } } } } }
"""
_SUITE = """
mutation($input: CreateSuiteInput!) { createSuite(input: $input) {
  __typename ... on CreateSuiteSuccess { suite { id } } } }
"""
_ADD_CASES = """
mutation($input: AddTestCasesToSuiteInput!) { addTestCasesToSuite(input: $input) {
  __typename } }
"""
_PLAN = """
mutation($input: CreatePlanInput!) { createPlan(input: $input) {
  __typename ... on CreatePlanSuccess { plan { id } } } }
"""
_CONNECTION = """
mutation($input: CreateAgentConnectionInput!) { createAgentConnection(input: $input) {
  __typename ... on CreateAgentConnectionSuccess { agentConnection { id } } } }
"""
_READY = """
mutation($input: SetPlanStatusInput!) { setPlanStatus(input: $input) {
  __typename ... on SetPlanStatusSuccess { plan { id } } } }
"""
_RUN = """
mutation($input: StartRunInput!) { startRun(input: $input) {
  __typename ... on StartRunSuccess { run { id } } } }
"""
_KEY = """
mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  __typename ... on CreateApiKeySuccess { apiKey { id } } } }
"""
_EXPORT = """
query($projectId: ID!) { exportTestCases(projectId: $projectId, format: JSON) { content } }
"""
_FIRST_EVENT = "{ auditEvents(first: 1) { edges { node { id } } } }"


_JUDGE = """
mutation($input: ConfigureJudgeInput!) { configureJudge(input: $input) {
  __typename ... on ConfigureJudgeSuccess { judge { id } } } }
"""
_ENABLE = """
mutation($input: EnableEvaluatorInput!) { enableEvaluator(input: $input) {
  __typename ... on EnableEvaluatorSuccess { enablement { id } } } }
"""
_CANCEL = "mutation($id: ID!) { cancelRun(id: $id) { __typename } }"
_EVALUATE = """
mutation($input: EvaluateRunInput!) { evaluateRun(input: $input) {
  __typename ... on EvaluateRunSuccess { evaluation { id } } } }
"""
#: An owner's reason for enabling an evaluator without a calibration report.
OVERRIDE_REASON = "Reviewed by hand for the security tests."


_INVITE = """
mutation($email: String!) { inviteMember(email: $email, role: VIEWER) {
  __typename ... on InviteMemberSuccess { invitation { id } } } }
"""


async def _member(org: Org) -> str:
    """The Member id of a new MEMBER of ``org`` (not an owner: calls may remove it)."""
    user = await User.create(email=f"world-member-{uuid.uuid4().hex[:10]}@example.com")
    async with tenant_transaction(org.id):
        membership = await Membership.create(user_id=user.id, role=Role.MEMBER)
    return gid("Member", membership.id)


@dataclass
class World:
    """One organization with an object of every node type, made by its owner via GraphQL."""

    org: Org
    owner: Caller
    #: Node type name -> global id of an object of that type.
    ids: dict[str, str] = field(default_factory=dict)
    #: A second object of some types: "TestCase" is outside the suite, "Suite" outside the
    #: plan, "Plan" is READY and has the run (the first plan stays DRAFT). See SLOT_IDS.
    spare: dict[str, str] = field(default_factory=dict)
    #: The project's cases as exportTestCases writes them (JSON), ready to import.
    export_json: str = ""


async def _success(gql: GraphQLClient, query: str, variables: dict[str, Any],
                   caller: Caller) -> dict[str, Any]:
    data = await gql.data(query, variables, caller)
    result: dict[str, Any] = next(iter(data.values()))
    assert result["__typename"].endswith("Success"), result
    return result


async def _case(gql: GraphQLClient, world: World, title: str) -> dict[str, Any]:
    created = await _success(gql, _CASE, {"input": {
        "projectId": world.org.project_gid, "title": title, "mode": "SIMPLE",
        "input": f"{title}?", "expectedOutput": "A helpful answer."}}, world.owner)
    case: dict[str, Any] = created["testCase"]
    return case


async def build_world(gql: GraphQLClient, name: str) -> World:
    org = await make_org(name)
    world = World(org=org, owner=await owner(org), ids={"Project": org.project_gid})
    case = await _case(gql, world, "Where is my parcel")
    spare_case = await _case(gql, world, "Can I pay by card")
    world.ids |= {"TestCase": case["id"], "TestCaseVersion": case["versions"][0]["id"]}
    world.spare["TestCase"] = spare_case["id"]
    for label in ("Smoke", "Spare"):
        suite = await _success(gql, _SUITE, {"input": {
            "projectId": org.project_gid, "name": label}}, world.owner)
        world.ids.setdefault("Suite", suite["suite"]["id"])
        world.spare["Suite"] = suite["suite"]["id"]
    await _success(gql, _ADD_CASES, {"input": {
        "suiteId": world.ids["Suite"], "testCaseIds": [case["id"]]}}, world.owner)
    plan = await _success(gql, _PLAN, {"input": {
        "projectId": org.project_gid, "name": "Release", "suiteIds": [world.ids["Suite"]]}},
        world.owner)
    world.ids["Plan"] = plan["plan"]["id"]
    connection = await _success(gql, _CONNECTION, {"input": {
        "projectId": org.project_gid, "name": "Support bot", "http": HTTP_AGENT,
        "credentials": [{"name": "auth", "value": SECRETS[0]}]}}, world.owner)
    world.ids["AgentConnection"] = connection["agentConnection"]["id"]
    ready = await _success(gql, _PLAN, {"input": {
        "projectId": org.project_gid, "name": "Nightly", "suiteIds": [world.ids["Suite"]]}},
        world.owner)
    world.spare["Plan"] = ready["plan"]["id"]
    await _success(gql, _READY, {"input": {"planId": world.spare["Plan"], "status": "READY"}},
                   world.owner)
    run = await _success(gql, _RUN, {"input": {
        "planId": world.spare["Plan"], "connectionId": world.ids["AgentConnection"]}},
        world.owner)
    world.ids["Run"] = run["run"]["id"]
    key = await _success(gql, _KEY, {"input": {
        "projectId": org.project_gid, "name": "ci", "scope": "READ",
        "expiresAt": (datetime.now(UTC) + timedelta(days=30)).isoformat()}}, world.owner)
    world.ids["ApiKey"] = key["apiKey"]["id"]
    events = await gql.data(_FIRST_EVENT, caller=world.owner)
    world.ids["AuditEvent"] = events["auditEvents"]["edges"][0]["node"]["id"]
    _, spare_session = await sessions.start(org.owner_id)  # one that calls may end
    world.ids["Session"] = gid("Session", spare_session.id)
    world.ids["Member"] = await _member(org)
    invited = await _success(gql, _INVITE, {"email": f"world-{uuid.uuid4().hex[:8]}@example.com"},
                             world.owner)
    world.ids["Invitation"] = invited["invitation"]["id"]
    exported = await gql.data(_EXPORT, {"projectId": org.project_gid}, world.owner)
    world.export_json = exported["exportTestCases"]["content"]
    # On loopback: testJudge is refused by the SSRF guard at once, nothing leaves the machine.
    judge = await _success(gql, _JUDGE, {"input": {
        "name": "World judge", "provider": "openai", "model": "world-model",
        "baseUrl": "http://127.0.0.1:9/v1"}}, world.owner)
    world.ids["Judge"] = judge["judge"]["id"]
    enabled = await _success(gql, _ENABLE, {"input": {
        "evaluator": "relevance", "judge": "openai", "model": "world-model",
        "overrideReason": OVERRIDE_REASON}}, world.owner)
    world.ids["EvaluatorEnablement"] = enabled["enablement"]["id"]
    world.spare["Run"], world.ids["Evaluation"] = await _evaluated_run(gql, world)
    world.ids |= await world_webhook(gql, org.id, world.owner)
    world.ids |= await world_scim_token(gql, world.owner)
    world.ids["Report"], world.spare["Evaluation"] = await world_report(gql, world)
    await keep_world_summary(org.id, world.ids["Report"])
    return world


async def _evaluated_run(gql: GraphQLClient, world: World) -> tuple[str, str]:
    """A finished (cancelled) run and a COMPLETED evaluation of it: its job is run here, as a
    worker would (a case that did not run calls no judge), so the world's judge is free."""
    started = await _success(gql, _RUN, {"input": {
        "planId": world.spare["Plan"], "connectionId": world.ids["AgentConnection"]}},
        world.owner)
    run_gid = started["run"]["id"]
    await gql.data(_CANCEL, {"id": run_gid}, world.owner)
    created = await _success(gql, _EVALUATE, {"input": {
        "runId": run_gid, "evaluators": ["relevance"]}}, world.owner)
    evaluation_gid = created["evaluation"]["id"]
    run_id, evaluation_id = decode_id(run_gid), decode_id(evaluation_gid)
    assert run_id is not None and evaluation_id is not None
    async with tenant_transaction(world.org.id):
        case_ids = await RunCase.filter(run_id=run_id[1]).values_list("id", flat=True)
    for case_id in case_ids:
        await evaluation_jobs.evaluation_case({}, str(world.org.id), str(evaluation_id[1]),
                                              str(case_id))
    return run_gid, evaluation_gid


def valid_arguments(root: str, world: World) -> dict[Path, Any]:
    """Non-id arguments that make a call of ``root`` succeed in ``world`` (others: defaults).

    Ids are not here: ``own_id`` picks them (by type, or from SLOT_IDS).
    """
    unique = f"{root} {uuid.uuid4().hex[:8]}"
    table: dict[str, dict[Path, Any]] = {
        "createProject": {("input", "name"): unique},
        "createApiKey": {("input", "name"): unique},
        "createTestCase": {("input", "input"): "Where is my refund?",
                           ("input", "expectedOutput"): "It is on its way."},
        "updateTestCase": {("input", "title"): unique},
        "importTestCases": {("input", "content"): world.export_json,
                            ("input", "idempotencyKey"): uuid.uuid4().hex},
        "createSuite": {("input", "name"): unique},
        "createPlan": {("input", "name"): unique},
        "setPlanStatus": {("input", "status"): "READY"},
        "createAgentConnection": {("input", "name"): unique, ("input", "http"): HTTP_AGENT,
                                  ("input", "credentials"): [
                                      {"name": "auth", "value": SECRETS[0]}]},
        "updateAgentConnection": {("input", "name"): unique},
        "rotateConnectionCredential": {("name",): "auth", ("value",): SECRETS[1]},
        "inviteMember": {("email",): f"invitee-{uuid.uuid4().hex[:8]}@example.com"},
        "configureJudge": {("input", "name"): unique, ("input", "provider"): "openai"},
        "updateJudge": {("input", "name"): unique},
        "enableEvaluator": {("input", "evaluator"): "relevance", ("input", "judge"): "openai",
                            ("input", "overrideReason"): OVERRIDE_REASON},
        "evaluateRun": {("input", "evaluators"): ["relevance"]},
        "createWebhook": {("input", "url"): "https://hooks.example.com/new",
                          ("input", "events"): ["run.finished"]},
        "updateWebhook": {("input", "description"): unique},
        "createScimToken": {("input", "name"): unique, ("input", "expiresAt"): (
            datetime.now(UTC) + timedelta(days=30)).isoformat()},
    }
    return table.get(root, {})


#: Slots whose type the names do not tell: (root field, dotted path) -> node type.
SLOT_TYPES = {("auditEvents", "targetId"): "Project", ("testConnection", "id"): "AgentConnection",
              ("webhookDeliveries", "endpointId"): "Webhook",
              ("revokeSession", "id"): "Session",
              ("changeMemberRole", "memberId"): "Member", ("removeMember", "memberId"): "Member",
              ("revokeInvitation", "invitationId"): "Invitation",
              ("createReport", "input.baselineEvaluationId"): "Evaluation"}


#: Slots that need a particular own object rather than the first of their type:
#: (root field, dotted path) -> the key in ``World.spare`` holding it. Only the own id
#: changes; foreign and unknown ids for the slot still follow its type (``type_of``).
SLOT_IDS = {
    ("addTestCasesToSuite", "input.testCaseIds"): "TestCase",  # a case not yet in the suite
    ("addSuitesToPlan", "input.suiteIds"): "Suite",  # a suite not yet in the plan
    ("startRun", "input.planId"): "Plan",  # only a READY plan runs
    ("evaluateRun", "input.runId"): "Run",  # only a finished run is evaluated
    ("evaluations", "runId"): "Run",  # the run that has an evaluation
    ("runs", "planId"): "Plan",  # the plan that has a run
    ("reports", "planId"): "Plan",  # the plan that has a report
    ("createReport", "input.baselineEvaluationId"): "Evaluation",  # not the reported one
}


def type_of(root: str, slot: IdSlot) -> str:
    type_name = slot_type(root, slot.path, NODE_KINDS, SLOT_TYPES)
    assert type_name is not None, (
        f"{root}: say which node type {'.'.join(slot.path)} takes in world.SLOT_TYPES")
    return type_name


def own_id(root: str, slot: IdSlot, world: World) -> str:
    """The id of ``world``'s own object that a call of ``root`` succeeds with in ``slot``."""
    spare = SLOT_IDS.get((root, ".".join(slot.path)))
    if spare is not None:
        return world.spare[spare]
    return world.ids[type_of(root, slot)]


def _no_fallback(root: str, path: Path) -> str:
    raise AssertionError(f"{root}: no id for {'.'.join(path)}")


def call(
    schema: GraphQLSchema, root: RootField, world: World, target: dict[Path, Any] | None = None
) -> tuple[str, dict[str, Any]]:
    """A call of ``root`` that succeeds in ``world``: its ids, valid arguments, then ``target``."""
    overrides: dict[Path, Any] = {}
    for slot in id_slots(root.definition):
        if slot.required:
            own = own_id(root.name, slot, world)
            overrides[slot.path] = [own] if slot.many else own
    overrides |= valid_arguments(root.name, world)
    overrides |= target or {}
    return document(schema, root, _no_fallback, overrides)
