from __future__ import annotations

from assay.organizations.models import Role
from tests.support import GraphQLClient, error_codes, key_caller, make_org, member, owner

CREATE = """
mutation($name: String!) {
  createProject(input: {name: $name}) {
    __typename
    ... on CreateProjectSuccess { project { id name } }
    ... on ConflictError { code message }
    ... on ValidationError { code issues { path message code } }
  }
}
"""
LIST = "{ projects(first: 10) { totalCount edges { node { name } } } }"


async def test_owner_creates_project_and_lists_it(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)

    data = await gql.data(CREATE, {"name": "Checkout bot"}, caller)

    assert data["createProject"]["__typename"] == "CreateProjectSuccess"
    assert data["createProject"]["project"]["name"] == "Checkout bot"
    listed = await gql.data(LIST, caller=caller)
    assert listed["projects"]["totalCount"] == 2
    assert [e["node"]["name"] for e in listed["projects"]["edges"]] == ["Default", "Checkout bot"]


async def test_duplicate_name_is_a_conflict(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await owner(org)

    data = await gql.data(CREATE, {"name": "Default"}, caller)

    assert data["createProject"] == {
        "__typename": "ConflictError",
        "code": "DUPLICATE_NAME",
        "message": "a project named 'Default' already exists: choose another name",
    }


async def test_member_cannot_create_project(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    caller = await member(org, Role.MEMBER)

    body = await gql.post(CREATE, {"name": "Nope"}, caller)

    assert error_codes(body) == ["FORBIDDEN"]
    listed = await gql.data(LIST, caller=await owner(org))
    assert listed["projects"]["totalCount"] == 1


async def test_api_key_sees_only_its_project(gql: GraphQLClient, database: object) -> None:
    org = await make_org()
    await gql.data(CREATE, {"name": "Other"}, await owner(org))

    listed = await gql.data(LIST, caller=key_caller(org.api_key))

    assert listed["projects"]["totalCount"] == 1
    assert listed["projects"]["edges"][0]["node"]["name"] == "Default"
