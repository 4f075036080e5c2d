"""createPlan, addSuitesToPlan, setPlanStatus, plans and the Plan type."""

from __future__ import annotations

from typing import Any

from assay.organizations.models import Role
from tests.graphql.testing.helpers import (
    ADD_SUITES,
    ARCHIVE_CASE,
    CREATE_PLAN,
    SET_STATUS,
    create_case,
    create_project,
    create_suite,
    ok,
)
from tests.support import Caller, GraphQLClient, error_codes, key_caller, make_org, member, owner
from tests.testing.cases_support import row_counts

PLANS = """
query($projectId: ID, $status: PlanStatus) {
  plans(projectId: $projectId, status: $status) { totalCount edges { node { name status } } }
}
"""


async def _world(gql: GraphQLClient, org_gid: str, caller: Caller) -> dict[str, str]:
    """Cases A, B (B also in S2), C; suites S1 = [A, B] and S2 = [B, C]."""
    ids = {name: (await create_case(gql, caller, org_gid, title=name))["id"] for name in "ABC"}
    s1 = await create_suite(gql, caller, org_gid, "S1", [ids["A"], ids["B"]])
    s2 = await create_suite(gql, caller, org_gid, "S2", [ids["B"], ids["C"]])
    return {**ids, "S1": s1, "S2": s2}


async def test_create_plan_with_suites(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    world = await _world(gql, org.project_gid, caller)

    result = await ok(gql, CREATE_PLAN, {"input": {
        "projectId": org.project_gid, "name": "Nightly", "description": "Every night",
        "suiteIds": [world["S2"], world["S1"]]}}, caller, "createPlan")
    await ok(gql, ARCHIVE_CASE, {"id": world["C"]}, caller, "archiveTestCase")
    node = (await gql.data("query($id: ID!) { node(id: $id) { ... on Plan { caseCount } } }",
                           {"id": result["plan"]["id"]}, caller))["node"]

    assert {k: v for k, v in result["plan"].items() if k != "id"} == {
        "name": "Nightly", "description": "Every night", "status": "DRAFT", "caseCount": 3,
        "suites": [{"name": "S2"}, {"name": "S1"}], "project": {"name": "Default"}}
    assert node == {"caseCount": 2}


async def test_create_plan_errors(gql: GraphQLClient, database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    caller = await owner(org)
    second = await create_project(gql, caller, "Second")
    elsewhere = await create_suite(gql, caller, second, "Elsewhere")
    theirs = await create_suite(gql, await owner(stranger), stranger.project_gid, "Theirs")
    await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "P"}}, caller,
             "createPlan")
    before = await row_counts(org.id)

    async def create(**fields: object) -> dict[str, Any]:
        variables = {"input": {"projectId": org.project_gid, "name": "New", **fields}}
        result: dict[str, Any] = (await gql.data(CREATE_PLAN, variables, caller))["createPlan"]
        return result

    duplicate = await create(name="P")
    wrong = await create(suiteIds=[elsewhere])
    foreign = await create(suiteIds=[theirs])
    viewer = await gql.post(CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "V"}},
                            await member(org, Role.VIEWER))

    assert (duplicate["__typename"], duplicate["code"]) == ("ConflictError", "DUPLICATE_NAME")
    assert [(i["path"], i["code"]) for i in wrong["issues"]] == [
        (["input", "suiteIds", "0"], "WRONG_PROJECT")]
    assert foreign == {"__typename": "NotFoundError", "code": "NOT_FOUND",
                       "message": "Suite (input.suiteIds.0) not found: check the id, and that "
                       "you have access to it"}
    assert (error_codes(viewer), viewer["data"]) == (["FORBIDDEN"], None)
    assert await row_counts(org.id) == before


async def test_add_suites_only_while_draft(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    world = await _world(gql, org.project_gid, caller)
    plan = (await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "P"}},
                     caller, "createPlan"))["plan"]["id"]

    added = await ok(gql, ADD_SUITES, {"planId": plan, "ids": [world["S1"], world["S2"]]},
                     caller, "addSuitesToPlan")
    again = await ok(gql, ADD_SUITES, {"planId": plan, "ids": [world["S2"]]}, caller,
                     "addSuitesToPlan")
    await ok(gql, SET_STATUS, {"planId": plan, "status": "READY"}, caller, "setPlanStatus")
    before = await row_counts(org.id)
    refused = (await gql.data(ADD_SUITES, {"planId": plan, "ids": [world["S1"]]}, caller))[
        "addSuitesToPlan"]

    assert (added["addedCount"], added["plan"]["suites"], added["plan"]["caseCount"]) == (
        2, [{"name": "S1"}, {"name": "S2"}], 3)
    assert again["addedCount"] == 0
    assert refused == {
        "__typename": "ConflictError", "code": "PLAN_NOT_DRAFT",
        "message": "this plan is READY: its suites change only while it is DRAFT; set it back "
        "to DRAFT with setPlanStatus, then add the suites"}
    assert await row_counts(org.id) == before


