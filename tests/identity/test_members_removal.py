"""Removing a member: their access to the organization ends at their next request (sessions
of a person left with no organization are revoked outright, API keys always), and another
organization's members are out of reach (answered like ids that do not exist)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from assay.auth.models import User
from assay.db.transactions import tenant_transaction
from assay.organizations.models import Membership, Role
from tests.identity.member_flows import (
    ACCEPT,
    CHANGE_ROLE,
    REMOVE,
    REVOKE_INVITATION,
    VIEWER,
    address,
    in_org,
    invite,
    member_id,
    person,
    result,
    signed_in,
)
from tests.mail.smtp_server import SmtpServer
from tests.security.world import snapshot
from tests.support import (
    Caller,
    GraphQLClient,
    Org,
    gid,
    key_caller,
    make_org,
    member,
    owner,
)

ENDED = [("your session has ended: sign in again", "UNAUTHENTICATED")]
CREATE_KEY = """
mutation($projectId: ID!, $expiresAt: DateTime!) { createApiKey(input: {projectId: $projectId,
  name: "ci", scope: WRITE, expiresAt: $expiresAt}) { ... on CreateApiKeySuccess { secret } } }
"""


def refusal(body: dict[str, object]) -> tuple[object, list[tuple[str, str]]]:
    errors = body.get("errors") or []
    assert isinstance(errors, list)
    return body["_status"], [(e["message"], e["extensions"]["code"]) for e in errors]


async def _email(owner_db: asyncpg.Connection, user_id: object) -> str:
    return str(await owner_db.fetchval("SELECT email FROM users WHERE id = $1", user_id))


async def test_a_person_removed_from_their_only_organization_is_signed_out_at_once(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    leaving = await member(org, Role.MEMBER)
    laptop = await signed_in(await _user(leaving), org)  # a second session of theirs
    target = await member_id(mail_gql, boss, await _email(owner_db, leaving.user_id))
    assert (await result(mail_gql, VIEWER, {}, leaving))["role"] == "MEMBER"

    removed = await result(mail_gql, REMOVE, {"memberId": target}, boss)

    assert removed == {"__typename": "RemoveMemberSuccess", "removedMemberId": target,
                       "apiKeysRevoked": 0, "sessionsRevoked": 2}
    for caller in (leaving, laptop):
        assert refusal(await mail_gql.post(VIEWER, caller=caller)) == (401, ENDED)
    assert await owner_db.fetchval(
        "SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL",
        leaving.user_id) == 0
    event = await owner_db.fetchrow(
        "SELECT actor_id, target_id, details FROM audit_events WHERE organization_id = $1 "
        "AND action = 'member.remove'", org.id)
    assert (event["actor_id"], json.loads(event["details"])) == (str(org.owner_id), {
        "user_id": str(leaving.user_id), "role": "MEMBER", "api_keys_revoked": 0,
        "sessions_revoked": 2})


async def test_a_person_with_another_organization_keeps_it_and_loses_this_one(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org("Leaving")
    other = await make_org("Staying")
    boss = await owner(org)
    user = await person()
    for where, role in ((org, Role.ADMIN), (other, Role.VIEWER)):
        await _join(where, user.id, role)
    session = await signed_in(user, org)
    target = await member_id(mail_gql, boss, user.email)

    removed = await result(mail_gql, REMOVE, {"memberId": target}, boss)
    here = await mail_gql.post(VIEWER, caller=session)
    there = await result(mail_gql, VIEWER, {}, in_org(session, other))

    assert (removed["sessionsRevoked"], removed["apiKeysRevoked"]) == (0, 0)
    assert refusal(here) == (401, [(
        "you are not a member of an organization with the id in the x-assay-organization "
        "header: send the id of one of your organizations", "UNAUTHENTICATED")])
    assert there == {"kind": "USER", "role": "VIEWER",
                     "organizationId": gid("Organization", other.id)}


async def test_a_removed_member_s_api_keys_are_revoked_and_stay_so_after_a_return(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    user = await person()
    await _join(org, user.id, Role.ADMIN)
    stays_elsewhere = await make_org("Elsewhere")
    await _join(stays_elsewhere, user.id, Role.VIEWER)
    admin = await signed_in(user, org)
    minted = await mail_gql.data(CREATE_KEY, {
        "projectId": org.project_gid,
        "expiresAt": (datetime.now(UTC) + timedelta(days=30)).isoformat()}, admin)
    key = key_caller(minted["createApiKey"]["secret"])
    assert (await result(mail_gql, VIEWER, {}, key))["role"] == "ADMIN"

    removed = await result(mail_gql, REMOVE, {"memberId": await member_id(
        mail_gql, boss, user.email)}, boss)
    after_removal = await mail_gql.post(VIEWER, caller=key)
    await invite(mail_gql, boss, user.email, Role.ADMIN)
    rejoined = await result(mail_gql, ACCEPT, {"token": mailbox.to(user.email)[-1].token()},
                            in_org(admin, stays_elsewhere))
    after_return = await mail_gql.post(VIEWER, caller=key)

    assert removed["apiKeysRevoked"] == 1
    assert rejoined["role"] == "ADMIN"
    revoked = [("the API key is invalid, expired or revoked", "UNAUTHENTICATED")]
    assert refusal(after_removal) == refusal(after_return) == (401, revoked)


async def test_an_owner_may_leave_when_another_owner_stays(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    await member(org, Role.OWNER)
    me = await member_id(mail_gql, boss, await _email(owner_db, org.owner_id))

    left = await result(mail_gql, REMOVE, {"memberId": me}, boss)

    assert (left["__typename"], left["sessionsRevoked"]) == ("RemoveMemberSuccess", 1)
    assert await owner_db.fetchval(
        "SELECT count(*) FROM memberships WHERE organization_id = $1 AND role = 'OWNER'",
        org.id) == 1


async def test_another_organization_s_members_and_invitations_are_not_found(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    victim = await make_org("Victim")
    attacker = await make_org("Attacker")
    victim_boss, attacker_boss = await owner(victim), await owner(attacker)
    victim_member = await member_id(mail_gql, victim_boss,
                                    await _email(owner_db, victim.owner_id))
    invitation = (await invite(mail_gql, victim_boss, address()))["invitation"]["id"]
    random_member, random_invitation = gid("Member", uuid.uuid4()), gid("Invitation",
                                                                          uuid.uuid4())
    before = (await snapshot(owner_db, victim.id), await snapshot(owner_db, attacker.id))

    calls = [
        (CHANGE_ROLE, {"role": "VIEWER"}, "memberId", victim_member, random_member),
        (REMOVE, {}, "memberId", victim_member, random_member),
        (REVOKE_INVITATION, {}, "invitationId", invitation, random_invitation),
    ]
    for query, extra, slot, foreign, unknown in calls:
        foreign_answer = await result(mail_gql, query, {slot: foreign, **extra}, attacker_boss)
        unknown_answer = await result(mail_gql, query, {slot: unknown, **extra}, attacker_boss)
        assert foreign_answer["__typename"] == "NotFoundError"
        assert foreign_answer == unknown_answer

    assert (await snapshot(owner_db, victim.id), await snapshot(owner_db, attacker.id)) == before


async def _user(caller: Caller) -> User:
    return await User.get(id=caller.user_id)


async def _join(org: Org, user_id: uuid.UUID, role: Role) -> None:
    async with tenant_transaction(org.id):
        await Membership.create(user_id=user_id, role=role)
