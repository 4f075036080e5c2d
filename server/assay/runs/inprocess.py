"""Job workers inside the calling process, for `assay run FILE` and `assay demo`.

The caller has already initialised Tortoise (``assay.cli.support.connected``) and the key
ring; the workers share both and consume the same queues (HTTP and browser) a separate
`assay worker` would, built by the same code (assay.worker), so a local run executes
exactly the code a cluster does.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assay.runs.connectors import default_pool
from assay.runs.routing import QUEUE_CHOICES
from assay.settings import Settings
from assay.worker import WorkerGroup, WorkerOptions


@asynccontextmanager
async def running_worker(settings: Settings, redis_dsn: str, *, max_jobs: int = 10,
                         browser_max_jobs: int | None = None,
                         queues: str = "all") -> AsyncIterator[WorkerGroup]:
    """Run workers in this event loop until the block ends (their jobs are then cancelled).

    ``max_jobs`` limits the HTTP queue's worker, ``browser_max_jobs`` the browser queue's
    (default: the settings'); ``queues`` is an ``assay worker --queue`` choice. No
    maintenance cron jobs run here.
    """
    connectors = default_pool(allow_private_targets=settings.allow_private_targets,
                              browser_executable=settings.browser_executable)
    options = WorkerOptions(queues=QUEUE_CHOICES[queues], max_jobs=max_jobs,
                            browser_max_jobs=browser_max_jobs, crons=False, poll_delay=0.05)
    group = await WorkerGroup.open(settings, redis_dsn, connectors, options)
    task = asyncio.create_task(group.run())
    try:
        yield group
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await group.close()
        await connectors.close()
