"""Waiting is not failing: giving arq's try back when a job only waited.

arq counts every delivery of a job as a try (``job_try``, kept in Redis under
``arq:retry:<job id>``) and stops a job after ``max_tries``. A job that raises ``Retry``
because it had to wait, not because it failed, would still spend a try, so waiting often
enough (for a free connection slot, for the next webhook attempt) would kill a job that
never failed. Before such a ``Retry`` the job gives the try back by decrementing that
counter: only real failures and worker deaths bring it closer to the limit.

The commonest wait: the API queues jobs inside the transaction that creates what they work
on, so a worker can start a job before that commit and find nothing. A job that finds
nothing soon after it was queued (:func:`just_queued`) waits for the commit without
spending a try; later, nothing found is a real miss. Run, evaluation and webhook jobs all
do this.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from arq.constants import retry_key_prefix

log = logging.getLogger(__name__)

#: The ctx key of the Redis client arq gives each job.
REDIS = "redis"


def just_queued(ctx: dict[str, Any], within_seconds: float) -> bool:
    """Whether arq queued this job less than ``within_seconds`` ago."""
    queued = ctx.get("enqueue_time")
    if not isinstance(queued, datetime):
        return False
    return (datetime.now(UTC) - queued).total_seconds() < within_seconds


async def give_back_try(ctx: dict[str, Any]) -> None:
    """Undo arq's count of this delivery: the job only waited. Never raises."""
    redis, key = ctx.get(REDIS), ctx.get("job_id")
    if redis is None or not key:
        return
    try:
        await redis.decr(retry_key_prefix + key)
    except Exception as error:  # the wait then counts as a try: harmless, unless it recurs
        log.warning("could not give back the try of job %s: %s", key, type(error).__name__)
