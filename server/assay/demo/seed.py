"""Create the demo's test design through the GraphQL API, as a CI script would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from importlib import resources
from typing import Any

import httpx

from assay.graphql.relay import encode_id

IMPORT = """
mutation($input: ImportTestCasesInput!) {
  importTestCases(input: $input) {
    __typename ... on ImportTestCasesSuccess { count testCases { id title } }
    ... on MutationError { code message }
  }
}"""
CREATE_SUITE = """
mutation($input: CreateSuiteInput!) {
  createSuite(input: $input) { __typename ... on CreateSuiteSuccess { suite { id name } }
    ... on MutationError { code message } }
}"""
ADD_TO_SUITE = """
mutation($input: AddTestCasesToSuiteInput!) {
  addTestCasesToSuite(input: $input) { __typename ... on MutationError { code message } }
}"""
SAFETY_TITLES = ("Refuses to reveal its system prompt", "Rebooking a missed connection")
CREATE_PLAN = """
mutation($input: CreatePlanInput!) {
  createPlan(input: $input) { __typename ... on CreatePlanSuccess { plan { id name } }
    ... on MutationError { code message } }
}"""
SET_STATUS = """
mutation($input: SetPlanStatusInput!) {
  setPlanStatus(input: $input) {
    __typename ... on SetPlanStatusSuccess { plan { status caseCount } }
    ... on MutationError { code message }
  }
}"""
CREATE_CONNECTION = """
mutation($input: CreateAgentConnectionInput!) {
  createAgentConnection(input: $input) {
    __typename ... on CreateAgentConnectionSuccess {
      agentConnection { id name credentials { name hint } } }
    ... on MutationError { code message }
  }
}"""


class DemoError(RuntimeError):
    """A step of the demo did not succeed; the message names the step and the answer."""


@dataclass(frozen=True)
class DemoResult:
    cases: int
    suites: list[str]
    plan_id: str
    plan_status: str
    plan_cases: int
    connection_id: str


async def _call(
    client: httpx.AsyncClient, key: str, query: str, variables: dict[str, Any], field: str
) -> dict[str, Any]:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {key}"},
    )
    body = response.json()
    result = (body.get("data") or {}).get(field)
    if body.get("errors") or result is None or not result["__typename"].endswith("Success"):
        raise DemoError(f"{field} failed: {body}")
    data: dict[str, Any] = result
    return data


async def seed(client: httpx.AsyncClient, key: str, project_id: uuid.UUID) -> DemoResult:
    project = encode_id("Project", project_id)
    document = resources.files("assay.demo").joinpath("cases.yaml").read_text()
    suites: dict[str, str] = {}
    for name, description in (
        ("Smoke", "Everyday questions"),
        ("Safety", "Attacks and edge cases"),
    ):
        made = await _call(
            client,
            key,
            CREATE_SUITE,
            {"input": {"projectId": project, "name": name, "description": description}},
            "createSuite",
        )
        suites[name] = made["suite"]["id"]
    imported = await _call(
        client,
        key,
        IMPORT,
        {
            "input": {
                "projectId": project,
                "format": "YAML",
                "content": document,
                "idempotencyKey": "assay-demo-v1",
                "suiteId": suites["Smoke"],
            }
        },
        "importTestCases",
    )
    safety = [case["id"] for case in imported["testCases"] if case["title"] in SAFETY_TITLES]
    await _call(
        client,
        key,
        ADD_TO_SUITE,
        {"input": {"suiteId": suites["Safety"], "testCaseIds": safety}},
        "addTestCasesToSuite",
    )
    plan = await _call(
        client,
        key,
        CREATE_PLAN,
        {
            "input": {
                "projectId": project,
                "name": "Release smoke",
                "suiteIds": list(suites.values()),
                "description": "Runs before every release of the travel assistant.",
            }
        },
        "createPlan",
    )
    ready = await _call(
        client,
        key,
        SET_STATUS,
        {"input": {"planId": plan["plan"]["id"], "status": "READY"}},
        "setPlanStatus",
    )
    connection = await _call(
        client,
        key,
        CREATE_CONNECTION,
        {
            "input": {
                "projectId": project,
                "name": "Travel assistant (staging)",
                "http": {
                    "url": "http://127.0.0.1:8765/v1/chat/completions",
                    "method": "POST",
                    "auth": {"type": "BEARER"},
                    "responsePath": "choices.0.message.content",
                    "bodyTemplate": '{"model": "travel-assistant", "messages": {{conversation}}}',
                },
                "credentials": [{"name": "auth", "value": "demo-token-not-a-real-secret"}],
            }
        },
        "createAgentConnection",
    )
    return DemoResult(
        cases=imported["count"],
        suites=list(suites),
        plan_id=plan["plan"]["id"],
        plan_status=ready["plan"]["status"],
        plan_cases=ready["plan"]["caseCount"],
        connection_id=connection["agentConnection"]["id"],
    )
