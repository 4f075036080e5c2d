"""`assay run FILE --html-report OUT.html`: the report of a local run, as one HTML page.

A plan file has asserts and PII checks but no LLM evaluators, so the run is evaluated with
no evaluator (asserts and PII only: no judge, no scores), by the in-process worker that ran
it, in the same local organization. A report of that evaluation is then made with the
services the API uses, so the page is exactly what `assay report --format html` would
write for it on a server.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from assay.audit.context import acting_as
from assay.db.transactions import tenant_transaction
from assay.evaluations import queue as evaluation_queue
from assay.evaluations.models import FINAL_EVALUATION_STATUSES, Evaluation, EvaluationStatus
from assay.evaluations.service import evaluate_run
from assay.reports.exports.html import render_html
from assay.reports.service import create_report
from assay.runner.interrupt import Interrupt
from assay.runner.local_org import ACTOR
from assay.settings import Settings

#: The pass rate the report must reach unless --report-threshold says otherwise: every case.
DEFAULT_THRESHOLD = 1.0
POLL_SECONDS = 0.1


class ReportNotMade(Exception):
    """The run ended but its report could not be made; the message says why."""


async def local_html_report(settings: Settings, org_id: uuid.UUID, run_id: uuid.UUID,
                            interrupt: Interrupt, threshold: float) -> str | None:
    """The HTML page of the finished run's asserts-and-PII evaluation; None when a signal
    arrived meanwhile (the caller is stopping). A worker must be consuming the default queue.

    Raises:
        ReportNotMade: the evaluation did not complete.
        DomainError: the services refused (e.g. a run without cases: nothing to report).
    """
    with acting_as(ACTOR):
        async with tenant_transaction(org_id):
            started = await evaluate_run(run_id=run_id, evaluators=[])
        evaluation_id = started.evaluation.id
        if started.evaluation.status == EvaluationStatus.QUEUED:
            await evaluation_queue.enqueue_cases(settings, org_id, evaluation_id,
                                                 started.run_case_ids)
        status = await _finished(org_id, evaluation_id, interrupt)
        if status is None:
            return None
        if status != EvaluationStatus.COMPLETED:
            raise ReportNotMade(f"the evaluation of the run ended {status.value}")
        async with tenant_transaction(org_id):
            report = await create_report(evaluation_ids=[evaluation_id], threshold=threshold)
    return render_html(report.snapshot)


async def _finished(org_id: uuid.UUID, evaluation_id: uuid.UUID,
                    interrupt: Interrupt) -> EvaluationStatus | None:
    """The evaluation's final status, once it has one; None when interrupted first."""
    while not interrupt.requested:
        async with tenant_transaction(org_id):
            evaluation = await Evaluation.filter(id=evaluation_id).only("id", "status").get()
        if evaluation.status in FINAL_EVALUATION_STATUSES:
            return evaluation.status
        await interrupt.wait(POLL_SECONDS)
    return None


def write_html(html: str, path: Path) -> None:
    """Write ``html`` to ``path`` atomically: a reader never sees half a page."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(html)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a plain open() would have made it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
