"""Queueing delivery jobs: one arq job per delivery, keyed by it, on the default queue.

Jobs go through the process's arq pool (assay.runs.queue: configured by the API at start-up
and by the tests; elsewhere made from the settings). A job id arq still knows is not queued
again. Callers may queue inside the transaction that wrote the delivery: a job that starts
before that commit waits for it (see assay.webhooks.jobs).
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Sequence

from arq import ArqRedis
from arq.jobs import Job, JobStatus

from assay.settings import Settings, load_settings

log = logging.getLogger(__name__)

JOB_NAME = "webhook_delivery"


def job_id(delivery_id: uuid.UUID) -> str:
    return f"webhook-delivery:{delivery_id}"


@functools.cache
def _settings() -> Settings:
    return load_settings()


async def _pool(settings: Settings | None) -> ArqRedis:
    from assay.runs import queue  # the run queue imports the run jobs, which emit events

    return await queue.pool(settings or _settings())


async def enqueue(org_id: uuid.UUID, delivery_ids: Sequence[uuid.UUID], *,
                  settings: Settings | None = None) -> int:
    """Queue a job per delivery now; returns how many were new (raises when Redis fails)."""
    pool = await _pool(settings)
    queued = 0
    for delivery_id in delivery_ids:
        job = await pool.enqueue_job(JOB_NAME, str(org_id), str(delivery_id),
                                     _job_id=job_id(delivery_id))
        queued += job is not None
    return queued


async def enqueue_quietly(org_id: uuid.UUID, delivery_ids: Sequence[uuid.UUID], *,
                          settings: Settings | None = None) -> int:
    """:func:`enqueue`, logging rather than raising: what emits an event (a run that just
    finished) must not fail because the queue did. The deliveries stay PENDING, listed, and
    redeliverWebhook queues them again."""
    if not delivery_ids:
        return 0
    try:
        return await enqueue(org_id, delivery_ids, settings=settings)
    except Exception as error:
        log.warning("could not queue %d webhook deliveries of organization %s: %s",
                    len(delivery_ids), org_id, type(error).__name__)
        return 0


async def is_queued(delivery_id: uuid.UUID, *, settings: Settings | None = None) -> bool:
    """Whether arq holds a job for the delivery (queued, deferred or running)."""
    pool = await _pool(settings)
    status = await Job(job_id(delivery_id), pool, _queue_name=pool.default_queue_name).status()
    return status in (JobStatus.queued, JobStatus.deferred, JobStatus.in_progress)
