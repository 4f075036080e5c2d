"""Invitations: mailed over SMTP, accepted once by the invited address, narrowed to projects,
replaced by a newer one, withdrawn, expired."""

from __future__ import annotations

import asyncio
import json

import asyncpg

from assay.ids import decode_id
from assay.organizations.models import Role
from tests.identity.flows import Browser, enrolled
from tests.identity.member_flows import (
    ACCEPT,
    INVITATIONS,
    MEMBERS,
    REVOKE_INVITATION,
    VIEWER,
    address,
    in_org,
    invite,
    person,
    person_with_own_org,
    result,
    signed_in,
)
from tests.mail.smtp_server import SmtpServer
from tests.security.world import snapshot
from tests.support import GraphQLClient, gid, make_org, member, owner

INVALID = {"__typename": "ConflictError", "code": "INVITATION_INVALID",
           "message": "this invitation is invalid, was already used or withdrawn, or has "
                      "expired: ask the organization's admin for a new one"}


async def test_an_invitation_is_mailed_and_the_invited_person_joins(
    mail_gql: GraphQLClient, browser: Browser, mailbox: SmtpServer,
    owner_db: asyncpg.Connection,
) -> None:
    org = await make_org("Acme QA")
    admin = await member(org, Role.ADMIN)
    invitee = await enrolled(browser)  # signed up on their own, signed in in ``browser``

    sent = await invite(mail_gql, admin, invitee.account.email.upper(), Role.VIEWER)

    assert sent["__typename"] == "InviteMemberSuccess"
    invitation = sent["invitation"]
    assert {k: invitation[k] for k in ("email", "role", "allProjects", "projects",
                                       "revokedAt")} == {
        "email": invitee.account.email, "role": "VIEWER", "allProjects": True, "projects": [],
        "revokedAt": None}
    [mail] = mailbox.to(invitee.account.email)[-1:]
    assert mail.message["Subject"] == "You are invited to Acme QA on Assay"
    assert "as viewer, with access to all of its projects" in mail.text
    assert "https://assay.example.com/accept-invitation#token=" in mail.text
    token = mail.token()
    assert token[:32] == org.id.hex and len(token) == 75

    joined = await browser.result(ACCEPT, {"token": token})

    assert joined == {"__typename": "AcceptInvitationSuccess", "role": "VIEWER",
                      "organizationId": gid("Organization", org.id)}
    viewer = await browser.result(VIEWER, headers={"x-assay-organization": str(org.id)})
    assert viewer == {"kind": "USER", "role": "VIEWER",
                      "organizationId": gid("Organization", org.id)}
    listed = await result(mail_gql, MEMBERS, {}, admin)
    assert sorted(e["node"]["role"] for e in listed["edges"]) == ["ADMIN", "OWNER", "VIEWER"]
    assert (await result(mail_gql, INVITATIONS, {}, admin))["totalCount"] == 0
    trail = await owner_db.fetch(
        "SELECT action, actor_id, details FROM audit_events WHERE organization_id = $1 "
        "AND action LIKE 'member.%' ORDER BY seq", org.id)
    assert [(e["action"], e["actor_id"]) for e in trail] == [
        ("member.invite", str(admin.user_id)),
        ("member.join", await _user_id(owner_db, invitee.account.email))]
    assert json.loads(trail[0]["details"]) == {"email": invitee.account.email,
                                               "role": "VIEWER", "project_ids": []}
    stored = await owner_db.fetchval("SELECT token_hash FROM invitations WHERE id = $1::uuid",
                                     str(_pk(invitation["id"])))
    assert token not in stored and len(stored) == 64


async def test_an_invitation_works_once(mail_gql: GraphQLClient, mailbox: SmtpServer) -> None:
    org = await make_org()
    boss = await owner(org)
    user, own_org = await person_with_own_org()
    await invite(mail_gql, boss, user.email)
    token = mailbox.to(user.email)[-1].token()
    them = await signed_in(user, own_org)

    first = await result(mail_gql, ACCEPT, {"token": token}, them)
    second = await result(mail_gql, ACCEPT, {"token": token}, in_org(them, org))

    assert first["__typename"] == "AcceptInvitationSuccess"
    assert second == INVALID


