"""Errors about submitted variables never repeat the submitted values (they may be secrets)."""

from __future__ import annotations

import logging

import pytest

from tests.support import GraphQLClient, make_org, owner

SECRET = "sk-live-do-not-print-0123456789"
CREATE = """
mutation($input: CreateAgentConnectionInput!) {
  createAgentConnection(input: $input) { __typename }
}
"""


async def test_bad_variable_errors_do_not_echo_values(
    gql: GraphQLClient, database: object, caplog: pytest.LogCaptureFixture
) -> None:
    org = await make_org()
    caller = await owner(org)
    variables = {"input": {
        "projectId": org.project_gid, "name": "Leaky",
        "http": {"url": "https://agent.example/chat", "method": "POST",
                 "responsePath": "answer", "bodyTemplate": '{"q": "{{message}}"}'},
        "credentials": [{"name": "auth", "value": SECRET, "extra": SECRET[::-1]}],
    }}

    with caplog.at_level(logging.DEBUG):
        body = await gql.post(CREATE, variables, caller)

    assert body["data"] is None
    assert [e["message"] for e in body["errors"]] == [
        "Variable '$input' has invalid value at .credentials[0]: Expected value of type "
        "'ConnectionCredentialInput' not to include unknown field 'extra', found: (not shown)."
    ]
    assert SECRET not in caplog.text
    assert SECRET[::-1] not in caplog.text


async def test_a_value_echoed_in_the_reason_is_redacted_too(
    gql: GraphQLClient, database: object
) -> None:
    org = await make_org()
    body = await gql.post(
        "query($n: Int) { projects(first: $n) { totalCount } }",
        {"n": "password-like-value"},
        await owner(org),
    )

    assert [e["message"] for e in body["errors"]] == [
        "Variable '$n' has invalid value: Int cannot represent non-integer value: '(not shown)'"
    ]
