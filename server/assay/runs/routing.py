"""Which arq queue a case job goes to, and putting many jobs on it at once.

Browser cases have a queue of their own (``assay:browser``): a browser case holds a page of
the worker's one Chromium for seconds, and a worker takes only a few at a time, so a large
browser run never stands in front of HTTP cases (``assay:default``), and the two kinds scale
with separate worker pools (``assay worker --queue default|browser|all``).

Enqueueing writes exactly what ``ArqRedis.enqueue_job`` writes (the job key with arq's own
serialised payload, and the queue entry), but for up to ``BATCH`` jobs in one Lua call, so
a plan of 10,000 cases is queued in a few round trips. As with arq, a job id whose job (or
result) key exists is left alone: a case queued twice runs once.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence

from arq.constants import expires_extra_ms, job_key_prefix, result_key_prefix
from arq.jobs import serialize_job
from redis.asyncio import Redis

from assay.connections.models import ConnectionKind
from assay.runs.codec import serialize
from assay.runs.jobs import JOB_NAME, job_id

DEFAULT_QUEUE = "assay:default"
BROWSER_QUEUE = "assay:browser"
#: ``assay worker --queue`` choices and the queues each consumes.
QUEUE_CHOICES: dict[str, tuple[str, ...]] = {
    "default": (DEFAULT_QUEUE,),
    "browser": (BROWSER_QUEUE,),
    "all": (DEFAULT_QUEUE, BROWSER_QUEUE),
}
#: Jobs per Lua call.
BATCH = 500

# KEYS: the queue, then per job its job key and result key. ARGV: the score, the job key's
# lifetime in ms, then per job its id and payload. Returns how many jobs were queued.
_ENQUEUE = """
local queued = 0
for i = 0, (#KEYS - 1) / 2 - 1 do
    local job_key, result_key = KEYS[2 + 2 * i], KEYS[3 + 2 * i]
    if redis.call('EXISTS', job_key, result_key) == 0 then
        redis.call('SET', job_key, ARGV[4 + 2 * i], 'PX', ARGV[2])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3 + 2 * i])
        queued = queued + 1
    end
end
return queued
"""


def queue_for(kind: str) -> str:
    """The queue of a connection kind (a run snapshot's ``connection.kind``)."""
    return BROWSER_QUEUE if kind == ConnectionKind.BROWSER else DEFAULT_QUEUE


def _payload(org_id: uuid.UUID, run_case_id: uuid.UUID, now_ms: int) -> str:
    return serialize_job(JOB_NAME, (str(org_id), str(run_case_id)), {}, None, now_ms,
                         serializer=serialize).decode()


async def enqueue_case_jobs(redis: Redis, org_id: uuid.UUID, run_case_ids: Sequence[uuid.UUID],
                            kind: str) -> int:
    """Queue one job per run case on the kind's queue; returns how many were new."""
    queue = queue_for(kind)
    queued = 0
    for start in range(0, len(run_case_ids), BATCH):
        now_ms = int(time.time() * 1000)
        keys: list[str] = [queue]
        args: list[str] = [str(now_ms), str(expires_extra_ms)]
        for run_case_id in run_case_ids[start:start + BATCH]:
            key = job_id(run_case_id)
            keys += [job_key_prefix + key, result_key_prefix + key]
            args += [key, _payload(org_id, run_case_id, now_ms)]
        queued += int(await redis.eval(_ENQUEUE, len(keys), *keys, *args))  # type: ignore[misc]
    return queued
