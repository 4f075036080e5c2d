"""Queueing an evaluation's jobs: one per case of the run, keyed by (evaluation, run case).

The jobs go to the default queue (an evaluation talks to a judge over HTTP, never to a
browser) through the API's arq pool (assay.runs.queue). A job id that arq still knows is
not queued again, so queueing twice runs each case once; and a job that runs anyway writes
nothing twice (see assay.evaluations.recording).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from assay.evaluations.jobs import JOB_NAME, job_id
from assay.runs import queue
from assay.settings import Settings

#: Jobs queued concurrently (each is a few Redis round trips).
CHUNK = 50


async def enqueue_cases(settings: Settings, org_id: uuid.UUID, evaluation_id: uuid.UUID,
                        run_case_ids: Sequence[uuid.UUID]) -> int:
    """Queue one job per run case of the evaluation; returns how many were new."""
    pool = await queue.pool(settings)
    queued = 0
    for start in range(0, len(run_case_ids), CHUNK):
        jobs = await asyncio.gather(*(
            pool.enqueue_job(JOB_NAME, str(org_id), str(evaluation_id), str(run_case_id),
                             _job_id=job_id(evaluation_id, run_case_id))
            for run_case_id in run_case_ids[start:start + CHUNK]))
        queued += sum(1 for job in jobs if job is not None)
    return queued
