"""Tenant-owned model bases with managers that filter by the scope and fail closed.

``OrgScopedModel``: rows of one organization. ``ProjectScopedModel``: rows of one project
of one organization; narrowed memberships and project-bound API keys see only their
projects. Both managers raise :class:`TenantScopeMissing` when no organization is in scope.
``unscoped`` is the explicit escape hatch, allowed only in the modules listed in
``tests/security/test_structure.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import BulkCreateQuery, QuerySet

from assay.ids import new_id
from assay.tenancy.scope import Scope, TenantScopeMissing, require_scope


class OrgScopedManager(Manager):
    def get_queryset(self) -> QuerySet[Any]:
        scope = require_scope()
        return QuerySet(self._model).filter(organization_id=scope.org_id)


class ProjectScopedManager(Manager):
    def get_queryset(self) -> QuerySet[Any]:
        scope = require_scope()
        queryset = QuerySet(self._model).filter(organization_id=scope.org_id)
        if scope.project_ids is not None:
            queryset = queryset.filter(project_id__in=list(scope.project_ids))
        return queryset


def _inherit_manager(cls: type[Model]) -> None:
    """Give ``cls`` a fresh instance of the nearest base's scoped manager.

    Tortoise reads ``Meta.manager`` only from a model's own ``Meta``; without this, every
    concrete tenant model would silently get an unscoped manager.
    """
    own_meta = cls.__dict__.get("Meta")
    if own_meta is not None and "manager" in vars(own_meta):
        return
    for base in cls.__mro__[1:]:
        base_meta = base.__dict__.get("Meta")
        if base_meta is not None and "manager" in vars(base_meta):
            cls._meta.manager = type(vars(base_meta)["manager"])()
            return


class OrgScopedModel(Model):
    """A row that belongs to exactly one organization."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.RESTRICT, index=True
    )
    organization_id: Any

    unscoped = Manager()

    class Meta:
        abstract = True
        manager = OrgScopedManager()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _inherit_manager(cls)

    async def save(
        self,
        using_db: BaseDBAsyncClient | None = None,
        update_fields: Any = None,
        force_create: bool = False,
        force_update: bool = False,
    ) -> None:
        self._stamp(require_scope())
        await super().save(using_db, update_fields, force_create, force_update)

    @classmethod
    def bulk_create(
        cls,
        objects: Iterable[Self],
        batch_size: int | None = None,
        ignore_conflicts: bool = False,
        update_fields: Iterable[str] | None = None,
        on_conflict: Iterable[str] | None = None,
        using_db: BaseDBAsyncClient | None = None,
    ) -> BulkCreateQuery[Self]:
        """Insert many rows at once, each checked and stamped as :meth:`save` does (it skips
        ``save``): raises without an organization in scope or for another one's rows."""
        scope = require_scope()
        rows = list(objects)
        for row in rows:
            row._stamp(scope)
        return super().bulk_create(rows, batch_size, ignore_conflicts, update_fields,
                                   on_conflict, using_db)

    def _stamp(self, scope: Scope) -> None:
        """Give the row the organization in scope; refuse another organization's or project's."""
        if self.organization_id is None:
            self.organization_id = scope.org_id
        elif self.organization_id != scope.org_id:
            raise TenantScopeMissing(
                "refusing to save a row of another organization than the one in scope"
            )
        self._check_project(scope.project_ids)

    def _check_project(self, project_ids: Any) -> None:
        """Project-scoped subclasses refuse rows outside the allowed projects."""


class ProjectScopedModel(OrgScopedModel):
    """A row that belongs to one project (and through it, one organization)."""

    project: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Project", related_name=False, on_delete=fields.RESTRICT, index=True
    )
    project_id: Any

    class Meta:
        abstract = True
        manager = ProjectScopedManager()

    def _check_project(self, project_ids: Any) -> None:
        if project_ids is not None and self.project_id not in project_ids:
            raise TenantScopeMissing("refusing to save a row of a project outside the scope")
