"""createSuite, addTestCasesToSuite, removeTestCasesFromSuite, suites and the Suite type."""

from __future__ import annotations

import uuid

from assay.organizations.models import Role
from tests.graphql.testing.helpers import (
    ADD_CASES,
    ARCHIVE_CASE,
    CREATE_SUITE,
    REMOVE_CASES,
    create_case,
    create_project,
    create_suite,
    ok,
)
from tests.support import GraphQLClient, error_codes, gid, make_org, member, owner
from tests.testing.cases_support import row_counts

SUITE = """
query($id: ID!) {
  node(id: $id) {
    ... on Suite {
      name testCaseCount project { name }
      testCases(first: 10) { totalCount edges { node { title suites { name } } } }
      archived: testCases(statuses: [ARCHIVED]) { edges { node { title } } }
    }
  }
}
"""
SUITES = """
query($projectId: ID) {
  suites(projectId: $projectId) { totalCount edges { node { name description tags } } }
}
"""


async def test_create_suite(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    variables = {"input": {"projectId": org.project_gid, "name": " Billing ",
                           "description": "Refunds and invoices", "tags": ["eu", "eu", "vip"]}}

    result = await ok(gql, CREATE_SUITE, variables, caller, "createSuite")
    duplicate = await gql.data(CREATE_SUITE, variables, caller)
    listed = (await gql.data(SUITES, {"projectId": org.project_gid}, caller))["suites"]

    assert {k: v for k, v in result["suite"].items() if k != "id"} == {
        "name": "Billing", "description": "Refunds and invoices", "tags": ["eu", "vip"],
        "testCaseCount": 0}
    assert duplicate["createSuite"] == {
        "__typename": "ConflictError", "code": "DUPLICATE_NAME",
        "message": "this project already has a suite named 'Billing': choose another name"}
    assert listed == {"totalCount": 1, "edges": [{"node": {
        "name": "Billing", "description": "Refunds and invoices", "tags": ["eu", "vip"]}}]}


async def test_create_suite_errors(gql: GraphQLClient, database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    before = await row_counts(org.id)

    blank = await gql.data(CREATE_SUITE, {"input": {"projectId": org.project_gid, "name": ""}},
                           await owner(org))
    foreign = await gql.data(CREATE_SUITE, {"input": {"projectId": org.project_gid,
                                                      "name": "X"}}, await owner(stranger))
    viewer = await gql.post(CREATE_SUITE, {"input": {"projectId": org.project_gid,
                                                     "name": "X"}},
                            await member(org, Role.VIEWER))

    assert [(i["path"], i["code"]) for i in blank["createSuite"]["issues"]] == [
        (["input", "name"], "INVALID")]
    assert foreign["createSuite"]["code"] == "NOT_FOUND"
    assert (error_codes(viewer), viewer["data"]) == (["FORBIDDEN"], None)
    assert await row_counts(org.id) == before


async def test_add_and_remove_cases(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    a = (await create_case(gql, caller, org.project_gid, title="A"))["id"]
    b = (await create_case(gql, caller, org.project_gid, title="B"))["id"]
    suite = await create_suite(gql, caller, org.project_gid, "Billing")

    added = await ok(gql, ADD_CASES, {"suiteId": suite, "ids": [a, b]}, caller,
                     "addTestCasesToSuite")
    again = await ok(gql, ADD_CASES, {"suiteId": suite, "ids": [b, a]}, caller,
                     "addTestCasesToSuite")
    await ok(gql, ARCHIVE_CASE, {"id": b}, caller, "archiveTestCase")
    node = (await gql.data(SUITE, {"id": suite}, caller))["node"]
    removed = await ok(gql, REMOVE_CASES, {"suiteId": suite, "ids": [a]}, caller,
                       "removeTestCasesFromSuite")

    assert (added["addedCount"], added["suite"]["testCaseCount"]) == (2, 2)
    assert (again["addedCount"], again["suite"]["testCaseCount"]) == (0, 2)
    assert node == {
        "name": "Billing", "testCaseCount": 1, "project": {"name": "Default"},
        "testCases": {"totalCount": 1, "edges": [
            {"node": {"title": "A", "suites": [{"name": "Billing"}]}}]},
        "archived": {"edges": [{"node": {"title": "B"}}]},
    }
    assert (removed["removedCount"], removed["suite"]["testCaseCount"]) == (1, 0)


async def test_unknown_ids_are_named_and_nothing_is_added(
    gql: GraphQLClient, database: object
) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    caller = await owner(org)
    mine = (await create_case(gql, caller, org.project_gid))["id"]
    theirs = (await create_case(gql, await owner(stranger), stranger.project_gid))["id"]
    suite = await create_suite(gql, caller, org.project_gid, "Billing")
    before = await row_counts(org.id)

    foreign = await gql.data(ADD_CASES, {"suiteId": suite, "ids": [mine, theirs]}, caller)
    unknown = await gql.data(ADD_CASES, {"suiteId": suite,
                                         "ids": [mine, gid("TestCase", uuid.uuid4())]}, caller)
    not_an_id = await gql.data(REMOVE_CASES, {"suiteId": suite, "ids": [mine, suite]}, caller)

    assert foreign["addTestCasesToSuite"] == unknown["addTestCasesToSuite"] == {
        "__typename": "NotFoundError", "code": "NOT_FOUND",
        "message": "TestCase (input.testCaseIds.1) not found: check the id, and that you have "
        "access to it"}
    assert [(i["path"], i["code"]) for i in not_an_id["removeTestCasesFromSuite"]["issues"]] == [
        (["input", "testCaseIds", "1"], "INVALID_ID")]
    assert await row_counts(org.id) == before


async def test_cases_of_another_project_or_archived_are_refused(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    caller = await owner(org)
    second = await create_project(gql, caller, "Second")
    elsewhere = (await create_case(gql, caller, second))["id"]
    archived = (await create_case(gql, caller, org.project_gid))["id"]
    await ok(gql, ARCHIVE_CASE, {"id": archived}, caller, "archiveTestCase")
    suite = await create_suite(gql, caller, org.project_gid, "Billing")
    before = await row_counts(org.id)

    result = (await gql.data(ADD_CASES, {"suiteId": suite, "ids": [elsewhere]}, caller))[
        "addTestCasesToSuite"]
    gone = (await gql.data(ADD_CASES, {"suiteId": suite, "ids": [archived]}, caller))[
        "addTestCasesToSuite"]

    assert [(i["path"], i["code"], i["message"]) for i in result["issues"]] == [
        (["input", "testCaseIds", "0"], "WRONG_PROJECT",
         "this is in another project than the suite: use only objects of the suite's project")]
    assert [(i["path"], i["code"]) for i in gone["issues"]] == [
        (["input", "testCaseIds", "0"], "CASE_ARCHIVED")]
    assert await row_counts(org.id) == before


async def test_viewer_and_other_organizations_cannot_change_a_suite(
    gql: GraphQLClient, database: object
) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    caller = await owner(org)
    case = (await create_case(gql, caller, org.project_gid))["id"]
    suite = await create_suite(gql, caller, org.project_gid, "Billing", [case])
    before = await row_counts(org.id)
    viewer = await member(org, Role.VIEWER)
    outsider = await owner(stranger)

    denied = [await gql.post(document, {"suiteId": suite, "ids": [case]}, viewer)
              for document in (ADD_CASES, REMOVE_CASES)]
    hidden = [await gql.data(document, {"suiteId": suite, "ids": [case]}, outsider)
              for document in (ADD_CASES, REMOVE_CASES)]
    node = await gql.post(SUITE, {"id": suite}, outsider)
    listed = (await gql.data(SUITES, {}, outsider))["suites"]

    assert [(error_codes(body), body["data"]) for body in denied] == [(["FORBIDDEN"], None)] * 2
    assert [next(iter(body.values()))["code"] for body in hidden] == ["NOT_FOUND"] * 2
    assert (error_codes(node), listed["totalCount"]) == (["NOT_FOUND"], 0)
    assert await row_counts(org.id) == before
    viewed = (await gql.data(SUITE, {"id": suite}, viewer))["node"]
    assert viewed["testCaseCount"] == 1
