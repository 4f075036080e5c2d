"""The API's handle on the job queue: one arq pool per process, created on first use.

``configure(dsn)`` names the Redis to use (the app's start-up, a test); without it the pool
is made from the settings' REDIS_URL, or the embedded Redis, on first use.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings

from assay.runs.jobs import JOB_NAME, job_id
from assay.settings import Settings
from assay.worker import QUEUE, deserialize, serialize

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
        _pool = await create_pool(RedisSettings.from_dsn(dsn), default_queue_name=QUEUE,
                                  job_serializer=serialize, job_deserializer=deserialize)
    return _pool


async def close() -> None:
    global _pool
    if _pool is not None:
        await _pool.aclose()
        _pool = None


async def enqueue_cases(settings: Settings, org_id: uuid.UUID,
                        run_case_ids: Sequence[uuid.UUID]) -> None:
    """One job per run case, keyed by it: a case already queued is not queued again."""
    redis = await pool(settings)
    for run_case_id in run_case_ids:
        await redis.enqueue_job(JOB_NAME, str(org_id), str(run_case_id),
                                _job_id=job_id(run_case_id))