async def test_status_lifecycle(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    world = await _world(gql, org.project_gid, caller)
    plan = (await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "P"}},
                     caller, "createPlan"))["plan"]["id"]

    async def move(status: str) -> dict[str, Any]:
        result: dict[str, Any] = (await gql.data(
            SET_STATUS, {"planId": plan, "status": status}, caller))["setPlanStatus"]
        return result

    empty = await move("READY")
    await ok(gql, ADD_SUITES, {"planId": plan, "ids": [world["S1"]]}, caller, "addSuitesToPlan")
    ready = await move("READY")
    listed = (await gql.data(PLANS, {"status": "READY"}, caller))["plans"]
    same = await move("READY")
    draft = await move("DRAFT")
    archived = await move("ARCHIVED")
    before = await row_counts(org.id)
    final = await move("READY")

    assert (empty["__typename"], empty["code"]) == ("ConflictError", "PLAN_EMPTY")
    assert [(r["changed"], r["plan"]) for r in (ready, same, draft, archived)] == [
        (True, {"status": "READY"}), (False, {"status": "READY"}),
        (True, {"status": "DRAFT"}), (True, {"status": "ARCHIVED"})]
    assert listed == {"totalCount": 1, "edges": [{"node": {"name": "P", "status": "READY"}}]}
    assert final == {"__typename": "ConflictError", "code": "INVALID_TRANSITION",
                     "message": "this plan is ARCHIVED, which is final: it cannot become READY; "
                     "create a new plan instead"}
    assert await row_counts(org.id) == before


async def test_other_organizations_and_read_keys(gql: GraphQLClient, database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    caller = await owner(org)
    world = await _world(gql, org.project_gid, caller)
    plan = (await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "P",
                                                  "suiteIds": [world["S1"]]}},
                     caller, "createPlan"))["plan"]["id"]
    before = await row_counts(org.id)
    outsider = await owner(stranger)

    moved = await gql.data(SET_STATUS, {"planId": plan, "status": "READY"}, outsider)
    added = await gql.data(ADD_SUITES, {"planId": plan, "ids": [world["S2"]]}, outsider)
    listed = (await gql.data(PLANS, {}, outsider))["plans"]
    viewer = await gql.post(SET_STATUS, {"planId": plan, "status": "READY"},
                            await member(org, Role.VIEWER))

    assert moved["setPlanStatus"]["code"] == added["addSuitesToPlan"]["code"] == "NOT_FOUND"
    assert listed["totalCount"] == 0
    assert (error_codes(viewer), viewer["data"]) == (["FORBIDDEN"], None)
    assert await row_counts(org.id) == before
    visible = (await gql.data(PLANS, {"projectId": org.project_gid},
                              key_caller(org.api_key)))["plans"]
    assert visible["edges"] == [{"node": {"name": "P", "status": "DRAFT"}}]


async def test_narrowed_member_sees_only_its_projects(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    boss = await owner(org)
    hidden = await create_project(gql, boss, "Hidden")
    secret_suite = await create_suite(gql, boss, hidden, "Secret")
    secret_plan = (await ok(gql, CREATE_PLAN, {"input": {"projectId": hidden, "name": "Secret"}},
                            boss, "createPlan"))["plan"]["id"]
    await ok(gql, CREATE_PLAN, {"input": {"projectId": org.project_gid, "name": "Open"}}, boss,
             "createPlan")
    narrowed = await member(org, Role.MEMBER, projects=[org.project_id])
    before = await row_counts(org.id)

    plans = (await gql.data(PLANS, {}, narrowed))["plans"]
    suites = (await gql.data("{ suites { totalCount } }", {}, narrowed))["suites"]
    moved = await gql.data(SET_STATUS, {"planId": secret_plan, "status": "ARCHIVED"}, narrowed)
    added = await gql.data(ADD_SUITES, {"planId": secret_plan, "ids": [secret_suite]}, narrowed)

    assert plans["edges"] == [{"node": {"name": "Open", "status": "DRAFT"}}]
    assert suites == {"totalCount": 0}
    assert moved["setPlanStatus"]["code"] == added["addSuitesToPlan"]["code"] == "NOT_FOUND"
    assert await row_counts(org.id) == before
