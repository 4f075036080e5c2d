"""Data keys (per organization, and per user), stored wrapped by a key-encryption key."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model

from assay.ids import new_id
from assay.tenancy.models import OrgScopedModel


class OrgDataKey(OrgScopedModel):
    version = fields.IntField()
    #: AES-GCM(KEK, data key) with nonce prefixed; AAD binds it to the organization.
    wrapped_key = fields.BinaryField()
    kek_id = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    rewrapped_at = fields.DatetimeField(null=True)

    class Meta:
        table = "org_data_keys"
        unique_together = (("organization", "version"),)


class UserDataKey(Model):
    """A person's own data key, wrapped by a KEK: it seals what belongs to the user, not to
    any one organization (their TOTP secret), so it survives leaving any organization."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    version = fields.IntField()
    #: AES-GCM(KEK, data key) with nonce prefixed; AAD binds it to the user and version.
    wrapped_key = fields.BinaryField()
    kek_id = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    rewrapped_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user_data_keys"
        unique_together = (("user", "version"),)
