"""Signing up and verifying the email address.

``sign_up`` answers the same whether the address is new or taken, and spends the same work
on both (an argon2 hash and one email): a new address gets an account, an organization
and a verification link; a taken one gets a notice (or, if still unverified, a fresh
link). ``verify_email`` consumes a link once; it never signs anyone in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit.context import acting_as
from assay.auth.models import TokenPurpose, User, UserToken
from assay.errors import Issue, ValidationFailed
from assay.identity import messages, passwords
from assay.identity.emails import normalise_email
from assay.identity.errors import TOKEN_INVALID, SignInFailed
from assay.identity.tokens import new_token, token_hash
from assay.identity.trail import Origin, record_for_user
from assay.mail.transport import send
from assay.organizations import service as organizations
from assay.settings import Settings

VERIFICATION_LIFETIME = timedelta(hours=24)


async def sign_up(
    settings: Settings, *, email: str, password: str, organization_name: str, origin: Origin
) -> None:
    """Create the account (or notify the owner of the address). Raises only on bad input."""
    address, normalised, name = _checked(email, password, organization_name)
    password_hash = await passwords.hash_password(settings, normalised)
    existing = await User.get_or_none(email=address)
    if existing is None:
        try:
            token = await _create_account(address, password_hash, name, origin)
        except IntegrityError:  # the same address signed up a moment ago
            existing = await User.get(email=address)
        else:
            await send(settings, messages.verification(settings, address, token))
            return
    await _answer_existing(settings, existing, origin)


def _checked(email: str, password: str, organization_name: str) -> tuple[str, str, str]:
    """The normalised inputs, or one validation error listing every bad field."""
    issues: list[Issue] = []
    address = normalised = name = ""
    try:
        address = normalise_email(email)
    except ValidationFailed as exc:
        issues += exc.issues
    try:
        normalised = passwords.check_policy(password, email=address or email)
    except ValidationFailed as exc:
        issues += exc.issues
    try:
        name = organizations.check_name(organization_name, "organizationName")
    except ValidationFailed as exc:
        issues += exc.issues
    if issues:
        raise ValidationFailed(issues)
    return address, normalised, name


async def _create_account(address: str, password_hash: str, name: str, origin: Origin) -> str:
    async with in_transaction():
        user = await User.create(email=address, password_hash=password_hash)
        with acting_as(origin.actor(user.id)):
            org_id, _ = await organizations.found_organization(name=name, owner=user)
        await record_for_user(user.id, "user.sign_up", origin,
                              {"organization_id": str(org_id)})
        return await _issue_verification(user)


async def _issue_verification(user: User) -> str:
    """A new 24-hour link; links sent before it stop working."""
    now = datetime.now(UTC)
    await UserToken.filter(
        user_id=user.id, purpose=TokenPurpose.VERIFY_EMAIL, used_at=None
    ).update(used_at=now)
    token = new_token()
    await UserToken.create(
        user_id=user.id, purpose=TokenPurpose.VERIFY_EMAIL, email=user.email,
        token_hash=token_hash(token), expires_at=now + VERIFICATION_LIFETIME,
    )
    return token


async def _answer_existing(settings: Settings, user: User, origin: Origin) -> None:
    await record_for_user(user.id, "user.sign_up_repeated", origin)
    if user.email_verified_at is None:
        async with in_transaction():
            token = await _issue_verification(user)
        await send(settings, messages.verification(settings, user.email, token, again=True))
        return
    await send(settings, messages.already_registered(settings, user.email))


def _invalid_link() -> SignInFailed:
    return SignInFailed(
        TOKEN_INVALID,
        "this link is invalid, was already used, or has expired (links work for 24 hours): "
        "sign up again with the same address to get a new one",
    )


async def verify_email(token: str, origin: Origin) -> User:
    """Mark the address of the link's user verified; the link works once."""
    row = await UserToken.get_or_none(
        token_hash=token_hash(token), purpose=TokenPurpose.VERIFY_EMAIL
    )
    now = datetime.now(UTC)
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise _invalid_link()
    async with in_transaction():
        consumed = await UserToken.filter(id=row.id, used_at=None, expires_at__gt=now).update(
            used_at=now
        )
        user = await User.get(id=row.user_id)
        if not consumed or user.email != row.email:
            raise _invalid_link()
        if user.email_verified_at is None:
            user.email_verified_at = now
            await user.save(update_fields=["email_verified_at"])
        await record_for_user(user.id, "user.email_verified", origin)
    return user
