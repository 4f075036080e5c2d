"""Fixtures of the report tests: the support bot's world with two evaluated runs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import pytest

from assay.db.transactions import tenant_transaction
from assay.reports import service
from assay.reports.models import Report
from tests.reports.rows import BASELINE, CURRENT, ReportWorld, build_world, write_evaluated_run
from tests.support import GraphQLClient

BASELINE_AT = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
CURRENT_AT = datetime(2025, 6, 6, 9, 4, tzinfo=UTC)


@dataclass
class Evaluated:
    world: ReportWorld
    baseline_run: uuid.UUID
    baseline: uuid.UUID
    current_run: uuid.UUID
    current: uuid.UUID

    async def report(self, **kwargs: object) -> Report:
        """createReport of the current evaluation against the baseline, by the service."""
        arguments: dict[str, object] = {"evaluation_ids": [self.current], "title": "Week 23",
                                        "threshold": 0.8,
                                        "baseline_evaluation_id": self.baseline, **kwargs}
        async with tenant_transaction(self.world.org.id):
            return await service.create_report(**arguments)  # type: ignore[arg-type]


@pytest.fixture
async def evaluated(database: object) -> Evaluated:
    world = await build_world()
    baseline_run, baseline = await write_evaluated_run(world, BASELINE, finished_at=BASELINE_AT)
    current_run, current = await write_evaluated_run(world, CURRENT, finished_at=CURRENT_AT)
    return Evaluated(world, baseline_run, baseline, current_run, current)


@pytest.fixture
def api(gql: GraphQLClient) -> httpx.AsyncClient:
    """The whole application over ASGI, as CI reaches /api/v1."""
    return gql.http
