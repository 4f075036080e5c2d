"""createTestCase, updateTestCase, archiveTestCase, testCases and the TestCase node."""

from __future__ import annotations

import uuid

from assay.organizations.models import Role
from tests.graphql.testing.helpers import (
    ARCHIVE_CASE,
    CREATE_CASE,
    UPDATE_CASE,
    create_case,
    create_project,
    ok,
)
from tests.support import GraphQLClient, error_codes, gid, key_caller, make_org, member, owner
from tests.testing.cases_support import row_counts

VERSIONS = """
query($id: ID!) {
  node(id: $id) {
    ... on TestCase {
      version title
      versions { id version title createdBy }
      first: versionAt(version: 1) { title version testCase { id } }
      missing: versionAt(version: 99) { title }
    }
  }
}
"""
LIST = """
query($projectId: ID, $statuses: [TestCaseStatus!], $tags: [String!], $search: String,
      $mode: TestCaseMode, $difficulty: Difficulty, $first: Int, $after: String) {
  testCases(projectId: $projectId, statuses: $statuses, tags: $tags, search: $search,
            mode: $mode, difficulty: $difficulty, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { title } }
  }
}
"""


async def test_create_returns_every_field(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    asserts = [{"type": "regex", "pattern": "30 d(ays|ías)", "caseSensitive": True}]

    case = await create_case(gql, caller, org.project_gid, tags=["billing", "eu"],
                             category="refunds", difficulty="EDGE_CASE", language="es",
                             status="DRAFT", asserts=asserts, context="Policy v3")

    assert {k: v for k, v in case.items() if k not in ("id", "createdAt", "updatedAt")} == {
        "title": "Refund window",
        "mode": "SIMPLE",
        "input": "How long do I have for a refund?",
        "turns": [],
        "expectedOutput": "30 days.",
        "context": "Policy v3",
        "tags": ["billing", "eu"],
        "category": "refunds",
        "difficulty": "EDGE_CASE",
        "language": "es",
        "status": "DRAFT",
        "asserts": [{"type": "regex", "pattern": "30 d(ays|ías)", "caseSensitive": True,
                     "negate": False, "description": "", "timeoutMs": 100}],
        "version": 1,
        "project": {"name": "Default"},
    }


async def test_conversational_case(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    case = await create_case(gql, await owner(org), org.project_gid, input=None,
                             mode="CONVERSATIONAL", turns=["Hi", "Where is my order?"])

    assert (case["mode"], case["input"], case["turns"]) == (
        "CONVERSATIONAL", "", ["Hi", "Where is my order?"])


async def test_bad_content_is_a_validation_error_with_paths(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    before = await row_counts(org.id)
    variables = {"input": {"projectId": org.project_gid, "title": "T", "input": "Q",
                           "asserts": [{"type": "regex", "pattern": "("},
                                       {"type": "lenght"}]}}

    result = (await gql.data(CREATE_CASE, variables, await owner(org)))["createTestCase"]

    assert result["__typename"] == "ValidationError"
    assert result["code"] == "VALIDATION_FAILED"
    assert [(i["path"], i["code"]) for i in result["issues"]] == [
        (["input", "asserts", "0", "pattern"], "INVALID_REGEX"),
        (["input", "asserts", "1", "type"], "UNKNOWN_TYPE"),
    ]
    assert await row_counts(org.id) == before


async def test_bad_or_foreign_project_ids(gql: GraphQLClient, database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    before = await row_counts(org.id), await row_counts(stranger.id)
    caller = await owner(stranger)

    def create(project_id: str) -> dict[str, object]:
        return {"input": {"projectId": project_id, "title": "T", "input": "Q"}}

    foreign = (await gql.data(CREATE_CASE, create(org.project_gid), caller))["createTestCase"]
    unknown = (await gql.data(CREATE_CASE, create(gid("Project", uuid.uuid4())), caller))[
        "createTestCase"]
    wrong = (await gql.data(CREATE_CASE, create(gid("Suite", org.project_id)), caller))[
        "createTestCase"]

    assert foreign == unknown == {
        "__typename": "NotFoundError", "code": "NOT_FOUND",
        "message": "Project not found: check the id, and that you have access to it"}
    assert wrong["__typename"] == "ValidationError"
    assert [(i["path"], i["code"]) for i in wrong["issues"]] == [
        (["input", "projectId"], "INVALID_ID")]
    assert (await row_counts(org.id), await row_counts(stranger.id)) == before


async def test_viewer_and_read_key_cannot_write(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    case = await create_case(gql, await owner(org), org.project_gid)
    before = await row_counts(org.id)
    viewer = await member(org, Role.VIEWER)
    create = {"input": {"projectId": org.project_gid, "title": "T", "input": "Q"}}

    bodies = [
        await gql.post(CREATE_CASE, create, viewer),
        await gql.post(UPDATE_CASE, {"input": {"id": case["id"], "title": "X"}}, viewer),
        await gql.post(ARCHIVE_CASE, {"id": case["id"]}, viewer),
    ]

    assert [error_codes(body) for body in bodies] == [["FORBIDDEN"]] * 3
    assert [body["data"] for body in bodies] == [None] * 3
    assert await row_counts(org.id) == before


async def test_edits_are_versions(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    case = await create_case(gql, caller, org.project_gid)

    edited = await ok(gql, UPDATE_CASE, {"input": {"id": case["id"], "title": "Refund (EU)",
                                                   "expectedVersion": 1}},
                      caller, "updateTestCase")
    same = await ok(gql, UPDATE_CASE, {"input": {"id": case["id"], "title": "Refund (EU)"}},
                    caller, "updateTestCase")
    node = (await gql.data(VERSIONS, {"id": case["id"]}, caller))["node"]

    assert (edited["changed"], edited["testCase"]["version"]) == (True, 2)
    assert edited["testCase"]["input"] == "How long do I have for a refund?"
    assert (same["changed"], same["testCase"]["version"]) == (False, 2)
    assert [(v["version"], v["title"]) for v in node["versions"]] == [
        (2, "Refund (EU)"), (1, "Refund window")]
    assert node["versions"][0]["createdBy"] == f"user:{org.owner_id}"
    assert node["first"] == {"title": "Refund window", "version": 1,
                             "testCase": {"id": case["id"]}}
    assert node["missing"] is None
    version_node = await gql.data("query($id: ID!) { node(id: $id) { ... on TestCaseVersion "
                                  "{ title version } } }", {"id": node["versions"][1]["id"]},
                                  caller)
    assert version_node["node"] == {"title": "Refund window", "version": 1}


async def test_stale_edit_and_archived_edit_are_conflicts(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    caller = await owner(org)
    case = await create_case(gql, caller, org.project_gid)
    await ok(gql, UPDATE_CASE, {"input": {"id": case["id"], "title": "Two"}}, caller,
             "updateTestCase")
    before = await row_counts(org.id)

    stale = (await gql.data(UPDATE_CASE, {"input": {"id": case["id"], "title": "Mine",
                                                    "expectedVersion": 1}}, caller))
    assert stale["updateTestCase"] == {
        "__typename": "ConflictError", "code": "STALE_VERSION",
        "message": "this test case is at version 2, not 1: someone saved it after you loaded "
        "it; reload it, reapply your change and save again"}
    assert await row_counts(org.id) == before

    archived = await ok(gql, ARCHIVE_CASE, {"id": case["id"]}, caller, "archiveTestCase")
    assert archived == {"__typename": "ArchiveTestCaseSuccess", "changed": True,
                        "testCase": {"id": case["id"], "status": "ARCHIVED", "version": 2}}
    refused = await gql.data(UPDATE_CASE, {"input": {"id": case["id"], "title": "X"}}, caller)
    assert refused["updateTestCase"]["code"] == "CASE_ARCHIVED"
    restored = await ok(gql, UPDATE_CASE, {"input": {"id": case["id"], "status": "ACTIVE"}},
                        caller, "updateTestCase")
    assert (restored["changed"], restored["testCase"]["status"]) == (True, "ACTIVE")


async def test_archiving_via_update_is_refused_with_a_pointer(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    caller = await owner(org)
    case = await create_case(gql, caller, org.project_gid)

    result = (await gql.data(UPDATE_CASE, {"input": {"id": case["id"], "status": "ARCHIVED"}},
                             caller))["updateTestCase"]

    assert [(i["path"], i["message"]) for i in result["issues"]] == [
        (["input", "status"], "a case cannot be written as ARCHIVED: use DRAFT or ACTIVE, and "
         "archive it afterwards with archiveTestCase")]


async def test_another_organizations_case_is_not_found(
    gql: GraphQLClient, database: object
) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    case = await create_case(gql, await owner(org), org.project_gid)
    before = await row_counts(org.id)
    caller = await owner(stranger)

    update = await gql.data(UPDATE_CASE, {"input": {"id": case["id"], "title": "X"}}, caller)
    archive = await gql.data(ARCHIVE_CASE, {"id": case["id"]}, caller)
    node = await gql.post("query($id: ID!) { node(id: $id) { id } }", {"id": case["id"]},
                          caller)

    assert update["updateTestCase"]["code"] == archive["archiveTestCase"]["code"] == "NOT_FOUND"
    assert (error_codes(node), node["data"]) == (["NOT_FOUND"], {"node": None})
    assert await row_counts(org.id) == before


async def test_list_filters_and_pages(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    await create_case(gql, caller, org.project_gid, title="Refund 100%", tags=["billing"])
    await create_case(gql, caller, org.project_gid, title="Late ORDER", input=None,
                      mode="CONVERSATIONAL", turns=["Hi"], tags=["tone"], difficulty="HARD")
    gone = await create_case(gql, caller, org.project_gid, title="Old")
    await ok(gql, ARCHIVE_CASE, {"id": gone["id"]}, caller, "archiveTestCase")

    async def titles(**variables: object) -> list[str]:
        data = (await gql.data(LIST, variables, caller))["testCases"]
        return [edge["node"]["title"] for edge in data["edges"]]

    assert await titles() == ["Refund 100%", "Late ORDER"]
    assert await titles(statuses=["ARCHIVED", "ACTIVE"]) == ["Refund 100%", "Late ORDER", "Old"]
    assert await titles(tags=["tone", "billing"]) == ["Refund 100%", "Late ORDER"]
    assert await titles(search="order") == ["Late ORDER"]
    assert await titles(mode="CONVERSATIONAL") == ["Late ORDER"]
    assert await titles(difficulty="MEDIUM") == ["Refund 100%"]
    assert await titles(projectId=org.project_gid) == ["Refund 100%", "Late ORDER"]
    page = (await gql.data(LIST, {"first": 1}, caller))["testCases"]
    assert (page["totalCount"], page["pageInfo"]["hasNextPage"]) == (2, True)
    rest = await titles(first=1, after=page["pageInfo"]["endCursor"])
    assert rest == ["Late ORDER"]


async def test_list_of_an_unreachable_project_is_not_found(
    gql: GraphQLClient, database: object
) -> None:
    org, stranger = await make_org(), await make_org("Stranger")

    caller = await owner(stranger)

    body = await gql.post(LIST, {"projectId": org.project_gid}, caller)
    garbage = await gql.post(LIST, {"projectId": "nope"}, caller)

    assert (error_codes(body), body["data"]) == (["NOT_FOUND"], None)
    assert (error_codes(garbage), garbage["errors"][0]["extensions"]["issues"]) == (
        ["VALIDATION_FAILED"], [{"path": ["projectId"], "code": "INVALID_ID",
                                 "message": "not a Project id: pass the id field of a Project"}])


async def test_narrowed_member_sees_only_its_projects(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    boss = await owner(org)
    hidden_project = await create_project(gql, boss, "Hidden")
    await create_case(gql, boss, org.project_gid, title="Visible")
    hidden = await create_case(gql, boss, hidden_project, title="Hidden")
    narrowed = await member(org, Role.MEMBER, projects=[org.project_id])
    before = await row_counts(org.id)

    listed = (await gql.data(LIST, {}, narrowed))["testCases"]
    create = await gql.data(CREATE_CASE, {"input": {"projectId": hidden_project, "title": "T",
                                                    "input": "Q"}}, narrowed)
    update = await gql.data(UPDATE_CASE, {"input": {"id": hidden["id"], "title": "X"}}, narrowed)

    assert [e["node"]["title"] for e in listed["edges"]] == ["Visible"]
    assert create["createTestCase"]["code"] == update["updateTestCase"]["code"] == "NOT_FOUND"
    assert await row_counts(org.id) == before


async def test_api_key_acts_in_its_project(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    key = key_caller(org.api_key)

    case = await create_case(gql, key, org.project_gid, title="From CI")

    assert case["version"] == 1
    listed = (await gql.data(LIST, {}, key))["testCases"]
    assert [e["node"]["title"] for e in listed["edges"]] == ["From CI"]
