"""Rows in the run tables written through the ORM, for suites that need one of each.

``tests/security/world.py`` calls :func:`write_run_rows` inside its tenant transaction so
that row-level security and the cross-tenant checks cover runs too.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from assay.evaluations.models import Evaluation, EvaluationCaseResult
from assay.judging.models import EvaluatorEnablement, JudgeCacheEntry, JudgeConfiguration
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


async def write_evaluation_rows(run: Run) -> None:
    """A QUEUED evaluation of ``run`` with one case result, a judge configuration, a cached
    verdict and an enablement; call inside tenant_transaction."""
    run_case = await RunCase.filter(run_id=run.id).first()
    assert run_case is not None
    evaluation = await Evaluation.create(project_id=run.project_id, run_id=run.id, total=1)
    await EvaluationCaseResult.create(
        project_id=run.project_id, evaluation_id=evaluation.id, run_case_id=run_case.id,
        passed=False, asserts_passed=False, content_hash="0" * 64)
    await JudgeConfiguration.create(name="Filler", provider="openai", model="filler-model")
    await JudgeCacheEntry.create(key=uuid.uuid4().hex * 2, evaluator="tone",
                                 evaluator_version="1.0.0", model="filler-model",
                                 prompt_hash="0" * 64, input_hash="0" * 64,
                                 reply={"score": 1.0})
    await EvaluatorEnablement.create(evaluator="tone", evaluator_version="1.0.0",
                                     judge="openai", model="filler-model",
                                     override_reason="filler")
