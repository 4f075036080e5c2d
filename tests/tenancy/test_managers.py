"""Every tenant model queries through a scoped manager that fails closed."""

from __future__ import annotations

import uuid

import pytest
from tortoise import Tortoise

from assay.projects.models import ProjectManager
from assay.tenancy.models import (
    OrgScopedManager,
    OrgScopedModel,
    ProjectScopedManager,
    ProjectScopedModel,
)
from assay.tenancy.scope import TenantScopeMissing, org_scope


def tenant_models() -> list[type[OrgScopedModel]]:
    return sorted(
        (m for m in Tortoise.apps["models"].values() if issubclass(m, OrgScopedModel)),
        key=lambda m: m.__name__,
    )


def expected_manager(model: type[OrgScopedModel]) -> type:
    if model.__name__ == "Project":
        return ProjectManager
    if issubclass(model, ProjectScopedModel):
        return ProjectScopedManager
    return OrgScopedManager


def test_every_tenant_model_has_its_scoped_manager(database: object) -> None:
    wrong = {
        m.__name__: type(m._meta.manager).__name__
        for m in tenant_models()
        if type(m._meta.manager) is not expected_manager(m) or m._meta.manager._model is not m
    }

    assert len(tenant_models()) == 33
    assert wrong == {}


@pytest.mark.parametrize("name", [
    "AgentConnection", "ApiKey", "AuditEvent", "CaseImport", "ConnectionCredential",
    "Membership", "MembershipProject", "OrgDataKey", "Plan", "PlanSuite", "Project", "Run",
    "RunCase", "RunCaseResult", "Suite", "SuiteTestCase", "TestCase", "TestCaseVersion",
])
async def test_queries_without_an_organization_raise(database: object, name: str) -> None:
    model = Tortoise.apps["models"][name]

    with pytest.raises(TenantScopeMissing):
        await model.all()
    with pytest.raises(TenantScopeMissing):
        await model.filter(id=uuid.uuid4()).count()


def test_project_narrowing_filters_project_scoped_queries(database: object) -> None:
    org, allowed = uuid.uuid4(), uuid.uuid4()
    model = Tortoise.apps["models"]["TestCase"]

    with org_scope(org, frozenset({allowed})):
        sql = model.all().sql()

    assert sql.endswith('FROM "test_cases" WHERE "organization_id"=$1 AND "project_id" IN ($2)')