async def test_two_acceptances_at_the_same_moment_make_one_membership(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    user, own_org = await person_with_own_org()
    await invite(mail_gql, await owner(org), user.email)
    token = mailbox.to(user.email)[-1].token()
    them = await signed_in(user, own_org)

    answers = await asyncio.gather(*(result(mail_gql, ACCEPT, {"token": token}, them)
                                     for _ in range(2)))

    assert sorted(a["__typename"] for a in answers) == ["AcceptInvitationSuccess",
                                                        "ConflictError"]
    assert INVALID in answers
    assert await owner_db.fetchval(
        "SELECT count(*) FROM memberships WHERE organization_id = $1 AND user_id = $2",
        org.id, user.id) == 1


async def test_someone_else_signed_in_cannot_accept(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    email = address()
    await invite(mail_gql, boss, email)
    token = mailbox.to(email)[-1].token()
    intruder, intruder_org = await person_with_own_org()
    before = await snapshot(owner_db, org.id)

    answer = await result(mail_gql, ACCEPT, {"token": token},
                          await signed_in(intruder, intruder_org))

    assert answer == {"__typename": "ConflictError", "code": "WRONG_ACCOUNT",
                      "message": "this invitation was sent to another email address: sign in "
                                 "as the person it was sent to"}
    assert await snapshot(owner_db, org.id) == before


async def test_without_a_session_the_verified_account_of_the_address_joins(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    """Someone who belongs to no organization (so no session of theirs reaches anything)
    joins with the link alone; an address without a verified account cannot."""
    org = await make_org()
    boss = await owner(org)
    orphan = await person()
    unverified = await person(verified=False)
    for invited in (orphan.email, unverified.email, address("nobody")):
        await invite(mail_gql, boss, invited)
    tokens = [mailbox.to(e)[-1].token() for e in (orphan.email, unverified.email)]
    nobody_token = mailbox.received[-1].token()

    joined = await mail_gql.data(ACCEPT, {"token": tokens[0]})
    refused = [(await mail_gql.data(ACCEPT, {"token": t}))["acceptInvitation"]
               for t in (tokens[1], nobody_token)]

    assert joined["acceptInvitation"]["role"] == "MEMBER"
    assert refused == [{"__typename": "ConflictError", "code": "ACCOUNT_REQUIRED",
                        "message": "sign up with the address this invitation was sent to and "
                                   "confirm it, then open the invitation link again"}] * 2
    assert await owner_db.fetchval(
        "SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2",
        org.id, orphan.id) == "MEMBER"
    viewer = await result(mail_gql, VIEWER, {}, await signed_in(orphan))
    assert viewer["organizationId"] == gid("Organization", org.id)


async def test_an_expired_invitation_is_refused(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    user, own_org = await person_with_own_org()
    sent = await invite(mail_gql, await owner(org), user.email)
    await owner_db.execute(
        "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1::uuid",
        str(_pk(sent["invitation"]["id"])))
    before = await snapshot(owner_db, org.id)

    answer = await result(mail_gql, ACCEPT, {"token": mailbox.to(user.email)[-1].token()},
                          await signed_in(user, own_org))

    assert answer == INVALID
    assert await snapshot(owner_db, org.id) == before


async def test_a_newer_invitation_replaces_the_older_one(
    mail_gql: GraphQLClient, mailbox: SmtpServer
) -> None:
    org = await make_org()
    boss = await owner(org)
    user, own_org = await person_with_own_org()
    await invite(mail_gql, boss, user.email, Role.VIEWER)
    await invite(mail_gql, boss, user.email, Role.ADMIN)
    old, new = (m.token() for m in mailbox.to(user.email)[-2:])
    them = await signed_in(user, own_org)

    stale = await result(mail_gql, ACCEPT, {"token": old}, them)
    fresh = await result(mail_gql, ACCEPT, {"token": new}, them)

    assert stale == INVALID
    assert fresh["role"] == "ADMIN"
    pending = await result(mail_gql, INVITATIONS, {}, boss)
    assert pending["totalCount"] == 0


async def test_a_withdrawn_invitation_is_refused(
    mail_gql: GraphQLClient, mailbox: SmtpServer
) -> None:
    org = await make_org()
    boss = await owner(org)
    user, own_org = await person_with_own_org()
    sent = await invite(mail_gql, boss, user.email)

    withdrawn = await result(mail_gql, REVOKE_INVITATION,
                             {"invitationId": sent["invitation"]["id"]}, boss)
    again = await result(mail_gql, REVOKE_INVITATION,
                         {"invitationId": sent["invitation"]["id"]}, boss)
    answer = await result(mail_gql, ACCEPT, {"token": mailbox.to(user.email)[-1].token()},
                          await signed_in(user, own_org))

    assert withdrawn["invitation"]["revokedAt"] is not None
    assert again == {"__typename": "ConflictError", "code": "INVITATION_INVALID",
                     "message": "this invitation was already accepted, withdrawn, or has "
                                "expired"}
    assert answer == INVALID


async def test_an_invitation_to_some_projects_narrows_the_membership(
    mail_gql: GraphQLClient, mailbox: SmtpServer
) -> None:
    org = await make_org()
    boss = await owner(org)
    user, own_org = await person_with_own_org()

    sent = await invite(mail_gql, boss, user.email, Role.MEMBER, [org.project_gid])
    await result(mail_gql, ACCEPT, {"token": mailbox.to(user.email)[-1].token()},
                 await signed_in(user, own_org))

    assert (sent["invitation"]["allProjects"], sent["invitation"]["projects"]) == (
        False, [{"id": org.project_gid}])
    assert "with access to some of its projects" in mailbox.to(user.email)[-1].text
    listed = await result(mail_gql, MEMBERS, {}, boss)
    [joined] = [e["node"] for e in listed["edges"] if e["node"]["email"] == user.email]
    assert (joined["allProjects"], joined["projects"]) == (False, [{"id": org.project_gid}])


async def test_inviting_someone_already_a_member_is_refused(
    mail_gql: GraphQLClient, mailbox: SmtpServer, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    boss = await owner(org)
    owner_email = await owner_db.fetchval("SELECT email FROM users WHERE id = $1", org.owner_id)
    before = await snapshot(owner_db, org.id)

    answer = await invite(mail_gql, boss, owner_email)

    assert answer == {"__typename": "ConflictError", "code": "ALREADY_MEMBER",
                      "message": "this person is already a member: change their role instead"}
    assert mailbox.to(owner_email) == []
    assert await snapshot(owner_db, org.id) == before


async def test_a_malformed_address_or_project_is_refused(
    mail_gql: GraphQLClient, owner_db: asyncpg.Connection
) -> None:
    org = await make_org()
    other = await make_org()
    boss = await owner(org)
    before = await snapshot(owner_db, org.id)

    bad_address = await invite(mail_gql, boss, "not an address")
    foreign_project = await invite(mail_gql, boss, address(), projects=[other.project_gid])

    assert (bad_address["__typename"], bad_address["code"]) == ("ValidationError",
                                                                 "VALIDATION_FAILED")
    assert foreign_project == {"__typename": "NotFoundError", "code": "NOT_FOUND",
                               "message": "Project not found: check the id, and that you "
                                          "have access to it"}
    assert await snapshot(owner_db, org.id) == before


def _pk(global_id: str) -> str:
    decoded = decode_id(global_id)
    assert decoded is not None
    return str(decoded[1])


async def _user_id(owner_db: asyncpg.Connection, email: str) -> str:
    return str(await owner_db.fetchval("SELECT id FROM users WHERE email = $1", email))
