"""The job workers of one process: case jobs from Redis, and periodic maintenance.

One process runs one arq Worker per queue it consumes (``assay:default`` for HTTP cases,
``assay:browser`` for browser cases; see assay.runs.routing) in one event loop. They share
the process's connectors (so one browser per process, a fresh context per conversation)
and its database pool; each has its own job limit, so a few slow browser cases never take
the places of HTTP ones.

Stopping: the first SIGTERM (or SIGINT) drains: no new job is taken, running jobs finish
(they cannot outlive the job timeout), then the process exits 0. Jobs still queued stay
in Redis for other workers. (arq's own handler would cancel running jobs at once, so their
agents would see those cases twice; we use its wait-for-completion mode, one handler for
all the process's workers.) A second signal stops at once: running jobs are cancelled and
arq queues them again for another worker. After a SIGKILL, arq's in-progress key of each
running job expires (job timeout + 10 s) and another worker runs the job again; the result
is written once (see assay.runs.jobs).

Jobs are JSON, never pickle (assay.runs.codec).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from arq import ArqRedis, create_pool, cron
from arq.connections import RedisSettings
from arq.cron import CronJob
from arq.worker import Worker
from tortoise import Tortoise

from assay.auth.models import Session
from assay.case_worker import CaseWorker, quiet_job_logs
from assay.crypto import envelope
from assay.crypto.keys import load_kek_ring
from assay.db.config import DatabaseUrl, tortoise_config
from assay.evaluations import jobs as evaluation_jobs
from assay.identity.purge import purge_expired_proofs
from assay.runs import jobs as run_jobs
from assay.runs.codec import deserialize, serialize
from assay.runs.connectors import ConnectorPool, default_pool
from assay.runs.reaper import reap_lost_cases
from assay.runs.routing import BROWSER_QUEUE, DEFAULT_QUEUE, QUEUE_CHOICES
from assay.settings import Settings
from assay.webhooks import jobs as webhook_jobs

__all__ = ["QUEUE", "WorkerGroup", "WorkerOptions", "deserialize", "purge_expired_sessions",
           "run_worker_process", "serialize"]

log = logging.getLogger(__name__)
QUEUE = DEFAULT_QUEUE
#: Seconds a draining worker gives its running jobs beyond their own timeout.
DRAIN_GRACE_SECONDS = 15
#: The most a maintenance cron job may take.
CRON_TIMEOUT_SECONDS = 120


async def purge_expired_sessions(ctx: dict[str, Any]) -> int:
    """Delete sessions that expired or were revoked (they can never be used again), and
    expired sign-in challenges and link tokens (logged apart); returns the sessions'."""
    now = datetime.now(UTC)
    expired = await Session.filter(expires_at__lte=now).delete()
    revoked = await Session.filter(revoked_at__not_isnull=True).delete()
    log.info("purged %d expired and %d revoked sessions", expired, revoked)
    await purge_expired_proofs()
    return expired + revoked


def cron_jobs(settings: Settings) -> list[CronJob]:
    """Maintenance: cron ids are unique per run time, so one worker in the fleet runs each."""
    timeout = min(CRON_TIMEOUT_SECONDS, settings.job_timeout_seconds)
    return [
        cron(purge_expired_sessions, minute=17, run_at_startup=True, timeout=timeout),
        cron(reap_lost_cases, second=30, run_at_startup=True, timeout=timeout),
    ]


@dataclass(frozen=True)
class WorkerOptions:
    #: Queues to consume (see assay.runs.routing.QUEUE_CHOICES).
    queues: tuple[str, ...] = QUEUE_CHOICES["all"]
    #: Run what is queued, then return.
    burst: bool = False
    #: Jobs at once per queue; None takes the settings' worker limits.
    max_jobs: int | None = None
    browser_max_jobs: int | None = None
    #: Run the maintenance cron jobs (on the first queue's worker).
    crons: bool = True
    poll_delay: float = 0.1


