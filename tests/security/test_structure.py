"""Structural guards: declared access on every root field, scoped tenant models, few raw doors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.models import Model

from assay.auth.permissions import ROLE_PERMISSIONS, Permission
from assay.organizations.models import MembershipProject
from assay.tenancy.models import (
    OrgScopedManager,
    OrgScopedModel,
    ProjectScopedManager,
    ProjectScopedModel,
)
from assay.tenancy.scope import TenantScopeMissing
from tests.security.walk import all_field_permissions, root_fields, sdl_schema

SERVER = Path(__file__).resolve().parents[2] / "server"
SCHEMA = sdl_schema()
ROOTS = root_fields(SCHEMA)

#: Root fields anyone may call. Adding one is a security decision: review it, then list it.
PUBLIC_FIELDS = {
    "query.viewer",
    # Signing up and in: each needs what it checks (a password, a mailed token, a challenge
    # and a one-time code) and nothing else; they answer alike for unknown accounts.
    "mutation.signUp",
    "mutation.verifyEmail",
    "mutation.logIn",
    "mutation.beginTotpEnrollment",
    "mutation.confirmTotpEnrollment",
    "mutation.verifyTotp",
    # Password recovery: the answer is the same for every address (the link goes only to the
    # address itself); the mailed token is the credential, and a reset issues no session.
    "mutation.requestPasswordReset",
    "mutation.resetPassword",
    # Joining an organization: the mailed invitation token is the credential (and a signed-in
    # caller must be the invited address); it issues no session.
    "mutation.acceptInvitation",
}

#: Models that belong to no organization (the tenant itself, people and what proves who they
#: are, sessions, aerich).
GLOBAL_MODELS = {"Organization", "User", "Session", "Aerich", "UserToken", "LoginChallenge",
                 "TotpFactor", "RecoveryCode", "UserDataKey", "OidcIdentity", "OidcLogin",
                 "CalibrationReport"}

#: Models with a project foreign key that are deliberately scoped by organization only:
#: the rows that define a member's project narrowing are read before it applies.
ORG_SCOPED_WITH_PROJECT = {MembershipProject}

#: Doors around the scoped managers and row-level security, and the modules allowed to use
#: each. The test fails on any other use, and on an entry that is no longer needed.
RAW_DOORS = (".unscoped", ".raw(", "execute_query", "execute_script", "organization_id=")
ALLOWED_DOORS: dict[str, set[str]] = {
    # A signed-in user's memberships across organizations (RLS allows own rows by user id).
    "assay/auth/memberships.py": {".unscoped"},
    # The transaction-level advisory lock that serialises appends to one chain.
    "assay/audit/service.py": {"execute_query"},
    # The audit CLI lists organizations to verify each chain.
    "assay/cli/audit.py": {"execute_query"},
    # KEK rotation checks that its (owner) connection may bypass row-level security.
    "assay/crypto/rotation.py": {"execute_query"},
    # The health check's SELECT 1.
    "assay/app.py": {"execute_query"},
    # Setting the organization per transaction; grants, policies and triggers.
    "assay/db/transactions.py": {"execute_query"},
    "assay/db/security.py": {"execute_query", "execute_script"},
    # The run reaper lists live runs of every organization through the database function
    # assay_live_runs() (ids only), then reads each organization in a tenant transaction.
    "assay/runs/reaper.py": {"execute_query"},
    # The statements every case job runs, written once in SQL (building them through the
    # ORM cost more CPU than running them); each also filters by the organization in scope.
    "assay/runs/hot_path.py": {"execute_query"},
    # Evaluation jobs write a case result once and count it in one statement (INSERT ... ON
    # CONFLICT DO NOTHING, then UPDATE ... SET n = n + 1); it names the organization in scope.
    "assay/evaluations/recording.py": {"execute_query"},
    # A page of case results per evaluation (a window function, filtered by the organization
    # in scope); the results load through the manager.
    "assay/evaluations/case_pages.py": {"execute_query"},
    # Case imports: an advisory lock so one idempotency key imports once.
    "assay/testing/importing.py": {"execute_query"},
    # A page of case ids per suite (a window function); the cases load through the manager.
    "assay/testing/suite_pages.py": {"execute_query"},
    # The scoped managers themselves.
    "assay/tenancy/models.py": {"organization_id="},
    # The viewer's organization id (a GraphQL field, not a filter).
    "assay/graphql/auth/queries.py": {"organization_id="},
}


def test_every_root_field_declares_its_access() -> None:
    unmarked = [r.label for r in ROOTS if r.permission is None and r.public_reason is None]
    both = [r.label for r in ROOTS if r.permission is not None and r.public_reason is not None]

    assert unmarked == [], "give these fields guarded_field/guarded_mutation or public_field"
    assert both == []


def test_only_reviewed_fields_are_public() -> None:
    public = {r.label for r in ROOTS if r.public_reason is not None}
    reasons = [r.public_reason for r in ROOTS if r.public_reason is not None]

    assert public == PUBLIC_FIELDS
    assert all(reason and reason.strip() for reason in reasons)


def test_declared_permissions_are_known() -> None:
    known = {p.value for p in Permission}

    unknown = {f: p for f, p in all_field_permissions(SCHEMA).items() if p not in known}

    assert unknown == {}


def test_every_granted_permission_guards_some_field() -> None:
    granted = {p.value for permissions in ROLE_PERMISSIONS.values() for p in permissions}
    used = set(all_field_permissions(SCHEMA).values())

    assert sorted(granted - used) == [], "a role grants a permission no field asks for"


def test_every_permission_is_granted_to_some_role() -> None:
    granted = {p for permissions in ROLE_PERMISSIONS.values() for p in permissions}

    assert set(Permission) - granted == set()


def _models() -> list[type[Model]]:
    return list(Tortoise.apps["models"].values())


def _fk_targets(model: type[Model]) -> set[str]:
    fields: dict[str, Any] = model._meta.fields_map
    return {fields[name].related_model.__name__ for name in model._meta.fk_fields}


def test_models_with_an_organization_are_scoped(database: object) -> None:
    unscoped = [
        m.__name__ for m in _models()
        if "Organization" in _fk_targets(m) and not issubclass(m, OrgScopedModel)
    ]

    assert unscoped == [], "derive these models from OrgScopedModel or ProjectScopedModel"


def test_only_listed_models_are_global(database: object) -> None:
    global_models = {m.__name__ for m in _models() if not issubclass(m, OrgScopedModel)}

    assert global_models == GLOBAL_MODELS


def test_models_with_a_project_are_project_scoped(database: object) -> None:
    loose = [
        m.__name__ for m in _models()
        if "Project" in _fk_targets(m) and not issubclass(m, ProjectScopedModel)
        and m not in ORG_SCOPED_WITH_PROJECT
    ]

    assert loose == [], "derive these models from ProjectScopedModel"


def test_scoped_models_keep_the_scoped_manager(database: object) -> None:
    def manager(model: type[Model]) -> Any:
        return model._meta.manager

    wrong = [
        m.__name__ for m in _models() if issubclass(m, OrgScopedModel) and not (
            isinstance(manager(m), ProjectScopedManager) if issubclass(m, ProjectScopedModel)
            else isinstance(manager(m), OrgScopedManager)
        )
    ]

    assert wrong == [], "these models query through a plain Manager: give them the scoped one"


def test_tenant_models_fail_closed_without_a_scope(database: object) -> None:
    open_models = []
    for model in _models():
        if not issubclass(model, OrgScopedModel):
            continue
        try:
            model.all()
        except TenantScopeMissing:
            continue
        open_models.append(model.__name__)

    assert open_models == [], "these models answer queries with no organization in scope"


def _door_uses() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((SERVER / "assay").rglob("*.py")):
        text = path.read_text()
        doors = {door for door in RAW_DOORS if door in text}
        if doors:
            found[path.relative_to(SERVER).as_posix()] = doors
    return found


def test_raw_doors_only_in_allowed_modules() -> None:
    found = _door_uses()

    outside = {m: d - ALLOWED_DOORS.get(m, set()) for m, d in found.items()}
    assert {m: d for m, d in outside.items() if d} == {}, "use the scoped managers instead"


def test_door_allow_list_has_no_stale_entries() -> None:
    found = _door_uses()

    stale = {m: d - found.get(m, set()) for m, d in ALLOWED_DOORS.items()}
    assert {m: d for m, d in stale.items() if d} == {}, "remove entries no longer needed"


def test_no_module_reaches_the_unscoped_query_set() -> None:
    pattern = re.compile(r"\bQuerySet\(")
    users = sorted(
        path.relative_to(SERVER).as_posix()
        for path in (SERVER / "assay").rglob("*.py") if pattern.search(path.read_text())
    )

    assert users == ["assay/tenancy/models.py"]
