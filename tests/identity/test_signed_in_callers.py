"""A signed-in caller may use the public sign-up and sign-in mutations: their nested tenant
transactions hand the caller's organization back, so later fields of the same operation
still act in the caller's organization."""

from __future__ import annotations

import asyncpg

from tests.identity.flows import PASSWORD, new_email
from tests.support import GraphQLClient, make_org, owner

BOTH = """
mutation($email: String!, $password: String!, $project: ID!) {
  signUp(email: $email, password: $password, organizationName: "Nested Co") { __typename }
  createSuite(input: {projectId: $project, name: "After sign-up"}) {
    __typename ... on CreateSuiteSuccess { suite { name } }
  }
}
"""


async def test_sign_up_then_a_write_in_one_operation_stays_in_the_callers_organization(
    gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org("Caller")
    caller = await owner(org)
    email = new_email()

    data = await gql.data(BOTH, {"email": email, "password": PASSWORD,
                                 "project": org.project_gid}, caller)

    assert data == {"signUp": {"__typename": "SignUpSuccess"},
                    "createSuite": {"__typename": "CreateSuiteSuccess",
                                    "suite": {"name": "After sign-up"}}}
    assert await owner_db.fetchval(
        "SELECT organization_id FROM suites WHERE name = 'After sign-up'") == org.id
    assert await owner_db.fetchval(
        "SELECT o.name FROM organizations o JOIN memberships m ON m.organization_id = o.id "
        "JOIN users u ON u.id = m.user_id WHERE u.email = $1", email) == "Nested Co"
