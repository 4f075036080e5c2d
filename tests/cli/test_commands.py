"""The CLI, run as a separate process against the test database, as an operator would."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from assay.db.config import DatabaseUrl
from tests.server_process import REPO, environment, run_assay
from tests.support import GraphQLClient, key_caller


def assay(
    *args: str, database: dict[str, DatabaseUrl], data_dir: Path
) -> subprocess.CompletedProcess[str]:
    return run_assay(*args, env=environment(database, data_dir))


async def test_create_org_prints_a_working_write_key(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    done = assay(
        "admin",
        "create-org",
        "--name",
        "Ops Co",
        "--owner-email",
        "Ops@Example.com",
        database=database,
        data_dir=tmp_path,
    )

    assert done.returncode == 0, done.stderr
    printed: dict[str, Any] = json.loads(done.stdout)
    assert sorted(printed) == ["api_key", "organization_id", "owner_id", "project_id"]
    data = await gql.data(
        "{ viewer { role apiKeyScope } projects { edges { node { name } } } }",
        caller=key_caller(printed["api_key"]),
    )
    assert data == {
        "viewer": {"role": "OWNER", "apiKeyScope": "WRITE"},
        "projects": {"edges": [{"node": {"name": "Default"}}]},
    }


def test_create_org_rejects_a_bad_email(database: dict[str, DatabaseUrl], tmp_path: Path) -> None:
    done = assay(
        "admin",
        "create-org",
        "--name",
        "X",
        "--owner-email",
        "not-an-email",
        database=database,
        data_dir=tmp_path,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "assay: ownerEmail: give a valid email address, like owner@example.com\n"
    )


def test_audit_verify_reports_every_organization(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    created = assay(
        "admin",
        "create-org",
        "--name",
        "Audited",
        "--owner-email",
        "a@b.example",
        database=database,
        data_dir=tmp_path,
    )
    org_id = json.loads(created.stdout)["organization_id"]

    done = assay("audit", "verify", "--json", database=database, data_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is True
    mine = [row for row in report["organizations"] if row["organization_id"] == org_id]
    assert mine == [
        {
            "organization_id": org_id,
            "name": "Audited",
            "events": 3,
            "broken_at_seq": None,
            "reason": None,
        }
    ]


def test_migrations_are_in_sync(database: dict[str, DatabaseUrl], tmp_path: Path) -> None:
    done = assay("migrate", "--check", database=database, data_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout == "migrations are in sync with the models\n"


def test_export_schema_matches_the_committed_sdl(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    done = assay("export-schema", database=database, data_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout == (REPO / "schema.graphql").read_text()


def test_an_unreachable_database_is_a_clear_message(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": "postgresql://assay_app@127.0.0.1:1/assay",
           "ASSAY_DATA_DIR": str(tmp_path)}

    done = run_assay("admin", "create-org", "--name", "X", "--owner-email", "a@b.example",
                     env=env)

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "assay: cannot reach a service ([Errno 111] Connect call failed ('127.0.0.1', 1)): "
        "check DATABASE_URL, DATABASE_OWNER_URL and REDIS_URL, or unset them to use the "
        "embedded default\n"
    )
