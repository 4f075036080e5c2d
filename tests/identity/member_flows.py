"""Members and invitations over GraphQL: the documents, people to invite and manage, and
the ``mail_gql`` fixture (reaching tests through ``tests/identity/conftest.py``)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from assay.auth import sessions
from assay.auth.models import User
from assay.organizations.models import Role
from tests.support import Caller, GraphQLClient, Org, gid, make_org, session_headers

_ERRORS = ("... on ConflictError { code message } ... on ValidationError { code message } "
           "... on NotFoundError { code message }")
INVITATION = "id email role allProjects projects { id } invitedBy expiresAt revokedAt"
MEMBER = "id email role allProjects projects { id }"

INVITE = f"""
mutation($email: String!, $role: Role!, $projectIds: [ID!]) {{
  inviteMember(email: $email, role: $role, projectIds: $projectIds) {{
    __typename ... on InviteMemberSuccess {{ invitation {{ {INVITATION} }} }} {_ERRORS}
  }}
}}
"""
ACCEPT = """
mutation($token: String!) { acceptInvitation(token: $token) {
  __typename ... on AcceptInvitationSuccess { organizationId role }
  ... on ConflictError { code message } } }
"""
CHANGE_ROLE = f"""
mutation($memberId: ID!, $role: Role!) {{ changeMemberRole(memberId: $memberId, role: $role) {{
  __typename ... on ChangeMemberRoleSuccess {{ member {{ {MEMBER} }} }} {_ERRORS} }} }}
"""
REMOVE = f"""
mutation($memberId: ID!) {{ removeMember(memberId: $memberId) {{
  __typename ... on RemoveMemberSuccess {{ removedMemberId apiKeysRevoked sessionsRevoked }}
  {_ERRORS} }} }}
"""
REVOKE_INVITATION = f"""
mutation($invitationId: ID!) {{ revokeInvitation(invitationId: $invitationId) {{
  __typename ... on RevokeInvitationSuccess {{ invitation {{ {INVITATION} }} }} {_ERRORS} }} }}
"""
MEMBERS = f"""
query($first: Int, $after: String) {{ members(first: $first, after: $after) {{
  totalCount edges {{ node {{ {MEMBER} }} }} pageInfo {{ hasNextPage endCursor }} }} }}
"""
INVITATIONS = f"{{ invitations {{ totalCount edges {{ node {{ {INVITATION} }} }} }} }}"
VIEWER = "{ viewer { kind role organizationId } }"


@pytest.fixture
async def mail_gql(identity_app: Starlette) -> AsyncIterator[GraphQLClient]:
    """GraphQL on the application that mails through the loopback SMTP server."""
    transport = httpx.ASGITransport(app=identity_app, client=("198.51.100.4", 41000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        yield GraphQLClient(http)


def address(label: str = "invitee") -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}@example.com"


async def person(email: str | None = None, *, verified: bool = True) -> User:
    return await User.create(email=email or address("person"),
                             email_verified_at=datetime.now(UTC) if verified else None)


async def signed_in(user: User, org: Org | None = None) -> Caller:
    """A session of ``user``, acting in ``org`` (or in their only organization)."""
    token = await sessions.issue(user.id)
    headers = session_headers(token, org.id) if org else {
        "cookie": f"{sessions.COOKIE}={token}", "x-assay-csrf": "1"}
    return Caller(headers=headers, user_id=user.id)


def in_org(caller: Caller, org: Org) -> Caller:
    """The same session acting in another organization of the person."""
    return Caller(headers={**caller.headers, sessions.ORG_HEADER: str(org.id)},
                  user_id=caller.user_id)


async def person_with_own_org(*, verified: bool = True) -> tuple[User, Org]:
    """Someone who signed up earlier: the owner of an organization of their own."""
    org = await make_org("Their own")
    user = await User.get(id=org.owner_id)
    if verified:
        user.email_verified_at = datetime.now(UTC)
        await user.save(update_fields=["email_verified_at"])
    return user, org


async def result(gql: GraphQLClient, query: str, variables: dict[str, Any],
                 caller: Caller) -> Any:
    """The one root field's value; the request must have no GraphQL errors."""
    data = await gql.data(query, variables, caller)
    return next(iter(data.values()))


async def invite(gql: GraphQLClient, caller: Caller, email: str, role: Role = Role.MEMBER,
                 projects: list[str] | None = None) -> Any:
    return await result(gql, INVITE, {"email": email, "role": role.value,
                                       "projectIds": projects}, caller)


async def member_id(gql: GraphQLClient, caller: Caller, email: str) -> str:
    """The Member id of ``email`` as the members query shows it."""
    listed = await result(gql, MEMBERS, {"first": 100}, caller)
    [found] = [e["node"]["id"] for e in listed["edges"] if e["node"]["email"] == email]
    return str(found)


def membership_gid(membership_id: uuid.UUID) -> str:
    return gid("Member", membership_id)
