"""SCIM tokens over GraphQL: shown once, stored as a hash, bounded lifetime, revocable."""

from __future__ import annotations

import hashlib
import re

import asyncpg

from tests.scim.support import BASE, CREATE_TOKEN, directory, events, last_seq, later, mint
from tests.support import GraphQLClient, make_org, owner

TOKENS = "{ scimTokens { totalCount edges { node { id name prefix revokedAt lastUsedAt } } } }"
REVOKE = """
mutation($id: ID!) { revokeScimToken(id: $id) {
  __typename ... on RevokeScimTokenSuccess { scimToken { id revokedAt } }
  ... on ConflictError { code message } ... on NotFoundError { code message } } }
"""


async def test_a_token_is_shown_once_and_stored_as_its_hash(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    org = await make_org("Tokens")
    boss = await owner(org)
    seq = await last_seq(owner_db, org.id)

    minted = await mint(gql, boss, "Okta production")
    listed = await gql.data(TOKENS, caller=boss)

    secret = minted["secret"]
    assert re.fullmatch(rf"assay_scim_{org.id.hex}_[A-Za-z0-9_-]{{43}}", secret)
    assert minted["baseUrl"] == BASE
    random_part = secret[len(f"assay_scim_{org.id.hex}_"):]
    assert minted["scimToken"]["prefix"] == f"assay_scim_…{random_part[:6]}"
    assert listed["scimTokens"] == {"totalCount": 1, "edges": [{"node": {
        "id": minted["scimToken"]["id"], "name": "Okta production",
        "prefix": minted["scimToken"]["prefix"], "revokedAt": None, "lastUsedAt": None}}]}
    row = await owner_db.fetchrow("SELECT s::text AS text, token_hash FROM scim_tokens s "
                                  "WHERE organization_id = $1", org.id)
    assert row["token_hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in row["text"]
    assert await events(owner_db, org.id, seq) == [("scim_token.create", "user", "ScimToken")]


async def test_a_token_lives_one_day_to_two_years(gql: GraphQLClient) -> None:
    org = await make_org("Lifetimes")
    boss = await owner(org)

    results = [(await gql.data(CREATE_TOKEN, {"input": {"name": "Okta", "expiresAt": when}},
                               boss))["createScimToken"]
               for when in (later(732), later(0), "2027-01-01T00:00:00")]
    blank = (await gql.data(CREATE_TOKEN, {"input": {"name": " ", "expiresAt": later()}},
                            boss))["createScimToken"]

    assert [r["issues"] for r in results] == [
        [{"path": ["expiresAt"], "code": "OUT_OF_RANGE",
          "message": "a SCIM token must expire between 1 day and 2 years from now"}],
        [{"path": ["expiresAt"], "code": "OUT_OF_RANGE",
          "message": "a SCIM token must expire between 1 day and 2 years from now"}],
        [{"path": ["expiresAt"], "code": "INVALID",
          "message": "give the expiry with a time zone, e.g. 2027-01-31T00:00:00Z"}]]
    assert blank["issues"] == [{"path": ["name"], "code": "INVALID",
                                "message": "give the token a name of 1 to 200 characters, "
                                           "e.g. Okta"}]
    assert (await gql.data(TOKENS, caller=boss))["scimTokens"]["totalCount"] == 0


async def test_a_revoked_token_is_refused_at_once_and_revokes_once(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    seq = await last_seq(owner_db, world.org.id)
    before = await world.scim.get("/Users")

    revoked = await gql.data(REVOKE, {"id": world.token_id}, world.owner)
    again = await gql.data(REVOKE, {"id": world.token_id}, world.owner)
    after = await world.scim.get("/Users")

    assert before.status_code == 200
    assert revoked["revokeScimToken"]["scimToken"]["revokedAt"] is not None
    assert again["revokeScimToken"] == {"__typename": "ConflictError", "code": "ALREADY_REVOKED",
                                        "message": "this SCIM token is already revoked"}
    assert after.status_code == 401
    assert after.json()["detail"] == (
        "the SCIM token is invalid, expired or revoked: ask an owner or admin of the "
        "organization for a new one (createScimToken)")
    # The first request records the token's use (once an hour at most); nothing after it.
    assert await events(owner_db, world.org.id, seq) == [
        ("scim_token.use", "scim_token", "ScimToken"), ("scim_token.revoke", "user", "ScimToken")]
