"""People and their credentials: users, sessions and API keys."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from assay.ids import new_id
from assay.tenancy.models import ProjectScopedModel


class User(Model):
    """A person. Users are global; what they reach is decided by their memberships."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    email = fields.CharField(max_length=320, unique=True)
    display_name = fields.CharField(max_length=200, default="")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

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
