"""Organizations (the tenants) and memberships (a user's role in one)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from assay.ids import new_id
from assay.tenancy.models import OrgScopedModel


class Role(StrEnum):
    OWNER = "OWNER"
    ADMIN = "ADMIN"
    MEMBER = "MEMBER"
    VIEWER = "VIEWER"


class Organization(Model):
    """The tenant. Row-level security lets a transaction see only its own organization."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organizations"


class Membership(OrgScopedModel):
    """A user's role in an organization, optionally narrowed to chosen projects."""

    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: Any
    role = fields.CharEnumField(Role, max_length=16)
    #: When true, the member reaches only the projects listed in membership_projects.
    narrowed = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    #: Set while the organization's identity provider has deactivated the person (SCIM
    #: ``active: false``): the row stays, but no session or API key acts in the organization.
    suspended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "memberships"
        unique_together = (("organization", "user"),)


class MembershipProject(OrgScopedModel):
    """One project a narrowed membership may reach."""

    membership: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Membership", related_name=False, on_delete=fields.CASCADE
    )
    membership_id: Any
    project: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Project", related_name=False, on_delete=fields.CASCADE
    )
    project_id: Any

    class Meta:
        table = "membership_projects"
        unique_together = (("membership", "project"),)
