"""Role rules: only an owner grants, changes or removes OWNER; the last owner stays; two
owners demoting each other at the same moment leave one; narrowed admins stay inside their
projects; a role change applies at the next request; member lists page."""

from __future__ import annotations

import asyncio
import json

import asyncpg

from assay.organizations.models import Role
from tests.identity.member_flows import (
    CHANGE_ROLE,
    INVITATIONS,
    MEMBERS,
    REMOVE,
    REVOKE_INVITATION,
    VIEWER,
    address,
    invite,
    member_id,
    result,
)
from tests.security.world import snapshot
from tests.support import GraphQLClient, Org, error_codes, make_org, member, owner

OWNER_REQUIRED = {"__typename": "ConflictError", "code": "OWNER_ROLE_REQUIRED",
                  "message": "only an owner grants the OWNER role or changes or removes an "
                             "owner: ask one of the organization's owners"}
LAST_OWNER = {"__typename": "ConflictError", "code": "LAST_OWNER",
              "message": "this is the organization's last owner: make another member OWNER "
                         "first"}


async def _email(owner_db: asyncpg.Connection, user_id: object) -> str:
    return str(await owner_db.fetchval("SELECT email FROM users WHERE id = $1", user_id))


async def _owner_id(gql: GraphQLClient, org: Org, owner_db: asyncpg.Connection) -> str:
    return await member_id(gql, await owner(org), await _email(owner_db, org.owner_id))


