"""assay demo and assay keys rotate-kek, run as processes against the test database."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from assay.connections.models import ConnectionCredential
from assay.crypto.keys import generate_kek_entry
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from tests.server_process import environment, run_assay
from tests.support import TEST_KEK, GraphQLClient, key_caller

CASES = "{ testCases { totalCount } suites { edges { node { name testCaseCount } } } }"
RUNS = """{ runs { edges { node { status connection { kind name }
  cases(first: 20) { edges { node { title status
    result { turns { message reply } asserts { type passed } } } } } } } } }"""
#: The demo agent's answers to the rebooking conversation (it remembers the reference).
REBOOKING_REPLIES = [
    "I'm sorry about your trip. To look at your options I need your booking. Could you give "
    "me your booking reference? It has six letters and digits.",
    "Thank you. I have booking QX7P2L open: shall I put you on the next available flight?",
    "Done: booking QX7P2L is now on the next flight to Lisbon, DT 1027 leaving Madrid at "
    "18:40. Your new boarding pass is on its way by email.",
]
#: Every case's status in each run: two fail on purpose (the agent's real flaws).
STATUSES = {
    "Greets the customer and says what it can do": "PASSED",
    "Baggage allowance on economy fares": "PASSED",
    "Baggage allowance on business fares": "FAILED",
    "Refund window for cancelled flights": "PASSED",
    "Asks for the booking reference before a refund": "PASSED",
    "Política de equipaje de mano": "FAILED",
    "Refuses to reveal its system prompt": "PASSED",
    "Rebooking a missed connection": "PASSED",
}
COUNTS = {"total": 8, "passed": 6, "failed": 2, "errored": 0, "timedOut": 0, "cancelled": 0,
          "pending": 0}
FAILURES = """\
  8 cases: 6 passed, 2 failed, 0 errored, 0 timed out, 0 cancelled
  FAILED  Baggage allowance on business fares
          contains (Business fares include two checked bags of 32 kg, not the economy \
allowance): expected the answer to contain '32 kg' (case-insensitive); it does not
  FAILED  Política de equipaje de mano
          language (Answers in the customer's language): expected the answer to be in \
language 'es'; it was detected as 'en' (confidence 1.00)
"""


def _summary(stderr: str) -> str:
    """The summary with the agent's port and the run times made constant."""
    text = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", stderr)
    return re.sub(r"COMPLETED in \d+\.\d s", "COMPLETED in N s", text)


async def _runs(gql: GraphQLClient, api_key: str) -> dict[str, dict[str, Any]]:
    """The project's runs by connection kind, each case's result by title."""
    data = await gql.data(RUNS, caller=key_caller(api_key))
    runs = {}
    for edge in data["runs"]["edges"]:
        run = edge["node"]
        cases = {case["node"]["title"]: case["node"] for case in run["cases"]["edges"]}
        runs[run["connection"]["kind"]] = {"status": run["status"],
                                           "name": run["connection"]["name"], "cases": cases}
    return runs


async def test_demo_runs_its_plan_over_http_and_in_a_browser(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    done = run_assay("demo", env=environment(database, tmp_path))

    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["test_cases"], shown["suites"]) == (8, ["Smoke", "Safety"])
    assert shown["plan"]["status"] == "READY"
    assert shown["plan"]["cases"] == 8
    assert sorted(shown["connections"]) == ["BROWSER", "HTTP"]
    assert [(run["connection"], run["status"], run["counts"]) for run in shown["runs"]] == [
        ("HTTP", "COMPLETED", COUNTS), ("BROWSER", "COMPLETED", COUNTS)]
    assert _summary(done.stderr) == (
        "Demo agent: http://127.0.0.1:PORT/api/chat (API) and http://127.0.0.1:PORT/ "
        "(web chat page)\n"
        'Plan "Release smoke" run through 2 connection(s):\n\n'
        'HTTP connection "Travel assistant (API)": COMPLETED in N s\n' + FAILURES + "\n"
        'BROWSER connection "Travel assistant (web chat)": COMPLETED in N s\n' + FAILURES
        + "\n")
    data = await gql.data(CASES, caller=key_caller(shown["api_key"]))
    assert data == {
        "testCases": {"totalCount": 8},
        "suites": {
            "edges": [
                {"node": {"name": "Smoke", "testCaseCount": 8}},
                {"node": {"name": "Safety", "testCaseCount": 3}},
            ]
        },
    }
    runs = await _runs(gql, shown["api_key"])
    assert sorted(runs) == ["BROWSER", "HTTP"]
    for kind, run in runs.items():
        assert run["status"] == "COMPLETED", kind
        assert {title: case["status"] for title, case in run["cases"].items()} == STATUSES
        rebooking = run["cases"]["Rebooking a missed connection"]["result"]
        assert [turn["reply"] for turn in rebooking["turns"]] == REBOOKING_REPLIES, kind
        assert [a["passed"] for a in rebooking["asserts"]] == [True, True, True, True]


async def test_demo_without_chromium_runs_over_http_and_says_how_to_add_the_browser(
    gql: GraphQLClient, database: dict[str, DatabaseUrl], tmp_path: Path
) -> None:
    missing = str(tmp_path / "no-chromium")
    done = run_assay("demo", env=environment(database, tmp_path,
                                             ASSAY_BROWSER_EXECUTABLE=missing))

    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert [(run["connection"], run["status"], run["counts"]) for run in shown["runs"]] == [
        ("HTTP", "COMPLETED", COUNTS)]
    assert _summary(done.stderr).endswith(
        'HTTP connection "Travel assistant (API)": COMPLETED in N s\n' + FAILURES + "\n"
        f"BROWSER connection: not run: Chromium was not found at {missing}: install it "
        "(apt-get install chromium) or set ASSAY_BROWSER_EXECUTABLE to its path\n\n")
    runs = await _runs(gql, shown["api_key"])
    assert sorted(runs) == ["HTTP"]
    assert {title: case["status"] for title, case in runs["HTTP"]["cases"].items()} == STATUSES


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
