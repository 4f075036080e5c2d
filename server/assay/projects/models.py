"""Projects: workspaces inside an organization."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.queryset import QuerySet

from assay.tenancy.models import OrgScopedManager, OrgScopedModel
from assay.tenancy.scope import require_scope


class ProjectManager(OrgScopedManager):
    """Projects of the organization in scope, narrowed to the allowed ones."""

    def get_queryset(self) -> QuerySet[Any]:
        queryset = super().get_queryset()
        project_ids = require_scope().project_ids
        if project_ids is not None:
            queryset = queryset.filter(id__in=list(project_ids))
        return queryset


class Project(OrgScopedModel):
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "projects"
        manager = ProjectManager()
        unique_together = (("organization", "name"),)
