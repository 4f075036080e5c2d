"""SCIM 2.0 provisioning state of one organization: its tokens, and the users and groups its
identity provider manages.

Users are global in Assay; an organization's directory is its memberships. A ``ScimUser``
links one membership to what the identity provider says about it (userName, name parts,
emails, externalId, active); those attributes live here, in the organization, and never
change the global user (whose email, password and other memberships belong to the person).
A ``ScimGroup`` maps the provider's group to a role (and optionally projects) in Assay;
``assay.scim.access`` derives each member's role and project narrowing from their groups.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields

from assay.organizations.models import Role
from assay.tenancy.models import OrgScopedModel


class ScimToken(OrgScopedModel):
    """The bearer token an identity provider calls /scim/v2 with; only its SHA-256 is stored.

    It reads ``assay_scim_<organization id, hex>_<43 random characters>``, is shown once,
    and always expires (at most two years after it was made).
    """

    name = fields.CharField(max_length=200)
    #: The first characters of the token, shown to help people recognise it.
    prefix = fields.CharField(max_length=24)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_by_id: Any
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "scim_tokens"


class ScimUser(OrgScopedModel):
    """A membership managed by the organization's identity provider (a SCIM User resource)."""

    membership: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.Membership", related_name=False, on_delete=fields.CASCADE
    )
    membership_id: Any
    external_id = fields.CharField(max_length=255, null=True)
    #: False = the membership is suspended (``Membership.suspended_at`` is set).
    active = fields.BooleanField(default=True)
    #: The SCIM ``userName`` as the provider sent it.
    user_name = fields.CharField(max_length=320)
    #: ``user_name`` case-folded: userName is unique per organization, case-insensitively.
    user_name_key = fields.CharField(max_length=320)
    given_name = fields.CharField(max_length=200, default="")
    family_name = fields.CharField(max_length=200, default="")
    formatted_name = fields.CharField(max_length=400, default="")
    display_name = fields.CharField(max_length=200, default="")
    #: [{"value": lower-cased address, "type": "work"|"home"|"other"|"", "primary": bool}]
    emails: Any = fields.JSONField(default=list)
    #: Bumped on every change of the resource; ``meta.version`` is ``W/"<version>"``.
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "scim_users"
        unique_together = (("organization", "user_name_key"),)


class ScimGroup(OrgScopedModel):
    """A group of the identity provider, and the access it gives its members in Assay."""

    display_name = fields.CharField(max_length=200)
    external_id = fields.CharField(max_length=255, null=True)
    #: The role the group gives (never OWNER: SCIM cannot make owners).
    role = fields.CharEnumField(Role, max_length=16, default=Role.MEMBER)
    #: Project ids (strings) the group narrows its members to; empty = every project.
    project_ids: Any = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "scim_groups"
        unique_together = (("organization", "display_name"),)


class ScimGroupMember(OrgScopedModel):
    """One membership in one SCIM group."""

    group: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.ScimGroup", related_name=False, on_delete=fields.CASCADE
    )
    group_id: Any
    #: Indexed: a user's groups are looked up by membership.
    membership: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Membership", related_name=False, on_delete=fields.CASCADE, index=True
    )
    membership_id: Any

    class Meta:
        table = "scim_group_members"
        unique_together = (("group", "membership"),)
