"""Which Assay account a verified provider identity signs in to.

1. An identity seen before (same issuer and subject) is its account, whatever email the
   provider reports now.
2. Otherwise, an address the provider says it has verified links to the account with that
   address (audited). If that account never verified its address itself, whoever created
   it never proved the address was theirs (an account "pre-hijacked" before its owner came),
   so its password is cleared and pending verification links die; the provider's proof
   stands instead.
3. Otherwise a new account is opened only when the person asked to sign up, named the
   organization to create, and the provider verified the address: that account owns the new
   organization, exactly as after ``signUp`` and ``verifyEmail``.
4. Anything else signs nobody in. An unverified address never links and never opens an
   account; the refusal does not say whether an account with that address exists.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit.context import acting_as
from assay.auth.models import OidcIdentity, TokenPurpose, User, UserToken
from assay.identity.oidc_errors import ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED, NO_ACCOUNT, OidcFailed
from assay.identity.oidc_tokens import IdentityClaims
from assay.identity.trail import Origin, record_for_user
from assay.organizations import service as organizations

SIGN_UP = "signup"


def _no_account() -> OidcFailed:
    return OidcFailed(NO_ACCOUNT, "no Assay account is linked to this Google account: sign in "
                      "with your email and password, or sign up with Google (naming your "
                      "organization) or with your email address")


def _not_verified() -> OidcFailed:
    return OidcFailed(EMAIL_NOT_VERIFIED, "the sign-in provider has not verified this email "
                      "address, so Assay cannot use it: verify it with the provider first, or "
                      "sign up with your email address and a password")


def _usable(user: User) -> User:
    if not user.is_active:
        raise OidcFailed(ACCOUNT_DISABLED, "this Assay account is disabled: ask your "
                         "organization's owner")
    return user


async def account_for(
    claims: IdentityClaims, *, intent: str, organization_name: str, origin: Origin
) -> User:
    """The account ``claims`` sign in to (linked or opened as described above)."""
    known = await _known(claims)
    if known is not None:
        return _usable(known)
    if claims.email and claims.email_verified:
        existing = await User.get_or_none(email=claims.email)
        if existing is not None:
            return await _link(existing, claims, origin)
    if intent != SIGN_UP:
        raise _no_account()
    if not (claims.email and claims.email_verified):
        raise _not_verified()
    return await _sign_up(claims, organization_name, origin)


async def _known(claims: IdentityClaims) -> User | None:
    identity = await OidcIdentity.get_or_none(issuer=claims.issuer, subject=claims.subject)
    if identity is None:
        return None
    await OidcIdentity.filter(id=identity.id).update(
        last_login_at=datetime.now(UTC), email=claims.email[:320])
    return await User.get(id=identity.user_id)


async def _link(user: User, claims: IdentityClaims, origin: Origin) -> User:
    _usable(user)
    now = datetime.now(UTC)
    cleared = False
    async with in_transaction():
        if user.email_verified_at is None:
            cleared = user.password_hash is not None
            user.email_verified_at, user.password_hash = now, None
            await user.save(update_fields=["email_verified_at", "password_hash"])
            await UserToken.filter(user_id=user.id, purpose=TokenPurpose.VERIFY_EMAIL,
                                   used_at=None).update(used_at=now)
        linked = await _add_identity(user, claims, now)
        if linked:
            await record_for_user(user.id, "auth.oidc_linked", origin,
                                  {"issuer": claims.issuer, "password_cleared": cleared})
    return user


async def _add_identity(user: User, claims: IdentityClaims, now: datetime) -> bool:
    """Link the identity to ``user``; False if a parallel sign-in linked it a moment ago."""
    try:
        async with in_transaction():
            await OidcIdentity.create(user_id=user.id, issuer=claims.issuer,
                                      subject=claims.subject, email=claims.email[:320],
                                      last_login_at=now)
    except IntegrityError:
        return False
    return True


async def _sign_up(claims: IdentityClaims, organization_name: str, origin: Origin) -> User:
    name = organizations.check_name(organization_name, "organizationName")
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            user = await User.create(email=claims.email, display_name=claims.name,
                                     email_verified_at=now)
            with acting_as(origin.actor(user.id)):
                org_id, _ = await organizations.found_organization(name=name, owner=user)
            await OidcIdentity.create(user_id=user.id, issuer=claims.issuer,
                                      subject=claims.subject, email=claims.email,
                                      last_login_at=now)
            await record_for_user(user.id, "user.sign_up", origin, {
                "organization_id": str(org_id), "method": "oidc", "issuer": claims.issuer})
    except IntegrityError:  # the address or the identity was taken a moment ago
        known = await _known(claims)
        if known is not None:
            return _usable(known)
        return await _link(await User.get(email=claims.email), claims, origin)
    return user