async def test_an_admin_cannot_grant_change_or_remove_owner(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    admin = await member(org, Role.ADMIN)
    colleague = await member(org, Role.MEMBER)
    owner_member = await _owner_id(mail_gql, org, owner_db)
    colleague_member = await member_id(mail_gql, admin, await _email(owner_db,
                                                                     colleague.user_id))
    before = await snapshot(owner_db, org.id)

    answers = [
        await invite(mail_gql, admin, address(), Role.OWNER),
        await result(mail_gql, CHANGE_ROLE, {"memberId": colleague_member, "role": "OWNER"},
                     admin),
        await result(mail_gql, CHANGE_ROLE, {"memberId": owner_member, "role": "ADMIN"},
                     admin),
        await result(mail_gql, REMOVE, {"memberId": owner_member}, admin),
    ]

    assert answers == [OWNER_REQUIRED] * 4
    assert await snapshot(owner_db, org.id) == before


async def test_an_admin_cannot_withdraw_an_owner_invitation(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    sent = await invite(mail_gql, await owner(org), address(), Role.OWNER)
    admin = await member(org, Role.ADMIN)
    before = await snapshot(owner_db, org.id)

    answer = await result(mail_gql, REVOKE_INVITATION,
                          {"invitationId": sent["invitation"]["id"]}, admin)

    assert answer == OWNER_REQUIRED
    assert await snapshot(owner_db, org.id) == before


async def test_the_last_owner_can_neither_step_down_nor_leave(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    me = await _owner_id(mail_gql, org, owner_db)
    before = await snapshot(owner_db, org.id)

    demoted = await result(mail_gql, CHANGE_ROLE, {"memberId": me, "role": "ADMIN"}, boss)
    left = await result(mail_gql, REMOVE, {"memberId": me}, boss)

    assert [demoted, left] == [LAST_OWNER, LAST_OWNER]
    assert await snapshot(owner_db, org.id) == before


async def test_an_owner_makes_another_owner_who_may_then_demote_the_first(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    first = await owner(org)
    second = await member(org, Role.ADMIN)
    first_member = await _owner_id(mail_gql, org, owner_db)
    second_member = await member_id(mail_gql, first, await _email(owner_db, second.user_id))

    promoted = await result(mail_gql, CHANGE_ROLE,
                            {"memberId": second_member, "role": "OWNER"}, first)
    demoted = await result(mail_gql, CHANGE_ROLE,
                           {"memberId": first_member, "role": "MEMBER"}, second)
    last = await result(mail_gql, CHANGE_ROLE, {"memberId": second_member, "role": "ADMIN"},
                        second)

    assert promoted["member"]["role"] == "OWNER"
    assert demoted["member"]["role"] == "MEMBER"
    assert last == LAST_OWNER
    trail = await owner_db.fetch(
        "SELECT actor_id, details FROM audit_events WHERE organization_id = $1 AND "
        "action = 'member.role_change' ORDER BY seq", org.id)
    assert [(e["actor_id"], json.loads(e["details"])) for e in trail] == [
        (str(org.owner_id), {"user_id": str(second.user_id), "from": "ADMIN", "to": "OWNER"}),
        (str(second.user_id), {"user_id": str(org.owner_id), "from": "OWNER", "to": "MEMBER"}),
    ]


async def test_two_owners_demoting_each_other_at_once_leave_one_owner(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    first = await owner(org)
    second = await member(org, Role.OWNER)
    first_member = await _owner_id(mail_gql, org, owner_db)
    second_member = await member_id(mail_gql, first, await _email(owner_db, second.user_id))

    answers = await asyncio.gather(
        result(mail_gql, CHANGE_ROLE, {"memberId": second_member, "role": "ADMIN"}, first),
        result(mail_gql, CHANGE_ROLE, {"memberId": first_member, "role": "ADMIN"}, second))

    assert sorted(a["__typename"] for a in answers) == ["ChangeMemberRoleSuccess",
                                                        "ConflictError"]
    # The loser waited for the winner's lock: either it was an owner no more by then, or
    # the one it would demote was the last owner.
    [refused] = [a for a in answers if a["__typename"] == "ConflictError"]
    assert refused in (LAST_OWNER, OWNER_REQUIRED)
    assert await owner_db.fetchval(
        "SELECT count(*) FROM memberships WHERE organization_id = $1 AND role = 'OWNER'",
        org.id) == 1


async def test_a_role_change_applies_at_the_next_request(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    viewer = await member(org, Role.VIEWER)
    target = await member_id(mail_gql, boss, await _email(owner_db, viewer.user_id))
    refused = await mail_gql.post(INVITATIONS, caller=viewer)

    await result(mail_gql, CHANGE_ROLE, {"memberId": target, "role": "ADMIN"}, boss)

    assert error_codes(refused) == ["FORBIDDEN"]
    assert (await result(mail_gql, VIEWER, {}, viewer))["role"] == "ADMIN"
    assert (await result(mail_gql, INVITATIONS, {}, viewer))["totalCount"] == 0


async def test_members_and_viewers_cannot_manage_members(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss_member = await _owner_id(mail_gql, org, owner_db)
    callers = [await member(org, Role.MEMBER), await member(org, Role.VIEWER)]
    before = await snapshot(owner_db, org.id)

    bodies = []
    for caller in callers:
        bodies.append(await mail_gql.post(REMOVE, {"memberId": boss_member}, caller))
        bodies.append(await mail_gql.post(
            "mutation($e: String!) { inviteMember(email: $e, role: VIEWER) { __typename } }",
            {"e": address()}, caller))

    assert [error_codes(b) for b in bodies] == [["FORBIDDEN"]] * 4
    assert await snapshot(owner_db, org.id) == before


async def test_a_narrowed_admin_stays_inside_their_projects(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    narrowed = await member(org, Role.ADMIN, projects=[org.project_id])
    everywhere = await member(org, Role.MEMBER)
    target = await member_id(mail_gql, narrowed, await _email(owner_db, everywhere.user_id))
    before = await snapshot(owner_db, org.id)

    unnarrowed_invite = await invite(mail_gql, narrowed, address())
    removal = await result(mail_gql, REMOVE, {"memberId": target}, narrowed)

    assert unnarrowed_invite == {
        "__typename": "ConflictError", "code": "PROJECTS_REQUIRED",
        "message": "you reach only some projects: name the projects (projectIds) the new "
                   "member may reach"}
    assert removal == {"__typename": "ConflictError", "code": "OUTSIDE_YOUR_PROJECTS",
                       "message": "this member reaches projects you do not: ask an admin who "
                                  "reaches every project"}
    assert await snapshot(owner_db, org.id) == before
    narrowed_invite = await invite(mail_gql, narrowed, address(), projects=[org.project_gid])
    assert narrowed_invite["__typename"] == "InviteMemberSuccess"


async def test_members_are_listed_in_pages_with_their_roles(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    for role in (Role.ADMIN, Role.MEMBER, Role.VIEWER):
        await member(org, role)

    first = await result(mail_gql, MEMBERS, {"first": 3}, boss)
    rest = await result(mail_gql, MEMBERS, {"first": 3, "after": first["pageInfo"]["endCursor"]},
                        boss)

    assert first["totalCount"] == 4
    assert [e["node"]["role"] for e in first["edges"] + rest["edges"]] == [
        "OWNER", "ADMIN", "MEMBER", "VIEWER"]
    assert (first["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    assert first["edges"][0]["node"]["email"] == await _email(owner_db, org.owner_id)
    assert all(e["node"]["allProjects"] for e in first["edges"] + rest["edges"])
