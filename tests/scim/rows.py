"""SCIM rows for suites that need one of each (tests/security/world.py calls these)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from assay.scim.models import ScimGroup, ScimGroupMember, ScimToken, ScimUser
from tests.support import Caller, GraphQLClient

_CREATE = """
mutation($input: CreateScimTokenInput!) { createScimToken(input: $input) {
  __typename ... on CreateScimTokenSuccess { scimToken { id } } } }
"""


async def write_scim_rows(membership_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """A token, a SCIM user for the membership and a group holding it; call inside
    tenant_transaction."""
    await ScimToken.create(name="Filler", prefix="assay_scim_…filler",
                           token_hash=uuid.uuid4().hex * 2, created_by_id=user_id,
                           expires_at=datetime.now(UTC) + timedelta(days=1))
    user = await ScimUser.create(membership_id=membership_id, user_name="filler",
                                 user_name_key="filler")
    group = await ScimGroup.create(display_name="Filler")
    await ScimGroupMember.create(group_id=group.id, membership_id=user.membership_id)


async def world_scim_token(gql: GraphQLClient, owner: Caller) -> dict[str, str]:
    """The world's node ids of SCIM: a token its owner minted over GraphQL."""
    expires = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    data = await gql.data(_CREATE, {"input": {"name": "World IdP", "expiresAt": expires}},
                          owner)
    result = data["createScimToken"]
    assert result["__typename"] == "CreateScimTokenSuccess", result
    return {"ScimToken": result["scimToken"]["id"]}
