"""People and their credentials: users, sessions, API keys, and the sign-in factors.

Everything here except API keys is global (a person may belong to several organizations):
passwords, verification links, sign-in challenges, TOTP factors and recovery codes belong
to the user. Every token a client presents is stored only as its SHA-256.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from assay.ids import new_id
from assay.organizations.models import Role
from assay.tenancy.models import OrgScopedModel, ProjectScopedModel


class User(Model):
    """A person. Users are global; what they reach is decided by their memberships."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    email = fields.CharField(max_length=320, unique=True)
    display_name = fields.CharField(max_length=200, default="")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    #: argon2id PHC string; None for people who have not set a password (yet).
    password_hash = fields.CharField(max_length=255, null=True)
    #: When the person proved they read mail at ``email``; no session before that.
    email_verified_at = fields.DatetimeField(null=True)

    class Meta:
        table = "users"


class Session(Model):
    """A server-side session; the cookie carries an opaque token, the table its SHA-256."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=400, default="")

    class Meta:
        table = "sessions"


class TokenPurpose(StrEnum):
    VERIFY_EMAIL = "VERIFY_EMAIL"
    RESET_PASSWORD = "RESET_PASSWORD"


class UserToken(Model):
    """A single-use link token mailed to a user (email verification, password reset).

    Consumed by one conditional UPDATE (``used_at IS NULL AND expires_at > now``), so a
    token works once even when presented twice at the same moment.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    purpose = fields.CharEnumField(TokenPurpose, max_length=32)
    #: The address the link was sent to: a token proves nothing about any other address.
    email = fields.CharField(max_length=320)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user_tokens"


class LoginChallenge(Model):
    """The short-lived, single-use proof that a first factor succeeded; TOTP completes it."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    token_hash = fields.CharField(max_length=64, unique=True)
    #: How the first factor was passed: "password" (later "oidc").
    method = fields.CharField(max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    #: Wrong codes tried against this challenge; it dies at a small limit.
    failed_attempts = fields.IntField(default=0)
    ip = fields.CharField(max_length=64, default="")

    class Meta:
        table = "login_challenges"


class TotpFactor(Model):
    """A user's authenticator: the sealed secret and the last time step accepted.

    ``last_step`` is advanced only by ``UPDATE ... WHERE last_step < step``, so a code (and
    any earlier one) is accepted at most once, however many requests race with it.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    ciphertext = fields.BinaryField()
    nonce = fields.BinaryField()
    key_version = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    #: None while enrollment is pending (the secret was shown, no code confirmed it yet).
    confirmed_at = fields.DatetimeField(null=True)
    last_step = fields.BigIntField(default=0)

    class Meta:
        table = "totp_factors"


class RecoveryCode(Model):
    """One single-use recovery code; only its SHA-256 (bound to the user) is stored."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    code_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "recovery_codes"
        unique_together = (("user", "code_hash"),)


class ApiKeyScope(StrEnum):
    READ = "READ"
    WRITE = "WRITE"


class ApiKey(ProjectScopedModel):
    """A key for scripts and CI, bound to one project; only its SHA-256 is stored."""

    name = fields.CharField(max_length=200)
    #: The first characters of the key, shown to help people recognise it.
    prefix = fields.CharField(max_length=16)
    key_hash = fields.CharField(max_length=64, unique=True)
    scope = fields.CharEnumField(ApiKeyScope, max_length=8)
    created_by: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_by_id: Any
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_keys"


class OidcIdentity(Model):
    """A person's account at an OpenID Connect provider (Google), keyed on issuer + subject.

    The subject (``sub``) is the provider's stable id for the person; the email it reports
    can change or be reused, so it is kept only as what was last seen, never as a key.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    issuer = fields.CharField(max_length=255)
    subject = fields.CharField(max_length=255)
    #: The address the provider last reported (informational).
    email = fields.CharField(max_length=320, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "oidc_identities"
        unique_together = (("issuer", "subject"),)


class OidcLogin(Model):
    """A sign-in sent to the provider and not back yet: its ``state``, bound to the browser.

    Only hashes of the state and of the browser's cookie are stored; the PKCE verifier is
    derived from that cookie and stored nowhere. Consumed once by a conditional UPDATE.
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    state_hash = fields.CharField(max_length=64, unique=True)
    browser_hash = fields.CharField(max_length=64)
    #: Not secret (it travels through the browser and back inside the ID token).
    nonce = fields.CharField(max_length=64)
    #: "login", or "signup" (create an account and this organization if none matches).
    intent = fields.CharField(max_length=16)
    organization_name = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "oidc_logins"


class Invitation(OrgScopedModel):
    """A single-use invitation to join an organization, mailed to one address.

    The token is stored as its SHA-256; it starts with the organization's id so the
    invitation is found under row-level security before anyone is a member.
    """

    email = fields.CharField(max_length=320)
    role = fields.CharEnumField(Role, max_length=16)
    #: Project ids (strings) the membership is narrowed to; empty = every project.
    project_ids: Any = fields.JSONField(default=list)
    token_hash = fields.CharField(max_length=64, unique=True)
    invited_by: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    invited_by_id: Any
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    accepted_by: fields.ForeignKeyRelation[Any] | None = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.SET_NULL, null=True
    )
    accepted_by_id: Any
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitations"
