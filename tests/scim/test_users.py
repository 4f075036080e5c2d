"""/Users (RFC 7644 §3.3-3.6): create or link, read, filter, page, replace, patch in the
shapes Okta and Entra ID send, version checks, delete."""

from __future__ import annotations

from typing import Any

import asyncpg

from assay.organizations.models import Role
from tests.scim.people import api_key_of, session_of
from tests.scim.support import (
    BASE,
    LIST,
    PATCH,
    USER,
    Access,
    access,
    address,
    directory,
    person,
    scim_error,
)
from tests.support import GraphQLClient, make_org, member


def _dynamic(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource without its server-made parts (checked on their own)."""
    return {k: v for k, v in resource.items() if k not in ("id", "meta")}


async def test_create_makes_a_person_and_a_member_and_answers_the_resource(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    email = address()

    response = await world.scim.call("POST", "/Users", {
        "schemas": [USER], "userName": email.upper(), "externalId": "00u1",
        "name": {"givenName": "Ada", "familyName": "Lovelace", "middleName": "Augusta"},
        "emails": [{"value": email.upper(), "type": "Work", "primary": "true"}],
        "title": "Countess", "phoneNumbers": [{"value": "+44 20 0000 0000"}]})

    created = response.json()
    assert response.status_code == 201
    assert _dynamic(created) == {
        "schemas": [USER], "userName": email.upper(), "externalId": "00u1",
        "name": {"givenName": "Ada", "familyName": "Lovelace"},
        "emails": [{"value": email, "type": "work", "primary": True}], "active": True,
        "groups": []}
    location = f"{BASE}/Users/{created['id']}"
    assert created["meta"] == {"resourceType": "User", "created": created["meta"]["created"],
                               "lastModified": created["meta"]["created"],
                               "location": location, "version": 'W/"1"'}
    assert (response.headers["location"], response.headers["etag"]) == (location, 'W/"1"')
    who = await person(owner_db, created["id"])
    user = await owner_db.fetchrow("SELECT email, display_name, email_verified_at FROM users "
                                   "WHERE id = $1", who.user_id)
    assert dict(user) == {"email": email, "display_name": "Ada Lovelace",
                          "email_verified_at": None}
    assert await access(owner_db, who.membership_id) == Access("MEMBER", None, False)
    assert await world.scim.ok("GET", f"/Users/{created['id']}") == created


async def test_create_links_an_existing_person_and_an_existing_member(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    elsewhere = await make_org("Elsewhere")
    outsider = await member(elsewhere, Role.ADMIN)
    insider = await member(world.org, Role.VIEWER)
    emails = [await owner_db.fetchval("SELECT email FROM users WHERE id = $1", c.user_id)
              for c in (outsider, insider)]

    linked = [await world.scim.create_user(f"user{i}", e) for i, e in enumerate(emails)]

    people = [await person(owner_db, u["id"]) for u in linked]
    assert [p.user_id for p in people] == [outsider.user_id, insider.user_id]
    memberships = await owner_db.fetch(
        "SELECT organization_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at",
        outsider.user_id)
    assert [tuple(m) for m in memberships] == [(elsewhere.id, "ADMIN"), (world.org.id, "MEMBER")]
    # The identity provider manages the linked member now: no group, the default role.
    assert await access(owner_db, people[1].membership_id) == Access("MEMBER", None, False)
    assert await owner_db.fetchval("SELECT count(*) FROM memberships WHERE user_id = $1 AND "
                                   "organization_id = $2", insider.user_id, world.org.id) == 1


async def test_user_name_and_person_are_unique_in_the_organization(gql: GraphQLClient) -> None:
    world = await directory(gql)
    email = address()
    await world.scim.create_user(email)

    same_name = await world.scim.call("POST", "/Users", {"userName": email.upper(),
                                                         "emails": [{"value": address()}]})
    same_person = await world.scim.call("POST", "/Users", {"userName": "other",
                                                           "emails": [{"value": email}]})

    assert (same_name.status_code, scim_error(same_name)) == (409, {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409",
        "scimType": "uniqueness",
        "detail": f"userName {email.upper()!r} is already taken in this organization: choose "
                  f"another, or find its user with filter=userName eq \"{email.upper()}\""})
    assert (same_person.status_code, scim_error(same_person)["detail"]) == (
        409, f"{email} is already provisioned in this organization under another userName: "
             f"find it with filter=emails.value eq \"{email}\"")
    assert (await world.scim.ok("GET", "/Users"))["totalResults"] == 1


async def test_create_needs_a_user_name_and_an_address(gql: GraphQLClient) -> None:
    world = await directory(gql)

    nameless = await world.scim.call("POST", "/Users", {"emails": [{"value": address()}]})
    addressless = await world.scim.call("POST", "/Users", {"userName": "ada"})
    malformed = await world.scim.call("POST", "/Users", {"userName": "ada",
                                                         "emails": [{"value": "not-an-email"}]})
    not_json = await world.scim.call("POST", "/Users", headers={"content-type": "text/plain"})

    assert [(r.status_code, scim_error(r).get("scimType"), scim_error(r)["detail"])
            for r in (nameless, addressless, malformed)] == [
        (400, "invalidValue", "userName must be a string of 1 to 320 characters"),
        (400, "invalidValue", "give the person an email address: in emails (primary or work), "
                              "or as a userName that is an address"),
        (400, "invalidValue", "emails: 'not-an-email' is not an email address: give values "
                              "like ada@example.com")]
    assert (not_json.status_code, scim_error(not_json)["detail"]) == (
        415, "send the body as JSON with 'Content-Type: application/scim+json'")
    assert (await world.scim.ok("GET", "/Users"))["totalResults"] == 0


async def test_each_supported_filter_finds_exactly_its_users(gql: GraphQLClient) -> None:
    world = await directory(gql)
    ada = await world.scim.create_user("Ada@Example.com", address("ada"), externalId="ext-1")
    bob = await world.scim.create_user("bob", address("bob"), externalId="EXT-2")
    await world.scim.patch(f"/Users/{bob['id']}", {"op": "replace", "value": {"active": False}})
    home = address("home")
    cyd = await world.scim.create_user("cyd", home, emails=[
        {"value": home, "type": "home"}, {"value": address("cyd"), "type": "work",
                                          "primary": True}])

    async def found(text: str) -> list[str]:
        body = await world.scim.ok("GET", f"/Users?filter={text}")
        assert body["totalResults"] == len(body["Resources"])
        return [r["userName"] for r in body["Resources"]]

    ada_work = ada["emails"][0]["value"].upper()
    assert await found('userName eq "ada@example.COM"') == ["Ada@Example.com"]
    assert await found('externalId eq "ext-1"') == ["Ada@Example.com"]
    assert await found('externalId eq "EXT-1"') == []  # externalId is case-exact
    assert await found(f'emails[type eq "work"].value eq "{ada_work}"') == ["Ada@Example.com"]
    assert await found(f'emails[type eq "work"].value eq "{home}"') == []
    assert await found(f'emails.value eq "{home}"') == ["cyd"]
    assert await found("active eq false") == ["bob"]
    assert await found("active eq true") == ["Ada@Example.com", "cyd"]
    assert await found(f'id eq "{cyd["id"]}"') == ["cyd"]
    assert await found('id eq "not-an-id"') == []
    assert await found('userName eq "bob" or (externalId eq "ext-1" and active eq true)') == [
        "Ada@Example.com", "bob"]
    assert await found('userName eq "bob" and active eq true') == []


async def test_an_unsupported_or_malformed_filter_is_invalid_filter(gql: GraphQLClient) -> None:
    world = await directory(gql)

    answers = [await world.scim.get(f"/Users?filter={text}") for text in (
        'name.familyName eq "Lovelace"', 'userName co "ada"', 'not (active eq true)',
        'userName eq', 'userName eq "ada" junk')]

    supported = ('this filter is not supported: Assay filters Users by userName eq "…", '
                 'externalId eq "…", emails[type eq "work"].value eq "…", emails.value eq "…", '
                 'active eq true|false, id eq "…", joined with and/or')
    assert [(r.status_code, scim_error(r)["scimType"], scim_error(r)["detail"])
            for r in answers] == [
        (400, "invalidFilter", supported), (400, "invalidFilter", supported),
        (400, "invalidFilter", supported),
        (400, "invalidFilter", 'the filter does not parse: the text ends too early; write it '
                               'like userName eq "ada@example.com"'),
        (400, "invalidFilter", "the filter does not parse: unexpected 'junk' after the end; "
                               'write it like userName eq "ada@example.com"')]


async def test_pages_follow_start_index_and_count(gql: GraphQLClient) -> None:
    world = await directory(gql)
    names = [(await world.scim.create_user(f"user{i}", address()))["userName"]
             for i in range(5)]

    middle = await world.scim.ok("GET", "/Users?startIndex=2&count=2")
    tail = await world.scim.ok("GET", "/Users?startIndex=5&count=10")
    counted = await world.scim.ok("GET", "/Users?count=0")
    clamped = await world.scim.ok("GET", "/Users?startIndex=-3&count=100000")
    wrong = await world.scim.get("/Users?count=many")

    def shape(body: dict[str, Any]) -> tuple[Any, ...]:
        return (body["schemas"], body["totalResults"], body["startIndex"],
                body["itemsPerPage"], [r["userName"] for r in body["Resources"]])

    assert shape(middle) == ([LIST], 5, 2, 2, names[1:3])
    assert shape(tail) == ([LIST], 5, 5, 1, names[4:])
    assert shape(counted) == ([LIST], 5, 1, 0, [])
    assert shape(clamped) == ([LIST], 5, 1, 5, names)
    assert (wrong.status_code, scim_error(wrong)["detail"]) == (
        400, "count must be a whole number, not 'many'")


async def test_put_replaces_what_the_organization_keeps_and_never_the_person(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    email = address()
    created = await world.scim.create_user(email, externalId="x1", displayName="Ada")
    await world.scim.patch(f"/Users/{created['id']}", {"op": "replace",
                                                       "value": {"active": False}})
    new_email = address("new")

    replaced = await world.scim.ok("PUT", f"/Users/{created['id']}", {
        "schemas": [USER], "id": "ignored", "userName": "ada.l",
        "name": {"formatted": "Ada King"}, "emails": [{"value": new_email, "type": "work"}],
        "groups": [{"value": "ignored"}], "meta": {"version": 'W/"9"'}})

    assert _dynamic(replaced) == {
        "schemas": [USER], "userName": "ada.l", "name": {"formatted": "Ada King"},
        "emails": [{"value": new_email, "type": "work", "primary": False}],
        "active": False, "groups": []}  # no active in the PUT: left as it was
    assert replaced["meta"]["version"] == 'W/"3"'
    who = await person(owner_db, created["id"])
    assert await owner_db.fetchval("SELECT email FROM users WHERE id = $1", who.user_id) == email


async def test_patch_in_okta_and_entra_shapes(gql: GraphQLClient, owner_db: asyncpg.Connection
                                              ) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address(), name={"givenName": "Ada"})
    path = f"/Users/{created['id']}"
    work = address("work")

    okta = await world.scim.patch(path, {"op": "replace", "value": {"active": False}})
    entra = await world.scim.patch(
        path,
        {"op": "Replace", "path": "active", "value": "True"},
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": work},
        {"op": "Add", "path": "name.familyName", "value": "Lovelace"},
        {"op": "Add", "path": 'emails[type eq "home"].value', "value": "HOME@example.com"},
        {"op": "Replace", "path": "urn:ietf:params:scim:schemas:core:2.0:User:displayName",
         "value": "Ada L."},
        {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                              "department", "value": "Engineering"},
        {"op": "Replace", "value": {"externalId": "e-1", "name.givenName": "Augusta"}},
        {"op": "Remove", "path": 'emails[type eq "home"]'})

    assert (okta.status_code, okta.json()["active"], okta.headers["etag"]) == (
        200, False, 'W/"2"')
    assert entra.status_code == 200, entra.text
    assert _dynamic(entra.json()) == {
        "schemas": [USER], "userName": created["userName"], "externalId": "e-1",
        "name": {"givenName": "Augusta", "familyName": "Lovelace"}, "displayName": "Ada L.",
        "emails": [{"value": work, "type": "work", "primary": True}], "active": True,
        "groups": []}
    assert entra.headers["etag"] == 'W/"3"'
    who = await person(owner_db, created["id"])
    assert await access(owner_db, who.membership_id) == Access("MEMBER", None, False)


async def test_a_patch_that_changes_nothing_keeps_the_version(gql: GraphQLClient) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address())

    same = await world.scim.patch(f"/Users/{created['id']}",
                                  {"op": "replace", "path": "active", "value": True})

    assert (same.status_code, same.json()) == (200, created)


async def test_patch_refusals_name_their_scim_type(gql: GraphQLClient) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address())
    path = f"/Users/{created['id']}"

    answers = [await world.scim.patch(path, op) for op in (
        {"op": "replace", "path": "nickNam", "value": "x"},
        {"op": "replace", "path": 'emails[type eq "work"', "value": "x"},
        {"op": "replace", "path": "name.middle", "value": "x"},
        {"op": "replace", "path": "id", "value": "x"},
        {"op": "remove", "path": "userName"},
        {"op": "remove"},
        {"op": "replace", "path": 'emails[type eq "home"].value', "value": "a@example.com"},
        {"op": "replace", "path": "active", "value": "maybe"},
        {"op": "move", "path": "active", "value": True})]
    unpatched = await world.scim.call("PATCH", path, {"Operations": [
        {"op": "replace", "path": "active", "value": False}]})

    assert [(r.status_code, scim_error(r)["scimType"], scim_error(r)["detail"])
            for r in [*answers, unpatched]] == [
        (400, "invalidPath", "a User has no attribute 'nickNam': Assay keeps userName, "
                             "externalId, name, displayName, emails, active"),
        (400, "invalidPath", "path 'emails[type eq \"work\"' is not a SCIM attribute path: "
                             "the text ends too early"),
        (400, "invalidPath", "name has no sub-attribute 'middle': it has givenName, "
                             "familyName, formatted"),
        (400, "mutability", "id is read-only: it cannot be changed"),
        (400, "mutability", "userName is required: replace it instead of removing it"),
        (400, "noTarget", "a remove operation needs a path that says what to remove, e.g. "
                          "\"members[value eq \\\"…\\\"]\""),
        (400, "noTarget", "no value of emails matches the filter: add it instead, or check "
                          "the filter"),
        (400, "invalidValue", "active must be true or false, not 'maybe'"),
        (400, "invalidSyntax", "op must be add, replace or remove, not 'move'"),
        (400, "invalidSyntax", "send a PatchOp: {\"schemas\": [\"" + PATCH + "\"], "
                               "\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", "
                               "\"value\": false}]}")]
    assert await world.scim.ok("GET", path) == created


async def test_if_match_guards_writes_and_if_none_match_spares_reads(
    gql: GraphQLClient,
) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address())
    path = f"/Users/{created['id']}"
    await world.scim.patch(path, {"op": "replace", "path": "displayName", "value": "v2"})

    stale = await world.scim.patch(path, {"op": "replace", "path": "displayName",
                                          "value": "v3"}, headers={"if-match": 'W/"1"'})
    stale_delete = await world.scim.call("DELETE", path, headers={"if-match": 'W/"1"'})
    fresh = await world.scim.patch(path, {"op": "replace", "path": "displayName",
                                          "value": "v3"}, headers={"if-match": 'W/"2"'})
    cached = await world.scim.get(path, **{"if-none-match": 'W/"3"'})
    outdated = await world.scim.get(path, **{"if-none-match": 'W/"2"'})

    assert (stale.status_code, scim_error(stale)) == (412, {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "412",
        "detail": "the resource is now at version W/\"2\", not W/\"1\": GET it again and retry "
                  "with its meta.version in If-Match"})
    assert stale_delete.status_code == 412
    assert (fresh.status_code, fresh.json()["displayName"], fresh.headers["etag"]) == (
        200, "v3", 'W/"3"')
    assert (cached.status_code, cached.content, cached.headers["etag"]) == (304, b"", 'W/"3"')
    assert (outdated.status_code, outdated.json()["meta"]["version"]) == (200, 'W/"3"')


async def test_attributes_and_excluded_attributes_project_the_resource(
    gql: GraphQLClient,
) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address(), externalId="x")
    path = f"/Users/{created['id']}"

    only = await world.scim.ok("GET", f"{path}?attributes=userName,name.givenName")
    without = await world.scim.ok("GET", "/Users?excludedAttributes=groups,emails,meta")

    assert only == {"schemas": [USER], "id": created["id"], "userName": created["userName"]}
    assert without["Resources"] == [{k: v for k, v in created.items()
                                     if k not in ("groups", "emails", "meta")}]


async def test_delete_removes_the_membership_and_revokes_its_keys_not_the_person(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    created = await world.scim.create_user(address())
    who = await person(owner_db, created["id"])
    key = await api_key_of(world.org, who.user_id)
    session = await session_of(who.user_id)

    deleted = await world.scim.call("DELETE", f"/Users/{created['id']}")
    again = await world.scim.get(f"/Users/{created['id']}")

    assert (deleted.status_code, deleted.content) == (204, b"")
    assert again.status_code == 404
    assert await access(owner_db, who.membership_id) is None
    assert await owner_db.fetchval("SELECT count(*) FROM users WHERE id = $1", who.user_id) == 1
    assert await owner_db.fetchval("SELECT revoked_at IS NOT NULL FROM api_keys WHERE id = $1",
                                   key.id) is True
    # Left with no organization, the person is signed out everywhere.
    assert await owner_db.fetchval("SELECT revoked_at IS NOT NULL FROM sessions WHERE id = $1",
                                   session.id) is True
    assert (await world.scim.ok("GET", "/Users"))["totalResults"] == 0


async def test_adding_a_primary_address_makes_it_the_only_primary(gql: GraphQLClient) -> None:
    world = await directory(gql)
    first, second = address("first"), address("second")
    created = await world.scim.create_user(first)

    added = await world.scim.patch(f"/Users/{created['id']}", {
        "op": "add", "path": "emails", "value": [{"value": second, "type": "work",
                                                  "primary": True}]})
    filtered = await world.scim.patch(f"/Users/{created['id']}", {
        "op": "replace", "path": "name[givenName eq \"Ada\"]", "value": {}})

    assert added.json()["emails"] == [{"value": first, "type": "work", "primary": False},
                                      {"value": second, "type": "work", "primary": True}]
    assert (filtered.status_code, scim_error(filtered)["scimType"]) == (400, "invalidPath")
