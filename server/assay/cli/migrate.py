"""assay migrate: apply migrations and the database guards, or write/check migrations."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assay.db import migrate
from assay.runtime import databases, require_owner
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("migrate", help="apply migrations (or --make / --check them)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--make", metavar="NAME", help="write a migration for model changes")
    group.add_argument("--check", action="store_true",
                       help="exit 1 if the models need a migration that is not written")
    parser.add_argument("--app-password", default=None,
                        help="create the runtime role with this password if it does not exist")
    parser.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.make:
        print(await migrate.make(args.make) or "no model changes: nothing written")
        return 0
    if args.check:
        pending = await migrate.pending_changes()
        if pending:
            print("models changed without a migration; run `assay migrate --make NAME`:\n"
                  + pending, file=sys.stderr)
            return 1
        print("migrations are in sync with the models")
        return 0
    dbs = databases(settings)
    password = "" if dbs.embedded else args.app_password
    applied = await migrate.upgrade(require_owner(dbs), app_role=settings.database_app_role,
                                    app_password=password)
    print(f"applied {len(applied)} migration(s); row-level security and grants are in place")
    return 0
