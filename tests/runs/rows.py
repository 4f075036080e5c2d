"""Rows in the run tables written through the ORM, for suites that need one of each.

``tests/security/world.py`` calls :func:`write_run_rows` inside its tenant transaction so
that row-level security and the cross-tenant checks cover runs too.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from assay.runs.execute import CONSOLE_MEDIA_TYPE, Artifact, Outcome
from assay.runs.models import ArtifactKind, CaseResultStatus, Run, RunCase, RunStatus
from assay.runs.recording import insert_result


async def write_run_rows(*, project_id: uuid.UUID, plan_id: uuid.UUID,
                         connection_id: uuid.UUID, test_case_id: uuid.UUID) -> Run:
    """A QUEUED run of one case with its (CANCELLED) result and a console log artifact; call
    inside tenant_transaction."""
    run = await Run.create(project_id=project_id, plan_id=plan_id, connection_id=connection_id,
                           status=RunStatus.QUEUED, total=1,
                           snapshot={"plan": {"id": str(plan_id), "name": "Filler"},
                                     "suites": [], "case_count": 1,
                                     "connection": {"id": str(connection_id), "name": "Filler",
                                                    "kind": "HTTP", "config": {},
                                                    "concurrency": 1}})
    run_case = await RunCase.create(project_id=project_id, run_id=run.id,
                                    test_case_id=test_case_id, version=1, position=0,
                                    mode="SIMPLE", title="Filler", input="Hi?")
    now = datetime.now(UTC)
    await insert_result(run_case, Outcome(CaseResultStatus.CANCELLED, started_at=now,
                                          finished_at=now, error_code="CANCELLED",
                                          error_message="filler",
                                          artifacts=[Artifact(ArtifactKind.CONSOLE_LOG,
                                                              CONSOLE_MEDIA_TYPE, b"filler\n")]),
                        attempts=0)
    return run
