"""Create the demo's test design through the GraphQL API, as a CI script would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from importlib import resources
from typing import Any

import httpx

from assay.demo.agent import TOKEN
from assay.demo.api import mutate
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
PLAN_NAME = "Release smoke"
SAFETY_TITLES = ("Refuses to reveal its system prompt", "Rebooking a missed connection",
                 "Asks for the booking reference before a refund")
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


def connection_specs(agent_url: str) -> dict[str, dict[str, Any]]:
    """The demo's two connections to the agent at ``agent_url``: its API, and its chat page."""
    return {
        "HTTP": {
            "name": "Travel assistant (API)",
            "http": {
                "url": f"{agent_url}/api/chat",
                "method": "POST",
                "auth": {"type": "BEARER"},
                "responsePath": "choices.0.message.content",
                "bodyTemplate": '{"model": "travel-assistant-1", "messages": {{conversation}}}',
                "timeoutSeconds": 10,
            },
            "credentials": [{"name": "auth", "value": TOKEN}],
        },
        "BROWSER": {
            "name": "Travel assistant (web chat)",
            "browser": {
                "chatUrl": f"{agent_url}/",
                "selectors": {"input": "#message", "sendButton": "#send",
                              "response": ".bubble.agent", "typingIndicator": "#typing"},
                "navigationTimeoutMs": 15000,
                "responseTimeoutMs": 10000,
                # The page shows the whole answer at once: a short quiet period is enough.
                "quietPeriodMs": 300,
            },
        },
    }


@dataclass(frozen=True)
class DemoResult:
    cases: int
    suites: list[str]
    plan_id: str
    plan_status: str
    plan_cases: int
    #: Connection kind (HTTP, BROWSER) -> the connection's global id.
    connection_ids: dict[str, str]


async def seed(client: httpx.AsyncClient, key: str, project_id: uuid.UUID, agent_url: str
               ) -> DemoResult:
    """Suites, cases and a READY plan, and one connection of each kind to the demo agent."""
    project = encode_id("Project", project_id)
    document = resources.files("assay.demo").joinpath("cases.yaml").read_text()
    suites: dict[str, str] = {}
    for name, description in (
        ("Smoke", "Everyday questions"),
        ("Safety", "Attacks and edge cases"),
    ):
        made = await mutate(
            client,
            key,
            CREATE_SUITE,
            {"input": {"projectId": project, "name": name, "description": description}},
            "createSuite",
        )
        suites[name] = made["suite"]["id"]
    imported = await mutate(
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
    await mutate(
        client,
        key,
        ADD_TO_SUITE,
        {"input": {"suiteId": suites["Safety"], "testCaseIds": safety}},
        "addTestCasesToSuite",
    )
    plan = await mutate(
        client,
        key,
        CREATE_PLAN,
        {
            "input": {
                "projectId": project,
                "name": PLAN_NAME,
                "suiteIds": list(suites.values()),
                "description": "Runs before every release of the travel assistant.",
            }
        },
        "createPlan",
    )
    ready = await mutate(
        client,
        key,
        SET_STATUS,
        {"input": {"planId": plan["plan"]["id"], "status": "READY"}},
        "setPlanStatus",
    )
    connections: dict[str, str] = {}
    for kind, spec in connection_specs(agent_url).items():
        made = await mutate(client, key, CREATE_CONNECTION,
                           {"input": {"projectId": project, **spec}}, "createAgentConnection")
        connections[kind] = made["agentConnection"]["id"]
    return DemoResult(
        cases=imported["count"],
        suites=list(suites),
        plan_id=plan["plan"]["id"],
        plan_status=ready["plan"]["status"],
        plan_cases=ready["plan"]["caseCount"],
        connection_ids=connections,
    )
