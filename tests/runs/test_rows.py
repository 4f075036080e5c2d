"""The filler rows other suites use: one run, one case, one result whose hash verifies."""

from __future__ import annotations

from assay.connections.models import AgentConnection, ConnectionKind
from assay.db.transactions import tenant_transaction
from assay.runs.hashing import stored_hash_matches
from assay.runs.models import RunCase, RunCaseArtifact, RunCaseResult
from assay.testing import models as testing
from tests.runs.rows import write_run_rows
from tests.support import make_org


async def test_write_run_rows_writes_one_of_each(database: object) -> None:
    org = await make_org("Rows")
    async with tenant_transaction(org.id):
        case = await testing.TestCase.create(project_id=org.project_id, title="Filler",
                                             mode=testing.CaseMode.SIMPLE, input="Hi?")
        plan = await testing.Plan.create(project_id=org.project_id, name="Filler")
        connection = await AgentConnection.create(project_id=org.project_id, name="Filler",
                                                  kind=ConnectionKind.HTTP, concurrency=1)

        run = await write_run_rows(project_id=org.project_id, plan_id=plan.id,
                                   connection_id=connection.id, test_case_id=case.id)

        cases = await RunCase.filter(run_id=run.id)
        results = await RunCaseResult.filter(run_id=run.id)
        artifacts = await RunCaseArtifact.filter(run_id=run.id)
    assert [(c.title, c.position) for c in cases] == [("Filler", 0)]
    assert [(r.status, r.run_case_id) for r in results] == [("CANCELLED", cases[0].id)]
    assert [(a.kind, a.text, a.run_case_id) for a in artifacts] == [
        ("CONSOLE_LOG", "filler\n", cases[0].id)]
    assert stored_hash_matches(results[0], artifacts)
