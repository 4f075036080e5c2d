"""assay admin: operator commands (create-org bootstraps an organization)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assay.cli.support import connected, prepare
from assay.organizations import service
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("admin", help="operator commands")
    admin = parser.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    create = admin.add_parser(
        "create-org",
        help="create an organization, its owner, a first project and a WRITE API key",
    )
    create.add_argument("--name", required=True, help="organization name")
    create.add_argument("--owner-email", required=True, help="email of the owner")
    create.add_argument("--project", default="Default", help="first project's name")
    create.set_defaults(handler=create_org)


async def create_org(args: argparse.Namespace, settings: Settings) -> int:
    dbs = await prepare(settings)
    async with connected(settings, dbs.app):
        boot = await service.create_organization(
            name=args.name, owner_email=args.owner_email, project_name=args.project
        )
    print(json.dumps({
        "organization_id": str(boot.organization_id),
        "owner_id": str(boot.owner_id),
        "project_id": str(boot.project_id),
        "api_key": boot.api_key,
    }))
    return 0
