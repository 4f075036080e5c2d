"""The arq job that delivers one webhook: ids in, one attempt per run, retried by deferral.

A job is keyed ``webhook-delivery:<delivery id>`` (assay.webhooks.queue) and runs on the
default queue. Each run makes at most one attempt (assay.webhooks.delivery) and, while the
delivery stays PENDING, defers itself until the next attempt is due with arq's ``Retry``.
The database's ``attempts`` is the count that matters: every deferral gives arq's try back,
so arq's ``max_tries`` only stops a job whose worker keeps dying or that keeps crashing.

A job that starts before the transaction that queued it has committed (emitting queues
inside it) finds no delivery yet and waits for the commit without spending a try, as run
jobs do; a delivery that never appears (rolled back, or its webhook deleted) ends the job.

Context: ``ctx["settings"]`` (the worker's settings: the SSRF policy), ``ctx[POLICY]``
(a :class:`RetryPolicy`, the default when absent), ``ctx["redis"]`` (arq's pool).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from arq import Retry
from arq.worker import Function, func

from assay.job_tries import give_back_try, just_queued
from assay.settings import Settings, load_settings
from assay.webhooks import delivery
from assay.webhooks.backoff import DEFAULT_POLICY, POLICY, RetryPolicy
from assay.webhooks.queue import JOB_NAME

log = logging.getLogger(__name__)

#: ctx keys: the worker's settings (the same key the evaluation jobs read), arq's Redis.
SETTINGS = "settings"
REDIS = "redis"
#: Crashes (not failed attempts: those are the delivery's) before a job gives up.
MAX_TRIES = 5
CRASH_RETRY_SECONDS = 5.0
#: How long a job waits for the transaction that queued it to commit.
COMMIT_WAIT_SECONDS = 30.0
COMMIT_RETRY_SECONDS = 0.5
#: arq's limit for one run: an attempt's timeout plus reading and recording.
JOB_TIMEOUT_SECONDS = 60


def _settings(ctx: dict[str, Any]) -> Settings:
    settings = ctx.get(SETTINGS)
    return settings if isinstance(settings, Settings) else load_settings()


def _policy(ctx: dict[str, Any]) -> RetryPolicy:
    policy = ctx.get(POLICY)
    return policy if isinstance(policy, RetryPolicy) else DEFAULT_POLICY


async def webhook_delivery(ctx: dict[str, Any], org_id: str, delivery_id: str) -> str:
    """Make the delivery's next attempt when due; returns what happened, for the logs."""
    org, target = uuid.UUID(org_id), uuid.UUID(delivery_id)
    try:
        done = await delivery.attempt(org, target, settings=_settings(ctx),
                                      policy=_policy(ctx))
    except delivery.NotVisible:
        if just_queued(ctx, COMMIT_WAIT_SECONDS):
            await give_back_try(ctx)
            raise Retry(defer=COMMIT_RETRY_SECONDS) from None
        return "missing"
    except Exception as error:
        tries = int(ctx.get("job_try") or 1)
        log.warning("webhook delivery %s crashed on try %d: %s", target, tries,
                    type(error).__name__)
        if tries < MAX_TRIES:
            raise Retry(defer=CRASH_RETRY_SECONDS * tries) from None
        return "crashed"
    if done.wait is not None:
        await give_back_try(ctx)
        raise Retry(defer=done.wait)
    return done.outcome


def functions(job_timeout_s: int = JOB_TIMEOUT_SECONDS) -> list[Function]:
    """What a worker registers. No arq result is kept (the delivery row holds it), so a
    delivery can be queued again under the same job id once its job ended.

    The timeout never exceeds the worker's job timeout: arq re-delivers a dead worker's jobs
    after the longest timeout it registers, and a case must not wait for a webhook's."""
    return [func(webhook_delivery, name=JOB_NAME, max_tries=MAX_TRIES + 1,
                 timeout=min(JOB_TIMEOUT_SECONDS, job_timeout_s), keep_result=0)]


FUNCTIONS: list[Function] = functions()
