"""/Groups: members added and removed in every PATCH shape, and the role and projects a
person gets from their groups (the strongest role wins, over the projects of the groups
that give it)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from assay.db.transactions import tenant_transaction
from assay.projects import service as projects
from tests.scim.people import session_of
from tests.scim.support import (
    ASSAY_GROUP,
    BASE,
    GROUP,
    Access,
    Directory,
    access,
    address,
    directory,
    person,
    scim_error,
)
from tests.support import GraphQLClient, gid


async def _project(world: Directory, name: str) -> uuid.UUID:
    async with tenant_transaction(world.org.id):
        return (await projects.create_project(name=name)).id


async def _group(world: Directory, name: str, members: list[str], role: str | None = None,
                 project_ids: list[uuid.UUID] | None = None) -> dict[str, Any]:
    extension: dict[str, Any] = {}
    if role is not None:
        extension["role"] = role
    if project_ids is not None:
        extension["projectIds"] = [gid("Project", p) for p in project_ids]
    return await world.scim.ok("POST", "/Groups", {
        "schemas": [GROUP, ASSAY_GROUP], "displayName": name,
        "members": [{"value": m} for m in members], ASSAY_GROUP: extension}, 201)


async def _member(world: Directory, owner_db: asyncpg.Connection) -> tuple[str, uuid.UUID]:
    """A new SCIM user: (its id, its membership id)."""
    created = await world.scim.create_user(address())
    return created["id"], (await person(owner_db, created["id"])).membership_id


async def test_a_group_gives_its_role_and_projects_to_its_members(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    user_id, membership = await _member(world, owner_db)

    response = await world.scim.call("POST", "/Groups", {
        "schemas": [GROUP, ASSAY_GROUP], "displayName": "Support admins", "externalId": "g-1",
        "members": [{"value": user_id, "display": "ignored"}],
        ASSAY_GROUP: {"role": "admin", "projectIds": [world.org.project_gid]}})

    group = response.json()
    assert response.status_code == 201
    assert group == {
        "schemas": [GROUP, ASSAY_GROUP], "id": group["id"], "displayName": "Support admins",
        "externalId": "g-1",
        "members": [{"value": user_id, "display": group["members"][0]["display"],
                     "$ref": f"{BASE}/Users/{user_id}", "type": "User"}],
        ASSAY_GROUP: {"role": "ADMIN", "projectIds": [world.org.project_gid]},
        "meta": {"resourceType": "Group", "created": group["meta"]["created"],
                 "lastModified": group["meta"]["created"],
                 "location": f"{BASE}/Groups/{group['id']}", "version": 'W/"1"'}}
    assert await access(owner_db, membership) == Access("ADMIN", [world.org.project_id], False)
    user = await world.scim.ok("GET", f"/Users/{user_id}")
    assert (user["groups"], user["meta"]["version"]) == (
        [{"value": group["id"], "display": "Support admins",
          "$ref": f"{BASE}/Groups/{group['id']}", "type": "direct"}], 'W/"2"')
    session = await session_of((await person(owner_db, user_id)).user_id, world.org)
    viewer = await gql.data("{ viewer { role } }", caller=session.caller)
    assert viewer == {"viewer": {"role": "ADMIN"}}


async def test_the_strongest_role_wins_over_the_projects_of_its_groups(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    first, second = world.org.project_id, await _project(world, "Second")
    users = [await _member(world, owner_db) for _ in range(4)]
    ids = [u[0] for u in users]
    await _group(world, "Everyone", ids, "VIEWER")
    await _group(world, "First admins", ids[:2], "ADMIN", [first])
    await _group(world, "Second admins", ids[1:2], "ADMIN", [second])
    await _group(world, "Members", ids[2:3], "MEMBER")
    await _group(world, "Second members", ids[2:3], "MEMBER", [second])

    found = [await access(owner_db, membership) for _, membership in users]

    assert found == [
        Access("ADMIN", [first], False),  # the VIEWER-of-everything group does not widen it
        Access("ADMIN", sorted([first, second]), False),
        Access("MEMBER", None, False),  # one MEMBER group is not narrowed
        Access("VIEWER", None, False),
    ]


async def test_members_change_in_every_patch_shape(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    users = [await _member(world, owner_db) for _ in range(4)]
    ids = [u[0] for u in users]
    group = await _group(world, "Engineers", [], "VIEWER")
    path = f"/Groups/{group['id']}"

    async def members_after(*operations: dict[str, Any]) -> list[str]:
        response = await world.scim.patch(path, *operations)
        assert response.status_code == 200, response.text
        return sorted(m["value"] for m in response.json()["members"])

    added = await members_after({"op": "add", "path": "members",
                                 "value": [{"value": i} for i in ids[:3]]})
    removed = await members_after({"op": "remove", "path": f'members[value eq "{ids[0]}"]'})
    listed = await members_after({"op": "Remove", "path": "members",
                                  "value": [{"value": ids[1]}]})
    okta = await members_after({"op": "add", "value": {"members": [{"value": ids[3]}]}})
    replaced = await members_after({"op": "replace", "path": "members",
                                    "value": [{"value": ids[0]}]})
    missing = await members_after({"op": "remove", "path": f'members[value eq "{ids[3]}"]'})
    emptied = await members_after({"op": "remove", "path": "members"})

    assert (added, removed, listed, okta, replaced, missing, emptied) == (
        sorted(ids[:3]), sorted(ids[1:3]), [ids[2]], sorted([ids[2], ids[3]]), [ids[0]],
        [ids[0]], [])
    assert [await access(owner_db, m) for _, m in users] == [Access("MEMBER", None, False)] * 4


async def test_renaming_and_remapping_a_group(gql: GraphQLClient, owner_db: asyncpg.Connection
                                              ) -> None:
    world = await directory(gql)
    user_id, membership = await _member(world, owner_db)
    group = await _group(world, "Readers", [user_id])
    path = f"/Groups/{group['id']}"

    okta = await world.scim.patch(path, {"op": "replace", "value": {
        "id": group["id"], "displayName": "Auditors"}})
    role = await world.scim.patch(path, {"op": "replace", "path": f"{ASSAY_GROUP}:role",
                                         "value": "Viewer"})
    narrowed = await world.scim.patch(path, {"op": "add", "path": ASSAY_GROUP, "value": {
        "projectIds": [world.org.project_gid]}})
    narrowed_access = await access(owner_db, membership)
    put = await world.scim.call("PUT", path, {"displayName": "Auditors",
                                              "members": [{"value": user_id}]})

    assert (okta.json()["displayName"], okta.json()["meta"]["version"]) == ("Auditors", 'W/"2"')
    assert role.json()[ASSAY_GROUP] == {"role": "VIEWER", "projectIds": []}
    assert narrowed.json()[ASSAY_GROUP] == {"role": "VIEWER",
                                            "projectIds": [world.org.project_gid]}
    assert narrowed_access == Access("VIEWER", [world.org.project_id], False)
    assert put.json()[ASSAY_GROUP] == {"role": "MEMBER", "projectIds": []}  # PUT replaces all
    assert await access(owner_db, membership) == Access("MEMBER", None, False)


async def test_group_refusals(gql: GraphQLClient) -> None:
    world = await directory(gql)
    await _group(world, "Taken", [])
    elsewhere = await directory(gql, "Elsewhere")
    their_project = gid("Project", elsewhere.org.project_id)
    ghost = str(uuid.uuid4())

    answers = [await world.scim.call("POST", "/Groups", body) for body in (
        {"displayName": "TAKEN"},
        {"displayName": "Owners", ASSAY_GROUP: {"role": "OWNER"}},
        {"displayName": "Gods", ASSAY_GROUP: {"role": "SUPERUSER"}},
        {"displayName": "Theirs", ASSAY_GROUP: {"projectIds": [their_project]}},
        {"displayName": "Raw", ASSAY_GROUP: {"projectIds": [str(world.org.project_id)]}},
        {"displayName": "Ghosts", "members": [{"value": ghost}]},
        {"members": []})]

    assert [(r.status_code, scim_error(r)["scimType"], scim_error(r)["detail"])
            for r in answers] == [
        (409, "uniqueness", "a group named 'TAKEN' already exists in this organization: "
                            "choose another name, or find it with filter=displayName eq "
                            "\"TAKEN\""),
        (400, "invalidValue", "a group cannot give the OWNER role: owners are made in Assay by "
                              "another owner; give one of VIEWER, MEMBER, ADMIN"),
        (400, "invalidValue", f"{ASSAY_GROUP}:role must be one of VIEWER, MEMBER, ADMIN, not "
                              "'SUPERUSER'"),
        (400, "invalidValue", f"{ASSAY_GROUP}:projectIds: no project {their_project} in this "
                              "organization: give ids of its projects"),
        (400, "invalidValue", f"{ASSAY_GROUP}:projectIds: '{world.org.project_id}' is not a "
                              "Project id: give the id field of a Project, as the Assay API "
                              "shows it"),
        (400, "invalidValue", f"members: no User with id '{ghost}' in this organization: "
                              "create users with POST /Users first, and add them by their id"),
        (400, "invalidValue", "displayName must be a string of 1 to 200 characters")]
    assert (await world.scim.ok("GET", "/Groups"))["totalResults"] == 1


async def test_groups_filter_project_and_delete(gql: GraphQLClient, owner_db: asyncpg.Connection
                                                ) -> None:
    world = await directory(gql)
    user_id, membership = await _member(world, owner_db)
    admins = await _group(world, "Admins", [user_id], "ADMIN")
    await _group(world, "Others", [])

    by_name = await world.scim.ok("GET", '/Groups?filter=displayName eq "admins"')
    by_member = await world.scim.ok(
        "GET", f'/Groups?filter=members[value eq "{user_id}"]&excludedAttributes=members')
    unsupported = await world.scim.get('/Groups?filter=displayName sw "Adm"')
    deleted = await world.scim.call("DELETE", f"/Groups/{admins['id']}")

    assert [g["id"] for g in by_name["Resources"]] == [admins["id"]]
    assert by_member["Resources"] == [{k: v for k, v in admins.items() if k != "members"}]
    assert (unsupported.status_code, scim_error(unsupported)["detail"]) == (
        400, 'this filter is not supported: Assay filters Groups by displayName eq "…", '
             'externalId eq "…", id eq "…", members[value eq "<User id>"], joined with and/or')
    assert deleted.status_code == 204
    assert (await world.scim.get(f"/Groups/{admins['id']}")).status_code == 404
    assert await access(owner_db, membership) == Access("MEMBER", None, False)
    assert (await world.scim.ok("GET", f"/Users/{user_id}"))["groups"] == []


async def test_an_owner_in_a_group_stays_owner(gql: GraphQLClient, owner_db: asyncpg.Connection
                                               ) -> None:
    world = await directory(gql)
    email = await owner_db.fetchval("SELECT email FROM users WHERE id = $1", world.org.owner_id)
    linked = await world.scim.create_user(email)

    await _group(world, "Viewers", [linked["id"]], "VIEWER", [world.org.project_id])

    who = await person(owner_db, linked["id"])
    assert await access(owner_db, who.membership_id) == Access("OWNER", None, False)
