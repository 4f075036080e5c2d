"""Database-side guards applied by `assay migrate` after the schema migrations.

They are derived from the models, so a new tenant table cannot be forgotten:

- row-level security, enabled and forced, on every tenant table: a transaction sees only
  the organization named by ``assay.org_id`` (set per transaction, never per session);
- privileges for the runtime role: it owns nothing, and on append-only tables it may only
  INSERT and SELECT;
- triggers that refuse UPDATE, DELETE and TRUNCATE of append-only rows even for the owner.
"""

from __future__ import annotations

import re

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient

from assay.evaluations.models import FINAL_EVALUATION_STATUSES
from assay.runs.models import FINAL_RUN_STATUSES, RunStatus
from assay.tenancy.models import OrgScopedModel

ORG_SETTING = "assay.org_id"
USER_SETTING = "assay.user_id"

#: Tables whose rows are written once and never changed: the audit trail, test-case
#: versions, and what runs record.
APPEND_ONLY_TABLES = ("audit_events", "test_case_versions", "run_cases", "run_case_results",
                      "run_case_artifacts", "evaluation_case_results", "calibration_reports",
                      "judge_cache",
                      "reports", "report_summaries")

_CURRENT_ORG = f"NULLIF(current_setting('{ORG_SETTING}', true), '')::uuid"
_CURRENT_USER = f"NULLIF(current_setting('{USER_SETTING}', true), '')::uuid"

_REFUSE_FUNCTION = """
CREATE OR REPLACE FUNCTION assay_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'assay: % on % is refused: rows of this table are immutable',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
"""


_FINAL = ", ".join(f"'{status.value}'" for status in FINAL_RUN_STATUSES)
_FINISHED_RUN_FUNCTION = f"""
CREATE OR REPLACE FUNCTION assay_refuse_finished_run_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status IN ({_FINAL}) THEN
        RAISE EXCEPTION 'assay: % of run % is refused: a run is immutable once %',
            TG_OP, OLD.id, CASE WHEN TG_OP = 'DELETE' THEN 'started' ELSE OLD.status END
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
"""


def _run_guard(app_role: str) -> str:
    """Runs change only while QUEUED or RUNNING, and are never deleted or truncated."""
    return (
        _FINISHED_RUN_FUNCTION
        + f'REVOKE DELETE, TRUNCATE ON "runs" FROM "{app_role}";\n'
        + 'DROP TRIGGER IF EXISTS refuse_finished_run_change ON "runs";\n'
        + 'CREATE TRIGGER refuse_finished_run_change BEFORE UPDATE OR DELETE ON "runs" '
        + "FOR EACH ROW EXECUTE FUNCTION assay_refuse_finished_run_change();\n"
        + 'DROP TRIGGER IF EXISTS refuse_truncate ON "runs";\n'
        + 'CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON "runs" '
        + "FOR EACH STATEMENT EXECUTE FUNCTION assay_refuse_change();\n"
    )


_FINAL_EVALUATION = ", ".join(f"'{status.value}'" for status in FINAL_EVALUATION_STATUSES)
_FINISHED_EVALUATION_FUNCTION = f"""
CREATE OR REPLACE FUNCTION assay_refuse_finished_evaluation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status IN ({_FINAL_EVALUATION}) THEN
        RAISE EXCEPTION 'assay: % of evaluation % is refused: an evaluation is immutable once %',
            TG_OP, OLD.id, CASE WHEN TG_OP = 'DELETE' THEN 'created' ELSE OLD.status END
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
"""


def _evaluation_guard(app_role: str) -> str:
    """Evaluations change only while QUEUED or RUNNING (their counters, then their final
    figures), and are never deleted or truncated; their case results are append-only."""
    return (
        _FINISHED_EVALUATION_FUNCTION
        + f'REVOKE DELETE, TRUNCATE ON "evaluations" FROM "{app_role}";\n'
        + 'DROP TRIGGER IF EXISTS refuse_finished_evaluation_change ON "evaluations";\n'
        + 'CREATE TRIGGER refuse_finished_evaluation_change BEFORE UPDATE OR DELETE ON '
        + '"evaluations" FOR EACH ROW EXECUTE FUNCTION '
        + "assay_refuse_finished_evaluation_change();\n"
        + 'DROP TRIGGER IF EXISTS refuse_truncate ON "evaluations";\n'
        + 'CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON "evaluations" '
        + "FOR EACH STATEMENT EXECUTE FUNCTION assay_refuse_change();\n"
    )


