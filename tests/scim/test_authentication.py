"""Who may call /scim/v2: only a live SCIM token, only in its own organization, within the
rate limit. Refusals are SCIM errors with the RFC 6750 challenge."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import asyncpg
import httpx

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.settings import Settings
from tests.scim.support import ERROR, GROUP, directory, events, last_seq, scim_error
from tests.support import GraphQLClient, key_caller

MISSING = ("send the organization's SCIM token as 'Authorization: Bearer <token>' (an owner or "
           "admin creates one with createScimToken)")
INVALID = ("the SCIM token is invalid, expired or revoked: ask an owner or admin of the "
           "organization for a new one (createScimToken)")

#: The victim's SCIM users and their memberships, as text (equal = nothing changed).
_VICTIM_ROWS = ("SELECT s::text, m::text FROM scim_users s JOIN memberships m ON "
                "m.id = s.membership_id WHERE s.organization_id = $1 ORDER BY 1")


def _refusal(response: httpx.Response) -> tuple[int, str, dict[str, Any]]:
    return response.status_code, response.headers["www-authenticate"], scim_error(response)


async def test_no_token_a_wrong_scheme_and_a_bad_token_get_401_with_a_challenge(
    gql: GraphQLClient,
) -> None:
    world = await directory(gql)
    http = gql.http

    missing = await http.get("/scim/v2/Users")
    basic = await http.get("/scim/v2/Users", headers={"authorization": "Basic YTpi"})
    forged = world.token[:-4] + "AAAA"
    bad = await http.get("/scim/v2/Users", headers={"authorization": f"Bearer {forged}"})
    api_key = await http.get("/scim/v2/Users", headers=key_caller(world.org.api_key).headers)

    realm = 'Bearer realm="Assay SCIM"'
    assert _refusal(missing) == (401, realm, {"schemas": [ERROR], "status": "401",
                                              "detail": MISSING})
    assert _refusal(basic) == (401, realm, {
        "schemas": [ERROR], "status": "401",
        "detail": "send the SCIM token as 'Authorization: Bearer <token>'"})
    invalid = (401, f'{realm}, error="invalid_token"',
               {"schemas": [ERROR], "status": "401", "detail": INVALID})
    assert _refusal(bad) == invalid
    assert _refusal(api_key) == invalid  # an API key is not a SCIM token


async def test_a_scim_token_is_not_an_api_key(gql: GraphQLClient) -> None:
    world = await directory(gql)

    body = await gql.post("{ viewer { kind } }", caller=key_caller(world.token))

    assert body["_status"] == 401
    assert body["errors"][0]["message"] == "the API key is invalid, expired or revoked"


async def test_an_expired_token_gets_401(gql: GraphQLClient, owner_db: asyncpg.Connection
                                         ) -> None:
    world = await directory(gql)
    await owner_db.execute("UPDATE scim_tokens SET expires_at = now() - interval '1 second' "
                           "WHERE organization_id = $1", world.org.id)

    response = await world.scim.get("/ServiceProviderConfig")

    assert _refusal(response)[2]["detail"] == INVALID
    assert response.status_code == 401


async def test_the_rate_limit_counts_per_token_and_answers_429(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], settings: Settings, redis_dsn: str,
) -> None:
    world = await directory(gql)
    app = create_app(dataclasses.replace(settings, api_rate_limit=2), database["app"])
    headers = {"authorization": f"Bearer {world.token}"}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as http:
        answers = [await http.get("/scim/v2/Users", headers=headers) for _ in range(3)]

    assert [(r.status_code, r.headers["ratelimit-remaining"]) for r in answers] == [
        (200, "1"), (200, "0"), (429, "0")]
    over = answers[2]
    reset = over.headers["ratelimit-reset"]
    assert over.headers["retry-after"] == reset
    assert scim_error(over)["detail"] == (
        f"over 2 requests a minute for this SCIM token: wait {reset} s (Retry-After), then "
        "send fewer")


async def test_a_token_never_sees_or_touches_another_organizations_users(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    victim = await directory(gql, "Victim")
    attacker = await directory(gql, "Attacker")
    theirs = await victim.scim.create_user(f"target-{uuid.uuid4().hex[:8]}@example.com")
    group = await attacker.scim.ok("POST", "/Groups", {"schemas": [GROUP],
                                                       "displayName": "Mine"}, 201)
    before = await owner_db.fetch(_VICTIM_ROWS, victim.org.id)
    victim_events = await last_seq(owner_db, victim.org.id)
    random_id = str(uuid.uuid4())

    def calls(resource_id: str) -> list[tuple[str, str, Any]]:
        return [("GET", f"/Users/{resource_id}", None),
                ("PUT", f"/Users/{resource_id}", {"userName": "stolen@example.com"}),
                ("PATCH", f"/Users/{resource_id}", {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{"op": "replace", "value": {"active": False}}]}),
                ("DELETE", f"/Users/{resource_id}", None)]

    foreign = [await attacker.scim.call(m, p, b) for m, p, b in calls(theirs["id"])]
    unknown = [await attacker.scim.call(m, p, b) for m, p, b in calls(random_id)]
    listed = await attacker.scim.ok("GET", f'/Users?filter=userName eq "{theirs["userName"]}"')
    joined = await attacker.scim.patch(f"/Groups/{group['id']}", {
        "op": "add", "path": "members", "value": [{"value": theirs["id"]}]})

    assert [(r.status_code, r.json()) for r in foreign] == [
        (r.status_code, r.json()) for r in unknown]
    assert [r.status_code for r in foreign] == [404, 404, 404, 404]
    assert scim_error(foreign[0])["detail"] == (
        "no User with this id in this organization: list /Users (with a filter) to find its id")
    assert (listed["totalResults"], listed["Resources"]) == (0, [])
    assert (joined.status_code, scim_error(joined)["scimType"]) == (400, "invalidValue")
    assert scim_error(joined)["detail"] == (
        f"members: no User with id {theirs['id']!r} in this organization: create users with "
        "POST /Users first, and add them by their id")
    after = await owner_db.fetch(_VICTIM_ROWS, victim.org.id)
    assert after == before
    assert await events(owner_db, victim.org.id, victim_events) == []
