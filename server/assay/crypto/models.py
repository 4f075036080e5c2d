"""Per-organization data keys, stored wrapped by a key-encryption key."""

from __future__ import annotations

from tortoise import fields

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
