"""Notifications that an evaluation moved on: the run engine's pub/sub on its own channels.

A job publishes "this case of evaluation E has its scores" once they have committed (ids
only); subscribers re-read the database (assay.evaluations.progress). The machinery, one
Redis subscription per API process shared by every subscriber, is assay.runs.events'.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from assay.runs import events
from assay.runs.events import Watch
from assay.settings import Settings

CHANNEL_PREFIX = "assay:evaluation:"


def channel(evaluation_id: uuid.UUID) -> str:
    return events.channel(evaluation_id, CHANNEL_PREFIX)


async def case_scored(redis: Redis | None, evaluation_id: uuid.UUID,
                      run_case_id: uuid.UUID) -> None:
    """A job recorded (and committed) the scores of ``run_case_id``. Never raises."""
    await events.publish(redis, evaluation_id, run_case_id, prefix=CHANNEL_PREFIX)


@asynccontextmanager
async def watch(settings: Settings, evaluation_id: uuid.UUID) -> AsyncIterator[Watch]:
    """Notifications for one evaluation, through this process's listener."""
    async with events.listener(settings).watch(evaluation_id, prefix=CHANNEL_PREFIX) as found:
        yield found
