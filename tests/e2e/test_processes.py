"""The real processes: `assay serve` over HTTP and `assay worker` on Redis."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assay.db.config import DatabaseUrl
from assay.db.embedded import start_redis
from tests.server_process import REPO, environment, serving
from tests.support import make_org

VIEWER = {"query": "{ viewer { role apiKeyScope } projects { totalCount } }"}


async def test_serve_answers_graphql_with_an_api_key(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    org = await make_org("Served")
    env = environment(database, tmp_path)

    async with serving(env) as client:
        answer = await client.post(
            "/graphql", json=VIEWER, headers={"authorization": f"Bearer {org.api_key}"}
        )
        anonymous = await client.post("/graphql", json=VIEWER)
        ide = await client.get("/graphql", headers={"accept": "text/html"})

    assert answer.status_code == 200
    assert answer.json() == {
        "data": {"viewer": {"role": "OWNER", "apiKeyScope": "WRITE"}, "projects": {"totalCount": 1}}
    }
    assert len(answer.headers["x-request-id"]) == 16
    assert anonymous.json()["data"] is None
    assert [e["extensions"]["code"] for e in anonymous.json()["errors"]] == ["UNAUTHENTICATED"]
    assert ide.status_code == 200
    assert "graphiql" in ide.text.lower()


async def test_production_server_has_no_ide_and_no_introspection(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    org = await make_org("Locked down")
    env = environment(database, tmp_path, ASSAY_ENV="production")

    async with serving(env, workers=2) as client:
        ide = await client.get("/graphql", headers={"accept": "text/html"})
        introspect = await client.post(
            "/graphql",
            json={"query": "{ __schema { types { name } } }"},
            headers={"authorization": f"Bearer {org.api_key}"},
        )
        answers = [
            (
                await client.post(
                    "/graphql", json=VIEWER, headers={"authorization": f"Bearer {org.api_key}"}
                )
            ).json()
            for _ in range(4)
        ]

    assert ide.status_code != 200
    assert "graphiql" not in ide.text.lower()
    assert introspect.json()["data"] is None
    assert [e["message"] for e in introspect.json()["errors"]] == [
        "GraphQL introspection has been disabled, but the requested query contained the field "
        f"'{name}'."
        for name in ("__schema", "types")
    ]
    assert (
        answers
        == [
            {
                "data": {
                    "viewer": {"role": "OWNER", "apiKeyScope": "WRITE"},
                    "projects": {"totalCount": 1},
                }
            }
        ]
        * 4
    )


def test_worker_runs_its_startup_jobs_and_exits_in_burst_mode(
    database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    redis = start_redis(tmp_path / "worker-redis")  # its own: no other test's jobs are there
    env = environment(database, tmp_path, REDIS_URL=redis, ASSAY_LOG_LEVEL="INFO")

    done = subprocess.run(
        [sys.executable, "-m", "assay.cli", "worker", "--burst"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert ("Starting worker for 5 functions: run_case, evaluation_case, webhook_delivery, "
            "cron:purge_expired_sessions, cron:reap_lost_cases") in lines[0]
    assert "Starting worker for 1 functions: run_case" in lines[1]  # the browser queue's
    assert sum(" INFO assay.worker: purged " in line for line in lines) == 1
    assert sum("← cron:purge_expired_sessions ●" in line for line in lines) == 1
    assert sum("← cron:reap_lost_cases ●" in line for line in lines) == 1
