"""assay demo: a demo organization on the embedded default, built through the public API."""

from __future__ import annotations

import argparse
import json
from typing import Any

import httpx

from assay.app import create_app
from assay.cli.support import connected, prepare
from assay.demo.seed import seed
from assay.graphql.relay import encode_id
from assay.organizations import service
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="create a demo organization and show what it holds")
    parser.add_argument("--name", default="Demo Travel Co", help="organization name")
    parser.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    dbs = await prepare(settings)
    async with connected(settings, dbs.app):
        boot = await service.create_organization(
            name=args.name, owner_email="owner@demo.assay.local", project_name="Travel assistant"
        )
        transport = httpx.ASGITransport(app=create_app(settings, dbs.app))
        async with httpx.AsyncClient(transport=transport, base_url="http://assay") as client:
            result = await seed(client, boot.api_key, boot.project_id)
    print(
        json.dumps(
            {
                "organization_id": str(boot.organization_id),
                "project_id": encode_id("Project", boot.project_id),
                "api_key": boot.api_key,
                "test_cases": result.cases,
                "suites": result.suites,
                "plan": {
                    "id": result.plan_id,
                    "status": result.plan_status,
                    "cases": result.plan_cases,
                },
                "connection_id": result.connection_id,
                "next": "run `assay serve` and open http://127.0.0.1:8000/graphql with header "
                "'Authorization: Bearer <api_key>'",
            },
            indent=2,
        )
    )
    return 0
