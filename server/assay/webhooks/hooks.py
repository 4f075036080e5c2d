"""The calls the run engine and the evaluations make when something finishes.

Each runs in the caller's transaction. With no webhook subscribed to the event it costs
one query and builds nothing. Otherwise the payload is built and emitted inside a
savepoint: if that fails (a bug, a database hiccup), the savepoint alone is rolled back and
logged, and what finished is still recorded. An event is never worth losing a run's result.
"""

from __future__ import annotations

import logging
import uuid

from tortoise.transactions import in_transaction

from assay.webhooks import events
from assay.webhooks.service import emit, subscribed

log = logging.getLogger(__name__)


async def run_finished(run_id: uuid.UUID) -> int:
    """Emit ``run.finished`` for a run whose final status is being written (call after the
    write, in its transaction). Returns how many deliveries were made; never raises."""
    try:
        if not await subscribed(events.RUN_FINISHED):
            return 0
        async with in_transaction():
            return await emit(events.RUN_FINISHED, await events.run_finished(run_id))
    except Exception:
        log.exception("could not emit run.finished for run %s", run_id)
        return 0


async def evaluation_finished(evaluation_id: uuid.UUID) -> int:
    """Emit ``evaluation.finished`` for an evaluation whose final status is being written
    (call after the write, in its transaction). Never raises."""
    try:
        if not await subscribed(events.EVALUATION_FINISHED):
            return 0
        async with in_transaction():
            return await emit(events.EVALUATION_FINISHED,
                              await events.evaluation_finished(evaluation_id))
    except Exception:
        log.exception("could not emit evaluation.finished for evaluation %s", evaluation_id)
        return 0
