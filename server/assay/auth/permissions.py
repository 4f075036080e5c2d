"""Roles, permissions and the one table that maps them.

Permissions are ``domain.action`` strings. An API key acts with the permissions of the
member who created it, cut down to its scope: ``READ`` keeps only ``*.read``; ``WRITE``
drops what no key may do (organization administration).
"""

from __future__ import annotations

from enum import StrEnum

from assay.auth.models import ApiKeyScope
from assay.organizations.models import Role


class Permission(StrEnum):
    ORGANIZATION_READ = "organization.read"
    PROJECT_READ = "project.read"
    PROJECT_CREATE = "project.create"
    TESTCASE_READ = "testcase.read"
    TESTCASE_WRITE = "testcase.write"
    SUITE_READ = "suite.read"
    SUITE_WRITE = "suite.write"
    PLAN_READ = "plan.read"
    PLAN_WRITE = "plan.write"
    CONNECTION_READ = "connection.read"
    CONNECTION_WRITE = "connection.write"
    CONNECTION_CREDENTIAL_ROTATE = "connection.credential.rotate"
    CONNECTION_TEST = "connection.test"
    APIKEY_READ = "apikey.read"
    APIKEY_CREATE = "apikey.create"
    APIKEY_REVOKE = "apikey.revoke"
    AUDIT_READ = "audit.read"
    RUN_READ = "run.read"
    RUN_CREATE = "run.create"
    RUN_CANCEL = "run.cancel"
    #: A signed-in person's own sessions (list, revoke, sign out); never an API key's.
    SESSION_MANAGE = "session.manage"
    #: The organization's members (people, their emails and roles).
    MEMBER_READ = "member.read"
    #: Invite members, change their roles, remove them (owners alone grant or remove OWNER).
    MEMBER_MANAGE = "member.manage"
    #: Evaluations of runs: read them, ask for new ones.
    EVALUATION_READ = "evaluation.read"
    EVALUATION_CREATE = "evaluation.create"
    #: The evaluator catalog and calibration reports.
    EVALUATOR_READ = "evaluator.read"
    #: Enable an evaluator version with a judge model (the calibration gate).
    EVALUATOR_MANAGE = "evaluator.manage"
    #: The organization's judge configurations (never their keys).
    JUDGE_READ = "judge.read"
    #: Configure judges: provider, model, sealed key.
    JUDGE_MANAGE = "judge.manage"
    #: Installed plugins: versions, distributions, and why any was rejected.
    PLUGIN_READ = "plugin.read"
    #: Reports: read them and their exports; create them from evaluations.
    REPORT_READ = "report.read"
    REPORT_CREATE = "report.create"
    #: The organization's webhook endpoints and their deliveries (never the secrets).
    WEBHOOK_READ = "webhook.read"
    #: Register, change, delete webhook endpoints; rotate their secrets; redeliver events.
    WEBHOOK_MANAGE = "webhook.manage"
    #: SCIM provisioning: mint, list and revoke the tokens an identity provider calls with.
    SCIM_MANAGE = "scim.manage"


_READ = frozenset(p for p in Permission if p.value.endswith(".read"))
_MEMBER = _READ - {Permission.AUDIT_READ, Permission.APIKEY_READ, Permission.PLUGIN_READ,
                    Permission.WEBHOOK_READ} | {
    Permission.TESTCASE_WRITE,
    Permission.SUITE_WRITE,
    Permission.PLAN_WRITE,
    Permission.CONNECTION_WRITE,
    Permission.CONNECTION_CREDENTIAL_ROTATE,
    Permission.CONNECTION_TEST,
    Permission.RUN_CREATE,
    Permission.RUN_CANCEL,
    Permission.SESSION_MANAGE,
    Permission.EVALUATION_CREATE,
    Permission.REPORT_CREATE,
}
_ADMIN = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _ADMIN,
    Role.ADMIN: _ADMIN,
    Role.MEMBER: frozenset(_MEMBER),
    Role.VIEWER: _READ - {Permission.AUDIT_READ, Permission.APIKEY_READ, Permission.PLUGIN_READ,
                          Permission.WEBHOOK_READ}
    | {Permission.SESSION_MANAGE},
}

#: What no API key may do, whatever its scope: administer the organization, mint keys, or
#: act on a person's sessions.
KEY_FORBIDDEN = frozenset(
    {
        Permission.SESSION_MANAGE,
        Permission.PROJECT_CREATE,
        Permission.APIKEY_READ,
        Permission.APIKEY_CREATE,
        Permission.APIKEY_REVOKE,
        Permission.AUDIT_READ,
        Permission.MEMBER_READ,
        Permission.MEMBER_MANAGE,
        Permission.EVALUATOR_MANAGE,
        Permission.JUDGE_MANAGE,
        Permission.PLUGIN_READ,
        Permission.WEBHOOK_MANAGE,
        Permission.SCIM_MANAGE,
    }
)


def key_permissions(role: Role, scope: ApiKeyScope) -> frozenset[Permission]:
    allowed = ROLE_PERMISSIONS[role] - KEY_FORBIDDEN
    if scope is ApiKeyScope.READ:
        allowed = allowed & _READ
    return allowed
