"""arq's Worker made cheaper per job, for case jobs (hundreds a second): how a job is claimed,
how soon the queue is looked at again, and which of arq's per-job log lines are kept.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from arq.constants import in_progress_key_prefix
from arq.utils import timestamp_ms
from arq.worker import Worker
from redis.commands.core import AsyncScript

from assay.runs import jobs as run_jobs
from assay.settings import Settings

#: How soon after one of its jobs ended a worker looks at its queue again.
NEXT_LOOK_SECONDS = 0.005


#: Claim a queued job for this worker, atomically: KEYS in-progress key, queue; ARGV job id,
#: now (ms), in-progress lifetime (ms). Returns the job's score, or nil when the job runs
#: elsewhere, has finished (left the queue) or was deferred to later.
_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 1 then return nil end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return nil end
redis.call('PSETEX', KEYS[1], ARGV[3], '1')
return score
"""


class CaseWorker(Worker):
    """arq's Worker, minus the Redis round trips it spends starting a job.

    A poll reads the first ids of the queue, running jobs included (arq takes a job off the
    queue when it ends), and arq asks Redis about each (WATCH, EXISTS, ZSCORE, then
    MULTI/PSETEX/EXEC: four round trips) before it starts or skips it. Here the ones this
    process runs are skipped without asking (with 50 jobs at once, most ids of a poll were
    such), and a job is claimed by one Lua script doing the same checks and setting the same
    in-progress key atomically: one round trip. The rest (running, retrying, finishing a
    job) is arq's own.

    Polling: arq sleeps ``poll_delay`` between two looks at the queue, so a job slot freed
    by a finished job stayed idle for half of that on average: with a 200 ms agent and as
    many jobs as the connection's concurrency, a fifth of the time. Here a look follows soon
    (``NEXT_LOOK_SECONDS``, so that jobs ending together are replaced in one look) after a
    job of this worker ends, and ``poll_delay`` after the previous one otherwise.
    """

    _claim: AsyncScript | None = None

    def __init__(self, *args: Any, poll_delay: float = 0.5, **kwargs: Any) -> None:
        super().__init__(*args, poll_delay=0, **kwargs)  # the waiting is done by _look_later
        self._poll_wait = poll_delay
        self._job_ended = asyncio.Event()

    async def _poll_iteration(self) -> None:
        self._job_ended.clear()
        await super()._poll_iteration()
        await self._look_later()

    async def _look_later(self) -> None:
        """Until a job of this worker ended (and a moment more), or the poll delay passed."""
        try:
            async with asyncio.timeout(self._poll_wait):
                await self._job_ended.wait()
        except TimeoutError:
            return
        await asyncio.sleep(NEXT_LOOK_SECONDS)

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        running = {job_id for job_id, task in self.tasks.items() if not task.done()}
        if self._claim is None:
            self._claim = self.pool.register_script(_CLAIM)
        lifetime_ms = int(self.in_progress_timeout_s * 1000)
        for job_id_b in job_ids:
            job_id = job_id_b.decode()
            if job_id in running:
                continue
            await self.sem.acquire()
            if self.job_counter >= self.max_jobs:
                self.sem.release()
                return
            self.job_counter += 1
            try:
                score = await self._claim(keys=[in_progress_key_prefix + job_id, self.queue_name],
                                          args=[job_id, timestamp_ms(), lifetime_ms])
            except BaseException:
                self._unclaimed()
                raise
            if score is None:  # started elsewhere, finished, or deferred meanwhile
                self._unclaimed()
                continue
            task = self.loop.create_task(self.run_job(job_id, int(float(score))))
            task.add_done_callback(lambda _: self._release_sem_dec_counter_on_complete())
            task.add_done_callback(lambda _: self._job_ended.set())
            self.tasks[job_id] = task

    def _unclaimed(self) -> None:
        self.job_counter -= 1
        self.sem.release()



class _NoCaseJobLines(logging.Filter):
    """Drops arq's two INFO lines per case job (started, finished); keeps the rest (start-up,
    cron jobs, retries, failures)."""

    _PER_JOB = frozenset({"%6.2fs → %s(%s)%s", "%6.2fs ← %s ● %s"})
    _SUFFIX = f":{run_jobs.JOB_NAME}"

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg not in self._PER_JOB or not isinstance(record.args, tuple):
            return True
        return not (len(record.args) > 1 and str(record.args[1]).endswith(self._SUFFIX))


_no_case_job_lines = _NoCaseJobLines()


def quiet_job_logs(settings: Settings) -> None:
    """Keep arq's two INFO lines per case job (started, finished) out of the log unless the
    operator asked for DEBUG: at hundreds of jobs a second, formatting and writing them cost
    a noticeable share of the worker's CPU and say nothing the run's results do not. arq's
    other lines (start-up, cron jobs, retries, warnings and errors) still show, and so do
    our own logs."""
    if logging.getLevelName(settings.log_level) != logging.DEBUG:
        logging.getLogger("arq.worker").addFilter(_no_case_job_lines)
