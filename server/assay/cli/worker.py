"""assay worker: an arq worker processing jobs from Redis."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from assay.cli.support import prepare
from assay.runtime import redis_url
from assay.settings import Settings
from assay.worker import build_worker


def register(sub: Any) -> None:
    parser = sub.add_parser("worker", help="run a job worker (needs Redis; embedded by default)")
    parser.add_argument("--burst", action="store_true", help="process queued jobs, then exit")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    dbs = asyncio.run(prepare(settings))
    worker = build_worker(settings, dbs.app, redis_url(settings), burst=args.burst)
    worker.run()
    return 0
