"""The API's handle on the job queue: one arq pool per process, created on first use.

``configure(dsn)`` names the Redis to use (the app's start-up, a test); without it the pool
is made from the settings' REDIS_URL, or the embedded Redis, on first use.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings

from assay.db.transactions import tenant_transaction
from assay.runs.codec import deserialize, serialize
from assay.runs.models import Run, RunCase
from assay.runs.routing import DEFAULT_QUEUE, enqueue_case_jobs
from assay.settings import Settings

_dsn: str | None = None
_pool: ArqRedis | None = None


def configure(dsn: str) -> None:
    """Use the Redis at ``dsn`` from now on (an open pool to another one is dropped)."""
    global _dsn, _pool
    _dsn, _pool = dsn, None


async def pool(settings: Settings) -> ArqRedis:
    global _pool
    if _pool is None:
        from assay.runtime import redis_url

        dsn = _dsn or redis_url(settings)
        _pool = await create_pool(RedisSettings.from_dsn(dsn), default_queue_name=DEFAULT_QUEUE,
                                  job_serializer=serialize, job_deserializer=deserialize)
    return _pool


async def close() -> None:
    global _pool
    if _pool is not None:
        await _pool.aclose()
        _pool = None


async def _kind_of(org_id: uuid.UUID, run_case_id: uuid.UUID) -> str:
    async with tenant_transaction(org_id):
        run_case = await RunCase.get(id=run_case_id).only("id", "run_id")
        run = await Run.get(id=run_case.run_id).only("id", "snapshot")
    kind: str = run.snapshot["connection"]["kind"]
    return kind


async def enqueue_cases(settings: Settings, org_id: uuid.UUID,
                        run_case_ids: Sequence[uuid.UUID], *, kind: str | None = None) -> int:
    """One job per run case of one run, keyed by it, on its connection kind's queue.

    A case already queued is not queued again; returns how many jobs were new. Give the
    run's ``kind`` (``run.snapshot["connection"]["kind"]``) when at hand; otherwise it is
    read from the database (in the caller's transaction when there is one).
    """
    if not run_case_ids:
        return 0
    if kind is None:
        kind = await _kind_of(org_id, run_case_ids[0])
    return await enqueue_case_jobs(await pool(settings), org_id, run_case_ids, kind)
