"""Invitations to join an organization: mailed once, accepted once, by the invited address.

An invitation token is the organization's id (32 hex characters) followed by 256 random
bits; only its SHA-256 is stored. The organization part lets ``accept`` find the row under
row-level security before the person belongs to the organization. A newer invitation to
the same address replaces older pending ones; an invitation expires after
``invitation_lifetime_hours``.

Who may accept: the person signed in as the invited, verified address; or, with no
session, the holder of the link (it went to that mailbox, which is what verifyEmail
trusts too) for the existing, verified account with that address. The second way lets
someone who belongs to no organization yet (whose sessions therefore reach nothing) join:
sign up or sign in with that address, verify it, open the link. Accepting grants no
session; the person still signs in with a password or Google, and TOTP.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.audit.context import acting_as
from assay.auth.models import Invitation, User
from assay.auth.principal import Principal
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, invalid
from assay.identity import members
from assay.identity.emails import normalise_email
from assay.identity.tokens import new_token, token_hash
from assay.identity.trail import Origin
from assay.mail.message import Mail
from assay.mail.transport import MailUnavailable, send
from assay.organizations.models import Membership, MembershipProject, Organization, Role
from assay.projects.models import Project
from assay.projects.service import get_project
from assay.settings import Settings
from assay.tenancy.scope import require_org

_TOKEN = re.compile(r"([0-9a-f]{32})[A-Za-z0-9_-]{43}")

INVITATION_INVALID = "INVITATION_INVALID"
ALREADY_MEMBER = "ALREADY_MEMBER"
WRONG_ACCOUNT = "WRONG_ACCOUNT"
ACCOUNT_REQUIRED = "ACCOUNT_REQUIRED"
PROJECTS_REQUIRED = "PROJECTS_REQUIRED"


def _invalid_invitation() -> Conflict:
    return Conflict("this invitation is invalid, was already used or withdrawn, or has "
                    "expired: ask the organization's admin for a new one", INVITATION_INVALID)


def pending() -> QuerySet[Invitation]:
    """Invitations of the organization in scope that can still be accepted."""
    return Invitation.filter(accepted_at=None, revoked_at=None, expires_at__gt=datetime.now(UTC))


async def _projects(principal: Principal, project_ids: list[uuid.UUID] | None) -> list[Project]:
    if project_ids is None:
        if principal.project_ids is not None:
            raise Conflict("you reach only some projects: name the projects (projectIds) the "
                           "new member may reach", PROJECTS_REQUIRED)
        return []
    if not project_ids:
        raise invalid("projectIds", "name at least one project, or leave projectIds out to "
                                    "give access to every project")
    return [await get_project(pid) for pid in dict.fromkeys(project_ids)]


async def _check_not_member(address: str) -> None:
    user = await User.get_or_none(email=address)
    if user is not None and await Membership.exists(user_id=user.id):
        raise Conflict("this person is already a member: change their role instead",
                       ALREADY_MEMBER)


async def invite(
    settings: Settings, principal: Principal, *, email: str, role: Role,
    project_ids: list[uuid.UUID] | None,
) -> Invitation:
    """Invite ``email`` with ``role`` (narrowed to ``project_ids``) and mail the link."""
    address = normalise_email(email)
    projects = await _projects(principal, project_ids)
    members.check_grant(await members.lock_organization(principal), role)
    await _check_not_member(address)
    now = datetime.now(UTC)
    await pending().filter(email=address).update(revoked_at=now)
    token = require_org().hex + new_token()
    expires_at = now + timedelta(hours=settings.invitation_lifetime_hours)
    invitation = await Invitation.create(
        email=address, role=role, project_ids=[str(p.id) for p in projects],
        token_hash=token_hash(token), invited_by_id=principal.user_id, expires_at=expires_at)
    await audit.record("member.invite", target_type="Invitation", target_id=invitation.id,
                       details={"email": address, "role": role.value,
                                "project_ids": invitation.project_ids})
    organization = await Organization.get(id=require_org())
    inviter = await User.get(id=principal.user_id)
    mail = _mail(settings, address, token, organization.name, inviter.email, invitation)
    try:
        await send(settings, mail)
    except MailUnavailable as exc:  # the savepoint rolls the invitation back
        raise Conflict(exc.message, exc.code) from None
    return invitation


def _mail(settings: Settings, to: str, token: str, organization: str, inviter: str,
          invitation: Invitation) -> Mail:
    reach = "some of its projects" if invitation.project_ids else "all of its projects"
    return Mail(
        to=to,
        subject=f"You are invited to {organization} on Assay",
        text=(
            f"{inviter} invites you to join {organization} on Assay as "
            f"{invitation.role.value.lower()}, with access to {reach}.\n\n"
            f"Open this link to accept (it works once, until "
            f"{invitation.expires_at:%Y-%m-%d %H:%M} UTC):\n"
            f"{settings.public_url}/accept-invitation#token={token}\n\n"
            "No Assay account yet? Sign up with this email address first, then open the "
            "link again.\n"
            f"(Your application can also send this token to the acceptInvitation mutation: "
            f"{token})\n\n"
            "If you do not know why you got this, ignore it: nothing happens without the "
            "link.\n"
        ),
    )


async def revoke(principal: Principal, invitation_id: uuid.UUID) -> Invitation:
    caller_role = await members.lock_organization(principal)
    invitation = await Invitation.get_or_none(id=invitation_id)
    if invitation is None:
        raise NotFound("Invitation", invitation_id)
    members.check_grant(caller_role, invitation.role)
    now = datetime.now(UTC)
    withdrawn = await pending().filter(id=invitation.id).update(revoked_at=now)
    if not withdrawn:
        raise Conflict("this invitation was already accepted, withdrawn, or has expired",
                       INVITATION_INVALID)
    invitation.revoked_at = now
    await audit.record("member.invitation_revoke", target_type="Invitation",
                       target_id=invitation.id, details={"email": invitation.email})
    return invitation


async def _accepting_user(invitation: Invitation, principal: Principal | None) -> User:
    if principal is not None:
        if principal.kind != "user":
            raise Conflict("an invitation is accepted by the invited person, signed in, not "
                           "with an API key", WRONG_ACCOUNT)
        user = await User.get(id=principal.user_id)
        if user.email != invitation.email or user.email_verified_at is None:
            raise Conflict("this invitation was sent to another email address: sign in as "
                           "the person it was sent to", WRONG_ACCOUNT)
        return user
    invited = await User.get_or_none(email=invitation.email)
    if invited is None or invited.email_verified_at is None or not invited.is_active:
        raise Conflict("sign up with the address this invitation was sent to and confirm "
                       "it, then open the invitation link again", ACCOUNT_REQUIRED)
    return invited


async def accept(token: str, principal: Principal | None, origin: Origin
                 ) -> tuple[Membership, uuid.UUID]:
    """Make the invited person a member; returns the membership and its organization."""
    match = _TOKEN.fullmatch(token.strip())
    if match is None:
        raise _invalid_invitation()
    org_id = uuid.UUID(match.group(1))
    async with tenant_transaction(org_id):
        invitation = await pending().select_for_update().get_or_none(
            token_hash=token_hash(token.strip()))
        if invitation is None:
            raise _invalid_invitation()
        user = await _accepting_user(invitation, principal)
        membership = await _join(invitation, user)
        invitation.accepted_at, invitation.accepted_by_id = datetime.now(UTC), user.id
        await invitation.save(update_fields=["accepted_at", "accepted_by_id"])
        with acting_as(origin.actor(user.id)):
            await audit.record("member.join", target_type="Member", target_id=membership.id,
                               details={"invitation_id": str(invitation.id),
                                        "user_id": str(user.id), "role": invitation.role.value})
    return membership, org_id


async def _join(invitation: Invitation, user: User) -> Membership:
    if await Membership.exists(user_id=user.id):
        raise Conflict("you are already a member of this organization", ALREADY_MEMBER)
    wanted = [uuid.UUID(p) for p in invitation.project_ids]
    projects = await Project.filter(id__in=wanted) if wanted else []
    try:
        async with in_transaction():
            membership = await Membership.create(user_id=user.id, role=invitation.role,
                                                 narrowed=bool(wanted))
    except IntegrityError:  # joined a moment ago by another request
        raise Conflict("you are already a member of this organization", ALREADY_MEMBER) from None
    for project in projects:
        await MembershipProject.create(membership_id=membership.id, project_id=project.id)
    return membership
