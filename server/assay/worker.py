"""The arq worker: job functions and periodic maintenance, JSON-serialised (never pickle)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import Worker
from tortoise import Tortoise

from assay.auth.models import Session
from assay.crypto import envelope
from assay.crypto.keys import load_kek_ring
from assay.db.config import DatabaseUrl, tortoise_config
from assay.runs import jobs as run_jobs
from assay.runs.connectors import default_pool
from assay.settings import Settings

log = logging.getLogger(__name__)
QUEUE = "assay:default"


def serialize(value: dict[str, Any]) -> bytes:
    return json.dumps(value, default=str).encode()


def deserialize(raw: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(raw)
    return value


async def purge_expired_sessions(ctx: dict[str, Any]) -> int:
    """Delete sessions that expired or were revoked (they can never be used again)."""
    now = datetime.now(UTC)
    expired = await Session.filter(expires_at__lte=now).delete()
    revoked = await Session.filter(revoked_at__not_isnull=True).delete()
    log.info("purged %d expired and %d revoked sessions", expired, revoked)
    return expired + revoked


def build_worker(settings: Settings, database: DatabaseUrl, redis_dsn: str, **kwargs: Any
                 ) -> Worker:
    async def startup(ctx: dict[str, Any]) -> None:
        envelope.configure(load_kek_ring(settings.kek, settings.data_dir))
        await Tortoise.init(
            config=tortoise_config(database, pool_max=10), _enable_global_fallback=True
        )
        ctx[run_jobs.CONNECTORS] = default_pool(
            allow_private_targets=settings.allow_private_targets,
            browser_executable=settings.browser_executable,
        )

    async def shutdown(ctx: dict[str, Any]) -> None:
        pool = ctx.get(run_jobs.CONNECTORS)
        if pool is not None:
            await pool.close()
        await Tortoise.close_connections()

    return Worker(
        functions=list(run_jobs.FUNCTIONS),
        cron_jobs=[cron(purge_expired_sessions, minute=17, run_at_startup=True)],
        queue_name=QUEUE,
        redis_settings=RedisSettings.from_dsn(redis_dsn),
        on_startup=startup,
        on_shutdown=shutdown,
        job_serializer=serialize,
        job_deserializer=deserialize,
        allow_abort_jobs=True,
        health_check_interval=30,
        **kwargs,
    )
