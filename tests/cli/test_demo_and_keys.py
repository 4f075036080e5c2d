"""assay demo and assay keys rotate-kek, run as processes against the test database."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from assay.connections.models import ConnectionCredential
from assay.crypto.keys import generate_kek_entry
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from tests.server_process import environment, run_assay
from tests.support import TEST_KEK, GraphQLClient, key_caller

CASES = "{ testCases { totalCount } suites { edges { node { name testCaseCount } } } }"


async def test_demo_builds_a_ready_plan_through_the_api(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    done = run_assay("demo", env=environment(database, tmp_path))

    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["test_cases"], shown["suites"]) == (5, ["Smoke", "Safety"])
    assert shown["plan"]["status"] == "READY"
    assert shown["plan"]["cases"] == 5
    data = await gql.data(CASES, caller=key_caller(shown["api_key"]))
    assert data == {
        "testCases": {"totalCount": 5},
        "suites": {
            "edges": [
                {"node": {"name": "Smoke", "testCaseCount": 5}},
                {"node": {"name": "Safety", "testCaseCount": 2}},
            ]
        },
    }


async def test_rotate_kek_rewraps_data_keys_and_keeps_credentials(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    demo = json.loads(run_assay("demo", env=environment(database, tmp_path)).stdout)
    org_id = demo["organization_id"]
    async with tenant_transaction(uuid.UUID(org_id)):
        before = [(bytes(c.ciphertext), bytes(c.nonce)) for c in await ConnectionCredential.all()]
    new = generate_kek_entry("test-2")

    forward = run_assay(
        "keys", "rotate-kek", env=environment(database, tmp_path, ASSAY_KEK=f"{new},{TEST_KEK}")
    )
    back = run_assay(
        "keys", "rotate-kek", env=environment(database, tmp_path, ASSAY_KEK=f"{TEST_KEK},{new}")
    )

    assert forward.returncode == 0, forward.stderr
    assert "under KEK 'test-2'" in forward.stdout
    assert back.returncode == 0, back.stderr
    assert "under KEK 'test-1'" in back.stdout
    async with tenant_transaction(uuid.UUID(org_id)):
        after = [(bytes(c.ciphertext), bytes(c.nonce)) for c in await ConnectionCredential.all()]
    assert after == before
    assert len(before) == 1
