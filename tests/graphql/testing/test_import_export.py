"""importTestCases and exportTestCases through the API."""

from __future__ import annotations

import json
from typing import Any

from assay.organizations.models import Role
from tests.graphql.testing.helpers import EXPORT, IMPORT, create_project, create_suite, ok
from tests.support import GraphQLClient, error_codes, key_caller, make_org, member, owner
from tests.testing.cases_support import chat_case, row_counts, simple_case

DOCUMENT = json.dumps([simple_case("First"), chat_case("Second")], indent=2)
LIST = "{ testCases(statuses: [DRAFT, ACTIVE]) { totalCount edges { node { title } } } }"


def _import(project_id: str, content: str = DOCUMENT, key: str = "k-1", fmt: str = "JSON",
            **extra: Any) -> dict[str, Any]:
    return {"input": {"projectId": project_id, "format": fmt, "content": content,
                      "idempotencyKey": key, **extra}}


async def test_import_into_a_suite_then_replay(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    suite = await create_suite(gql, caller, org.project_gid, "Imported")

    first = await ok(gql, IMPORT, _import(org.project_gid, suiteId=suite), caller,
                     "importTestCases")
    before = await row_counts(org.id)
    again = await ok(gql, IMPORT, _import(org.project_gid, suiteId=suite), caller,
                     "importTestCases")

    assert (first["count"], first["replayed"], first["suite"]) == (
        2, False, {"name": "Imported", "testCaseCount": 2})
    assert [(c["title"], c["version"]) for c in first["testCases"]] == [
        ("First", 1), ("Second", 1)]
    assert (again["replayed"], again["testCases"]) == (True, first["testCases"])
    assert await row_counts(org.id) == before


async def test_reused_key_with_another_document(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    await ok(gql, IMPORT, _import(org.project_gid), caller, "importTestCases")
    before = await row_counts(org.id)

    result = (await gql.data(IMPORT, _import(org.project_gid, fmt="YAML",
                                             content="- title: X\n  input: Y\n"), caller))

    assert result["importTestCases"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert await row_counts(org.id) == before


async def test_bad_rows_are_reported_by_line(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    before = await row_counts(org.id)
    csv = ("title,mode,input,turns,tags\n"
           "Fine,SIMPLE,Hello,,\n"
           "Broken,SIMPLE,,\"[\"\"Hi\"\"]\",\n"
           ",SIMPLE,Hello,,\n")

    result = (await gql.data(IMPORT, _import(org.project_gid, fmt="CSV", content=csv),
                             caller))["importTestCases"]

    assert result["__typename"] == "ValidationError"
    assert [(i["path"], i["code"]) for i in result["issues"]] == [
        (["input", "content", "line", "3", "input"], "REQUIRED"),
        (["input", "content", "line", "3", "turns"], "NOT_APPLICABLE"),
        (["input", "content", "line", "4", "title"], "REQUIRED"),
    ]
    assert [i["message"][:8] for i in result["issues"]] == ["line 3: ", "line 3: ", "line 4: "]
    assert await row_counts(org.id) == before
    listed = (await gql.data(LIST, caller=caller))["testCases"]
    assert listed["totalCount"] == 0


async def test_export_and_import_round_trip(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    second = await create_project(gql, caller, "Copy")
    await ok(gql, IMPORT, _import(org.project_gid), caller, "importTestCases")

    export = (await gql.data(EXPORT, {"projectId": org.project_gid, "format": "YAML"},
                             caller))["exportTestCases"]
    copied = await ok(gql, IMPORT, _import(second, fmt="YAML", content=export["content"]),
                      caller, "importTestCases")
    back = (await gql.data(EXPORT, {"projectId": second, "format": "YAML"}, caller))[
        "exportTestCases"]

    assert (export["format"], export["count"]) == ("YAML", 2)
    assert (copied["count"], copied["replayed"]) == (2, False)
    assert back == export


async def test_export_of_a_suite_and_statuses(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)
    imported = await ok(gql, IMPORT, _import(org.project_gid), caller, "importTestCases")
    suite = await create_suite(gql, caller, org.project_gid, "One",
                               [imported["testCases"][1]["id"]])

    in_suite = (await gql.data(EXPORT, {"projectId": org.project_gid, "format": "JSON",
                                        "suiteId": suite}, caller))["exportTestCases"]
    drafts = (await gql.data(EXPORT, {"projectId": org.project_gid, "format": "CSV",
                                      "statuses": ["DRAFT"]}, caller))["exportTestCases"]

    assert in_suite["count"] == 1
    assert "Second" in in_suite["content"] and "First" not in in_suite["content"]
    assert drafts["count"] == 0


async def test_permissions_and_other_organizations(gql: GraphQLClient, database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    before = await row_counts(org.id)
    viewer = await member(org, Role.VIEWER)

    denied = await gql.post(IMPORT, _import(org.project_gid), viewer)
    foreign = await gql.data(IMPORT, _import(org.project_gid), await owner(stranger))
    export = await gql.post(EXPORT, {"projectId": org.project_gid, "format": "JSON"},
                            await owner(stranger))
    viewer_export = await gql.data(EXPORT, {"projectId": org.project_gid, "format": "JSON"},
                                   viewer)

    assert (error_codes(denied), denied["data"]) == (["FORBIDDEN"], None)
    assert foreign["importTestCases"]["code"] == "NOT_FOUND"
    assert (error_codes(export), export["data"]) == (["NOT_FOUND"], None)
    assert viewer_export["exportTestCases"]["count"] == 0
    assert await row_counts(org.id) == before


async def test_write_key_imports_into_its_project(gql: GraphQLClient, database: object) -> None:
    org = await make_org()

    result = await ok(gql, IMPORT, _import(org.project_gid), key_caller(org.api_key),
                      "importTestCases")

    assert result["count"] == 2
