"""Deactivation through SCIM: the person's sessions and API keys stop acting in the
organization on their next request, and work again on reactivation; owners are exempt."""

from __future__ import annotations

import asyncpg

from assay.auth.sessions import SUSPENDED
from assay.organizations.models import Role
from tests.scim.people import api_key_of, session_of
from tests.scim.support import Access, access, address, directory, person, scim_error
from tests.support import Caller, GraphQLClient, error_codes, make_org, member

VIEWER = "{ viewer { kind role organizationId } }"
KEY_REFUSED = "the API key is invalid, expired or revoked"


async def _viewer(gql: GraphQLClient, caller: Caller) -> tuple[int, list[str], str]:
    body = await gql.post(VIEWER, caller=caller)
    if body.get("errors"):
        return body["_status"], error_codes(body), body["errors"][0]["message"]
    return body["_status"], [], body["data"]["viewer"]["role"]


async def test_deactivation_stops_sessions_and_keys_and_reactivation_restores_them(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address())
    who = await person(owner_db, created["id"])
    session = await session_of(who.user_id, world.org)
    key = await api_key_of(world.org, who.user_id)
    path = f"/Users/{created['id']}"
    working = [await _viewer(gql, c.caller) for c in (session, key)]

    await world.scim.patch(path, {"op": "replace", "value": {"active": False}})  # Okta
    suspended = [await _viewer(gql, c.caller) for c in (session, key)]
    suspended_access = await access(owner_db, who.membership_id)
    await world.scim.patch(path, {"op": "Replace", "path": "active", "value": "True"})  # Entra
    restored = [await _viewer(gql, c.caller) for c in (session, key)]

    assert working == [(200, [], "MEMBER"), (200, [], "MEMBER")]
    assert suspended == [(401, ["UNAUTHENTICATED"], SUSPENDED),
                         (401, ["UNAUTHENTICATED"], KEY_REFUSED)]
    assert suspended_access == Access("MEMBER", None, True)
    assert restored == working
    assert await access(owner_db, who.membership_id) == Access("MEMBER", None, False)


async def test_a_suspension_is_only_in_the_organization_that_made_it(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    other = await make_org("Other")
    elsewhere = await member(other, Role.VIEWER)
    assert elsewhere.user_id is not None
    email = await owner_db.fetchval("SELECT email FROM users WHERE id = $1", elsewhere.user_id)
    created = await world.scim.create_user(email)
    await world.scim.patch(f"/Users/{created['id']}",
                           {"op": "replace", "path": "active", "value": False})
    unnamed = await session_of(elsewhere.user_id)  # no organization header
    here = await session_of(elsewhere.user_id, world.org)

    assert await _viewer(gql, unnamed.caller) == (200, [], "VIEWER")  # the one left: Other
    assert await _viewer(gql, here.caller) == (401, ["UNAUTHENTICATED"], SUSPENDED)
    assert await _viewer(gql, elsewhere) == (200, [], "VIEWER")


async def test_a_deleted_member_of_another_organization_keeps_their_sessions(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    other = await make_org("Other")
    elsewhere = await member(other, Role.MEMBER)
    email = await owner_db.fetchval("SELECT email FROM users WHERE id = $1", elsewhere.user_id)
    created = await world.scim.create_user(email)

    deleted = await world.scim.call("DELETE", f"/Users/{created['id']}")

    assert deleted.status_code == 204
    assert await _viewer(gql, elsewhere) == (200, [], "MEMBER")


async def test_an_owner_can_be_linked_but_neither_deactivated_nor_deleted(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    email = await owner_db.fetchval("SELECT email FROM users WHERE id = $1", world.org.owner_id)
    inactive = await world.scim.call("POST", "/Users", {"userName": email, "active": False,
                                                        "emails": [{"value": email}]})
    linked = await world.scim.create_user(email)
    who = await person(owner_db, linked["id"])
    path = f"/Users/{linked['id']}"

    refused = [
        inactive,
        await world.scim.patch(path, {"op": "replace", "value": {"active": False}}),
        await world.scim.call("PUT", path, {"userName": email, "active": False}),
        await world.scim.call("DELETE", path),
    ]

    detail = ("this person is an OWNER of the organization: SCIM can neither deactivate nor "
              "delete an owner (break-glass access); another owner can change their role in "
              "Assay first")
    assert [(r.status_code, scim_error(r)["detail"]) for r in refused] == [(403, detail)] * 4
    assert "scimType" not in refused[0].json()
    assert await access(owner_db, who.membership_id) == Access("OWNER", None, False)
    assert await world.scim.ok("GET", path) == linked
    assert await _viewer(gql, world.owner) == (200, [], "OWNER")
