"""assay worker: job workers processing case jobs (and maintenance) from Redis."""

from __future__ import annotations

import argparse
from typing import Any

import uvloop

from assay.cli.support import prepare
from assay.runs.routing import QUEUE_CHOICES
from assay.runtime import redis_url
from assay.settings import Settings
from assay.worker import WorkerOptions, run_worker_process


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "worker", help="run a job worker (needs Redis; embedded by default)",
        description="Run case jobs from Redis. SIGTERM drains (no new jobs, running ones "
        "finish, exit 0); a second SIGTERM stops at once. Limits: ASSAY_WORKER_MAX_JOBS, "
        "ASSAY_BROWSER_WORKER_MAX_JOBS, ASSAY_JOB_TIMEOUT_SECONDS.")
    parser.add_argument("--burst", action="store_true", help="process queued jobs, then exit")
    parser.add_argument(
        "--queue", choices=sorted(QUEUE_CHOICES), default="all",
        help="which cases to run: default (HTTP), browser (one Chromium per process), or "
        "all (both, the default)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """On uvloop: a worker is network-bound (agent, PostgreSQL, Redis), and with asyncio's
    own loop a fifth more CPU per case went to the loop itself (measured with
    tests/benchmarks/test_run_throughput.py)."""
    return uvloop.run(_run(args, settings))


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    dbs = await prepare(settings)
    options = WorkerOptions(queues=QUEUE_CHOICES[args.queue], burst=args.burst)
    return await run_worker_process(settings, dbs.app, redis_url(settings), options)