class WorkerGroup:
    """arq Workers sharing one event loop, one connector pool and one database pool."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = workers
        self._draining = False

    @classmethod
    async def open(cls, settings: Settings, redis_dsn: str, connectors: ConnectorPool,
                   options: WorkerOptions) -> WorkerGroup:
        workers = []
        for index, queue in enumerate(options.queues):
            redis = await _pool(redis_dsn, queue)
            limit = (options.browser_max_jobs or settings.browser_worker_max_jobs
                     if queue == BROWSER_QUEUE else
                     options.max_jobs or settings.worker_max_jobs)
            crons = cron_jobs(settings) if options.crons and index == 0 else []
            workers.append(_worker(settings, queue, redis, connectors, options, limit, crons))
        return cls(workers)

    async def run(self) -> None:
        """Run every worker until all stop (burst, drain) or one fails (re-raised)."""
        tasks = []
        for worker in self.workers:
            worker.main_task = asyncio.create_task(worker.main())
            tasks.append(worker.main_task)
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for worker, task in zip(self.workers, tasks, strict=True):
            if not task.done():
                worker.handle_sig(signal.SIGTERM)
        for task in tasks:
            error = task.exception() if task.done() and not task.cancelled() else None
            if error is not None:
                raise error

    def drain(self) -> None:
        """First call: take no new job and let running ones finish. Second: stop now."""
        if self._draining:
            log.warning("stopping now: running jobs are cancelled and queued again")
            for worker in self.workers:
                worker.handle_sig(signal.SIGTERM)
            return
        self._draining = True
        running = sum(len(worker.tasks) for worker in self.workers)
        log.warning("draining: no new jobs; waiting for %d running jobs to finish (signal "
                    "again to stop now)", running)
        for worker in self.workers:
            worker.handle_sig_wait_for_completion(signal.SIGTERM)

    async def close(self) -> None:
        """Cancel what still runs (arq queues those jobs again) and close the Redis pools.

        (Not arq's Worker.close: it closes its pool through a deprecated call.)
        """
        for worker in self.workers:
            running = [task for task in worker.tasks.values() if not task.done()]
            if worker.main_task is not None and not worker.main_task.done():
                running.append(worker.main_task)
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
            with contextlib.suppress(Exception):  # Redis may be gone already
                await worker.pool.delete(worker.health_check_key)
            await worker.pool.aclose()


async def _pool(redis_dsn: str, queue: str) -> ArqRedis:
    return await create_pool(RedisSettings.from_dsn(redis_dsn), default_queue_name=queue,
                             job_serializer=serialize, job_deserializer=deserialize)


def _worker(settings: Settings, queue: str, redis: ArqRedis, connectors: ConnectorPool,
            options: WorkerOptions, max_jobs: int, crons: list[CronJob]) -> Worker:
    timeout = settings.job_timeout_seconds
    # Evaluation jobs call judges over HTTP: only the default queue carries them.
    evaluations = evaluation_jobs.functions(timeout) if queue == DEFAULT_QUEUE else []
    # Webhook deliveries are HTTP posts too (ctx["settings"] gives them the SSRF policy).
    webhooks = webhook_jobs.functions(timeout) if queue == DEFAULT_QUEUE else []
    return CaseWorker(
        functions=[*run_jobs.functions(timeout), *evaluations, *webhooks],
        cron_jobs=crons,
        queue_name=queue,
        redis_pool=redis,
        burst=options.burst,
        handle_signals=False,  # one handler for the whole group: see run_worker_process
        job_completion_wait=timeout + DRAIN_GRACE_SECONDS,
        job_timeout=timeout,
        max_jobs=max_jobs,
        poll_delay=options.poll_delay,
        ctx={run_jobs.CONNECTORS: connectors, run_jobs.JOB_TIMEOUT: timeout,
             evaluation_jobs.SETTINGS: settings},
        job_serializer=serialize,
        job_deserializer=deserialize,
        allow_abort_jobs=True,
        health_check_interval=30,
    )


async def run_worker_process(settings: Settings, database: DatabaseUrl, redis_dsn: str,
                             options: WorkerOptions) -> int:
    """`assay worker`: run the group until it stops; SIGTERM/SIGINT drain it (see above)."""
    envelope.configure(load_kek_ring(settings.kek, settings.data_dir))
    quiet_job_logs(settings)
    await Tortoise.init(config=tortoise_config(database, pool_max=10),
                        _enable_global_fallback=True)
    connectors = default_pool(allow_private_targets=settings.allow_private_targets,
                              browser_executable=settings.browser_executable)
    loop = asyncio.get_running_loop()
    try:
        group = await WorkerGroup.open(settings, redis_dsn, connectors, options)
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, group.drain)
        try:
            await group.run()
        finally:
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signum)
            await group.close()
    finally:
        await connectors.close()
        await Tortoise.close_connections()
    return 0
