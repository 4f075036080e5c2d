"""Benchmark: listing 100 test cases with their suites.

Prints (1) the SQL statements one request issues, for pages of 10 and 100 cases (they must
be equal: relations load in batches), and (2) p50/p95 latency of the 100-case query under 20
concurrent clients against a real `assay serve` process over loopback.

Run: .venv/bin/pytest -m benchmark -s tests/benchmarks
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from assay.db.transactions import tenant_transaction
from assay.testing import models
from tests.server_process import environment, serving
from tests.support import GraphQLClient, key_caller, make_org

pytestmark = pytest.mark.benchmark

QUERY = """
query($project: ID!, $first: Int!) {
  testCases(projectId: $project, first: $first) {
    edges { node { id title version suites { name } project { name } } }
  }
}
"""
CLIENTS = 20


class StatementCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith(("Created connection pool", "Closed connection pool")):
            self.count += 1


async def _seed(org_id: Any, project_id: Any, cases: int = 100, suites: int = 5) -> None:
    async with tenant_transaction(org_id):
        suite_rows = [
            await models.Suite.create(project_id=project_id, name=f"Suite {i}")
            for i in range(suites)
        ]
        for i in range(cases):
            fields = {
                "mode": models.CaseMode.SIMPLE,
                "title": f"Case {i}",
                "input": f"Question {i}?",
                "expected_output": "An answer.",
            }
            case = await models.TestCase.create(project_id=project_id, **fields)
            await models.TestCaseVersion.create(
                project_id=project_id, test_case_id=case.id, version=1, **fields
            )
            for suite in (suite_rows[i % suites], suite_rows[(i + 1) % suites]):
                await models.SuiteTestCase.create(
                    project_id=project_id, suite_id=suite.id, test_case_id=case.id
                )


async def _count_statements(gql: GraphQLClient, key: str, project: str, first: int) -> int:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    previous = logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        data = await gql.data(QUERY, {"project": project, "first": first}, key_caller(key))
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    assert len(data["testCases"]["edges"]) == first
    assert len(data["testCases"]["edges"][0]["node"]["suites"]) == 2
    return counter.count


async def _load(
    client: httpx.AsyncClient, key: str, project: str, clients: int, per_client: int
) -> tuple[list[float], float]:
    headers = {"authorization": f"Bearer {key}"}
    payload = {"query": QUERY, "variables": {"project": project, "first": 100}}
    latencies: list[float] = []

    async def one_client() -> None:
        for _ in range(per_client):
            start = time.perf_counter()
            response = await client.post("/graphql", json=payload, headers=headers)
            latencies.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200 and "errors" not in response.json()

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, time.perf_counter() - started


async def test_list_100_cases_with_suites(
    gql: GraphQLClient, database: dict[str, Any], tmp_path: Path
) -> None:
    org = await make_org("Benchmark")
    await _seed(org.id, org.project_id)

    await _count_statements(gql, org.api_key, org.project_gid, 1)  # the key's first use is audited
    small = await _count_statements(gql, org.api_key, org.project_gid, 10)
    large = await _count_statements(gql, org.api_key, org.project_gid, 100)
    print(f"\nSQL statements per request: 10 cases -> {small}, 100 cases -> {large}")
    assert small == large

    env = environment(database, tmp_path, ASSAY_ENV="production")
    for workers, clients, per_client in ((1, 1, 100), (1, CLIENTS, 25), (2, CLIENTS, 25)):
        async with serving(env, workers=workers) as client:
            await _load(client, org.api_key, org.project_gid, 1, 3)  # warm up
            latencies, elapsed = await _load(
                client, org.api_key, org.project_gid, clients, per_client
            )
        quantiles = statistics.quantiles(latencies, n=100)
        print(
            f"{workers} server process(es), {clients:>2} concurrent client(s), "
            f"{len(latencies)} requests of 100 cases: p50 {quantiles[49]:.1f} ms, "
            f"p95 {quantiles[94]:.1f} ms, max {max(latencies):.1f} ms, "
            f"{len(latencies) / elapsed:.0f} requests/s"
        )