def _live_runs_function(app_role: str) -> str:
    """The one door across organizations the runtime role has: the ids of live runs.

    The run engine's reaper (assay.runs.reaper) must find cases whose job was lost in every
    organization, and the runtime role sees one organization per transaction. This function
    runs as its owner (the migrating role: superuser or BYPASSRLS) and returns only
    (organization id, run id) pairs; the reaper then reads each organization in its own
    tenant transaction.
    """
    live = ", ".join(f"'{s.value}'" for s in RunStatus if s not in FINAL_RUN_STATUSES)
    return (
        "CREATE OR REPLACE FUNCTION assay_live_runs() RETURNS TABLE (org_id uuid, run_id uuid)\n"
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$\n"
        f"    SELECT organization_id, id FROM runs WHERE status IN ({live})\n"
        "    ORDER BY organization_id, created_at\n$$;\n"
        "REVOKE ALL ON FUNCTION assay_live_runs() FROM PUBLIC;\n"
        f'GRANT EXECUTE ON FUNCTION assay_live_runs() TO "{app_role}";\n'
    )


def tenant_tables() -> list[str]:
    """Every table of a model that derives from OrgScopedModel, sorted."""
    tables = {
        model._meta.db_table
        for model in Tortoise.apps["models"].values()
        if issubclass(model, OrgScopedModel)
    }
    return sorted(tables)


def _policy(table: str, using: str) -> str:
    return (
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;\n'
        f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;\n'
        f'DROP POLICY IF EXISTS tenant_isolation ON "{table}";\n'
        f'CREATE POLICY tenant_isolation ON "{table}" USING ({using}) WITH CHECK ({using});\n'
    )


def _own_rows_readable(table: str) -> str:
    """A second, read-only policy: a signed-in user reads their own rows in any organization.

    Policies of one command combine with OR, so this widens SELECT only; writes are still
    checked by organization alone.
    """
    return (
        f'DROP POLICY IF EXISTS own_rows_readable ON "{table}";\n'
        f'CREATE POLICY own_rows_readable ON "{table}" FOR SELECT '
        f"USING (user_id = {_CURRENT_USER});\n"
    )


def _append_only(table: str, app_role: str) -> str:
    return (
        f'REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM "{app_role}";\n'
        f'DROP TRIGGER IF EXISTS refuse_row_change ON "{table}";\n'
        f'CREATE TRIGGER refuse_row_change BEFORE UPDATE OR DELETE ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION assay_refuse_change();\n"
        f'DROP TRIGGER IF EXISTS refuse_truncate ON "{table}";\n'
        f'CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION assay_refuse_change();\n"
    )


def security_sql(app_role: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", app_role):
        raise ValueError(f"database app role {app_role!r} must be a plain lower-case identifier")
    statements = [_REFUSE_FUNCTION]
    statements.append(_policy("organizations", f"id = {_CURRENT_ORG}"))
    for table in tenant_tables():
        statements.append(_policy(table, f"organization_id = {_CURRENT_ORG}"))
    # A user lists their own organizations before choosing one.
    statements.append(_own_rows_readable("memberships"))
    statements.append(
        f'GRANT USAGE ON SCHEMA public TO "{app_role}";\n'
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app_role}";\n'
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app_role}";\n'
        f'REVOKE ALL ON "aerich" FROM "{app_role}";\n'
    )
    statements.extend(_append_only(table, app_role) for table in APPEND_ONLY_TABLES)
    statements.append(_run_guard(app_role))
    statements.append(_evaluation_guard(app_role))
    statements.append(_live_runs_function(app_role))
    return "\n".join(statements)


async def apply_security(conn: BaseDBAsyncClient, app_role: str) -> None:
    await conn.execute_script(security_sql(app_role))


async def ensure_app_role(conn: BaseDBAsyncClient, app_role: str, password: str = "") -> None:
    """Create the runtime role if missing: login, no superuser, no RLS bypass, owns nothing."""
    security_sql(app_role)  # validates the name
    exists = await conn.execute_query_dict(
        "SELECT 1 FROM pg_roles WHERE rolname = $1", [app_role]
    )
    if not exists:
        secret = password.replace("'", "''")
        await conn.execute_script(
            f"CREATE ROLE \"{app_role}\" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB "
            f"NOCREATEROLE PASSWORD '{secret}'"
        )
