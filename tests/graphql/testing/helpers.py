"""GraphQL documents and set-up steps shared by the test design API tests."""

from __future__ import annotations

import json
from typing import Any

from tests.support import Caller, GraphQLClient
from tests.testing.cases_support import simple_case

ERRORS = """
    ... on MutationError { code message }
    ... on ValidationError { issues { path code message } }
"""
CASE_FIELDS = """
    id title mode input turns expectedOutput context tags category difficulty language
    status asserts version createdAt updatedAt project { name }
"""

CREATE_CASE = f"""
mutation($input: CreateTestCaseInput!) {{
  createTestCase(input: $input) {{
    __typename
    ... on CreateTestCaseSuccess {{ testCase {{ {CASE_FIELDS} }} }}
    {ERRORS}
  }}
}}
"""
UPDATE_CASE = f"""
mutation($input: UpdateTestCaseInput!) {{
  updateTestCase(input: $input) {{
    __typename
    ... on UpdateTestCaseSuccess {{ changed testCase {{ {CASE_FIELDS} }} }}
    {ERRORS}
  }}
}}
"""
ARCHIVE_CASE = f"""
mutation($id: ID!) {{
  archiveTestCase(input: {{id: $id}}) {{
    __typename
    ... on ArchiveTestCaseSuccess {{ changed testCase {{ id status version }} }}
    {ERRORS}
  }}
}}
"""
CREATE_SUITE = f"""
mutation($input: CreateSuiteInput!) {{
  createSuite(input: $input) {{
    __typename
    ... on CreateSuiteSuccess {{ suite {{ id name description tags testCaseCount }} }}
    {ERRORS}
  }}
}}
"""
ADD_CASES = f"""
mutation($suiteId: ID!, $ids: [ID!]!) {{
  addTestCasesToSuite(input: {{suiteId: $suiteId, testCaseIds: $ids}}) {{
    __typename
    ... on AddTestCasesToSuiteSuccess {{ addedCount suite {{ testCaseCount }} }}
    {ERRORS}
  }}
}}
"""
REMOVE_CASES = f"""
mutation($suiteId: ID!, $ids: [ID!]!) {{
  removeTestCasesFromSuite(input: {{suiteId: $suiteId, testCaseIds: $ids}}) {{
    __typename
    ... on RemoveTestCasesFromSuiteSuccess {{ removedCount suite {{ testCaseCount }} }}
    {ERRORS}
  }}
}}
"""
PLAN_FIELDS = "id name description status caseCount suites { name } project { name }"
CREATE_PLAN = f"""
mutation($input: CreatePlanInput!) {{
  createPlan(input: $input) {{
    __typename
    ... on CreatePlanSuccess {{ plan {{ {PLAN_FIELDS} }} }}
    {ERRORS}
  }}
}}
"""
ADD_SUITES = f"""
mutation($planId: ID!, $ids: [ID!]!) {{
  addSuitesToPlan(input: {{planId: $planId, suiteIds: $ids}}) {{
    __typename
    ... on AddSuitesToPlanSuccess {{ addedCount plan {{ {PLAN_FIELDS} }} }}
    {ERRORS}
  }}
}}
"""
SET_STATUS = f"""
mutation($planId: ID!, $status: PlanStatus!) {{
  setPlanStatus(input: {{planId: $planId, status: $status}}) {{
    __typename
    ... on SetPlanStatusSuccess {{ changed plan {{ status }} }}
    {ERRORS}
  }}
}}
"""
IMPORT = f"""
mutation($input: ImportTestCasesInput!) {{
  importTestCases(input: $input) {{
    __typename
    ... on ImportTestCasesSuccess {{
      count replayed suite {{ name testCaseCount }} testCases {{ id title version }}
    }}
    {ERRORS}
  }}
}}
"""
EXPORT = """
query($projectId: ID!, $format: TestCaseFormat!, $suiteId: ID, $statuses: [TestCaseStatus!]) {
  exportTestCases(projectId: $projectId, format: $format, suiteId: $suiteId,
                  statuses: $statuses) { format count content }
}
"""


async def ok(gql: GraphQLClient, document: str, variables: dict[str, Any], caller: Caller,
             field: str) -> dict[str, Any]:
    """The result of a mutation that must succeed (its __typename ends in Success)."""
    result: dict[str, Any] = (await gql.data(document, variables, caller))[field]
    assert result["__typename"].endswith("Success"), result
    return result


async def create_case(gql: GraphQLClient, caller: Caller, project_id: str,
                      **fields: Any) -> dict[str, Any]:
    content = {"title": "Refund window", "input": "How long do I have for a refund?",
               "expectedOutput": "30 days.", **fields}
    result = await ok(gql, CREATE_CASE, {"input": {"projectId": project_id, **content}}, caller,
                      "createTestCase")
    case: dict[str, Any] = result["testCase"]
    return case


async def create_suite(gql: GraphQLClient, caller: Caller, project_id: str, name: str,
                       case_ids: list[str] | None = None) -> str:
    result = await ok(gql, CREATE_SUITE, {"input": {"projectId": project_id, "name": name}},
                      caller, "createSuite")
    suite_id: str = result["suite"]["id"]
    if case_ids:
        await ok(gql, ADD_CASES, {"suiteId": suite_id, "ids": case_ids}, caller,
                 "addTestCasesToSuite")
    return suite_id


async def import_simple_cases(gql: GraphQLClient, caller: Caller, project_id: str,
                              titles: list[str], key: str) -> list[str]:
    """Import a SIMPLE case per title (one JSON document) and return their ids, in order."""
    document = json.dumps([simple_case(title) for title in titles])
    result = await ok(gql, IMPORT, {"input": {"projectId": project_id, "format": "JSON",
                                              "content": document, "idempotencyKey": key}},
                      caller, "importTestCases")
    return [case["id"] for case in result["testCases"]]


async def create_project(gql: GraphQLClient, caller: Caller, name: str) -> str:
    document = "mutation($n: String!) { createProject(input: {name: $n}) { "\
        "... on CreateProjectSuccess { project { id } } } }"
    project_id: str = (await gql.data(document, {"n": name}, caller))["createProject"][
        "project"]["id"]
    return project_id
