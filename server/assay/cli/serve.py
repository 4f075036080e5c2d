"""assay serve: the API server."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import uvicorn

from assay.app import create_app
from assay.cli.support import prepare
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("serve", help="run the API server (GraphQL at /graphql)")
    parser.add_argument("--host", help="address to bind (default ASSAY_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default ASSAY_PORT or 8000)")
    parser.add_argument("--workers", type=int,
                        help="server processes (default ASSAY_WEB_WORKERS or 1)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    dbs = asyncio.run(prepare(settings))
    workers = args.workers or settings.web_workers
    options: dict[str, Any] = {
        "host": args.host or settings.host,
        "port": args.port or settings.port,
        "log_level": settings.log_level.lower(),
        "proxy_headers": False,
    }
    if workers > 1:
        # Each process builds its own application (and database pool) from the environment.
        uvicorn.run("assay.app:app_from_environment", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(settings, dbs.app), **options)
    return 0
