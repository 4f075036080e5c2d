"""Every SCIM change is audited, as the token, in the request's transaction."""

from __future__ import annotations

import asyncpg

from assay.audit.service import verify_chain
from assay.db.transactions import tenant_transaction
from tests.rest.support import pk
from tests.scim.support import ASSAY_GROUP, GROUP, address, directory, events, last_seq
from tests.support import GraphQLClient, gid


async def test_each_change_writes_its_events_as_the_token(
    gql: GraphQLClient, owner_db: asyncpg.Connection,
) -> None:
    world = await directory(gql)
    await world.scim.get("/ServiceProviderConfig")  # the token's first use is its own event
    seq = await last_seq(owner_db, world.org.id)

    user = await world.scim.create_user(address())
    path = f"/Users/{user['id']}"
    await world.scim.patch(path, {"op": "replace", "value": {"displayName": "Ada",
                                                             "active": False}})
    await world.scim.patch(path, {"op": "replace", "path": "active", "value": True})
    group = await world.scim.ok("POST", "/Groups", {
        "schemas": [GROUP], "displayName": "Admins", "members": [{"value": user["id"]}],
        ASSAY_GROUP: {"role": "ADMIN"}}, 201)
    await world.scim.patch(f"/Groups/{group['id']}", {"op": "replace", "path": "displayName",
                                                      "value": "Team admins"})
    await world.scim.call("DELETE", f"/Groups/{group['id']}")
    await world.scim.call("DELETE", path)
    reads = [await world.scim.get(p) for p in ("/Users", "/Groups", path)]

    rows = await owner_db.fetch(
        "SELECT action, actor_type, actor_id, target_type, details FROM audit_events "
        "WHERE organization_id = $1 AND seq > $2 ORDER BY seq", world.org.id, seq)
    assert [(r["action"], r["target_type"]) for r in rows] == [
        ("scim.user.create", "Member"),
        ("scim.user.update", "Member"),
        ("scim.user.deactivate", "Member"),
        ("scim.user.reactivate", "Member"),
        ("scim.group.create", "ScimGroup"),
        ("scim.member.access_change", "Member"),
        ("scim.group.update", "ScimGroup"),
        ("scim.group.delete", "ScimGroup"),
        ("scim.member.access_change", "Member"),
        ("scim.user.delete", "Member"),
    ]
    token_pk = str(pk(world.token_id))
    assert {(r["actor_type"], r["actor_id"]) for r in rows} == {("scim_token", token_pk)}
    assert [r.status_code for r in reads] == [200, 200, 404]
    async with tenant_transaction(world.org.id):
        assert (await verify_chain())[1] is None


async def test_a_refused_change_writes_no_event(gql: GraphQLClient, owner_db: asyncpg.Connection
                                                ) -> None:
    world = await directory(gql)
    email = address()
    await world.scim.create_user(email)
    seq = await last_seq(owner_db, world.org.id)

    duplicate = await world.scim.call("POST", "/Users", {"userName": email,
                                                         "emails": [{"value": address()}]})
    unknown_project = await world.scim.call("POST", "/Groups", {
        "displayName": "Narrow", ASSAY_GROUP: {"projectIds": [gid("Project", world.org.id)]}})

    assert (duplicate.status_code, unknown_project.status_code) == (409, 400)
    assert await events(owner_db, world.org.id, seq) == []
