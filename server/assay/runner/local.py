"""`assay run FILE`: run a plan file on this machine, with the same engine a server uses.

The database and Redis are the configured services, or the embedded ones; the jobs run in
an in-process worker, so nothing else has to be started.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import Any

from assay.cli.support import connected, prepare
from assay.connections.templates import PLACEHOLDER
from assay.connectors.network import NetworkPolicy
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, DomainError
from assay.rest.serialize import result_json, run_json
from assay.runner.html_report import ReportNotMade, local_html_report
from assay.runner.interrupt import Interrupt
from assay.runner.local_org import local_organization
from assay.runner.local_setup import start_local_run
from assay.runner.planfile import PlanFile
from assay.runner.progress import Progress
from assay.runner.report import ConfigurationError, RunReport
from assay.runs import queue
from assay.runs.inprocess import running_worker
from assay.runs.models import FINAL_RUN_STATUSES, Run, RunCase, RunCaseResult
from assay.runs.service import cancel_run
from assay.runtime import redis_url
from assay.settings import Settings
from assay_sdk import ConnectorError

POLL_SECONDS = 0.1
PRIVATE_HINT = ("; for a plan file run on this machine, pass --allow-private-targets to "
                "allow it for this run only")


async def check_target(plan_file: PlanFile, allow_private: bool) -> None:
    """Refuse at once a target the network policy would refuse on every case."""
    config = plan_file.connection.config
    url = PLACEHOLDER.sub("x", str(config.get("url") or config.get("chat_url") or ""))
    try:
        await NetworkPolicy(allow_private=allow_private).check_url(url)
    except ConnectorError as error:
        if error.code == "SSRF_REFUSED":
            raise ConfigurationError(error.message.rstrip(".") + PRIVATE_HINT) from None


async def run_local(plan_file: PlanFile, settings: Settings, progress: Progress,
                    interrupt: Interrupt, *, allow_private: bool,
                    report_threshold: float | None = None) -> RunReport:
    """Run the file's plan and collect its results; with ``report_threshold``, also make
    the HTML report of the run (unless interrupted), held to that pass rate."""
    settings = dataclasses.replace(
        settings, allow_private_targets=settings.allow_private_targets or allow_private)
    await check_target(plan_file, settings.allow_private_targets)
    dbs = await prepare(settings)
    dsn = redis_url(settings)
    queue.configure(dsn)
    async with connected(settings, dbs.app):
        org_id = await local_organization(settings.data_dir, dbs.app)
        started = await start_local_run(org_id, plan_file)
        try:
            await queue.enqueue_cases(settings, org_id, started.run_case_ids)
            async with running_worker(settings, dsn, max_jobs=plan_file.concurrency,
                                      browser_max_jobs=plan_file.concurrency):
                follower = _Follower(org_id, started.run.id, progress)
                report = await follower.follow(interrupt)
                if report_threshold is not None and not interrupt.requested:
                    await _add_html(report, settings, org_id, started.run.id, interrupt,
                                    report_threshold)
                return report
        finally:
            await queue.close()


async def _add_html(report: RunReport, settings: Settings, org_id: uuid.UUID,
                    run_id: uuid.UUID, interrupt: Interrupt, threshold: float) -> None:
    try:
        report.html = await local_html_report(settings, org_id, run_id, interrupt, threshold)
    except (ReportNotMade, DomainError) as error:
        report.html_problem = str(error)


class _Follower:
    """Reads the run's new results from the database as the worker records them."""

    def __init__(self, org_id: uuid.UUID, run_id: uuid.UUID, progress: Progress) -> None:
        self.org_id, self.run_id, self.progress = org_id, run_id, progress
        self.results: dict[uuid.UUID, dict[str, Any]] = {}
        self.latest: datetime | None = None

    async def follow(self, interrupt: Interrupt) -> RunReport:
        async with tenant_transaction(self.org_id):
            run = await Run.get(id=self.run_id)
        self.progress.start(run_json(run), "on this machine")
        run = await self._poll()
        cancelled = False
        while run.status not in FINAL_RUN_STATUSES:
            if interrupt.requested and not cancelled:
                await self._cancel()
                cancelled = True
            else:
                await interrupt.wait(POLL_SECONDS)
            run = await self._poll()
        results = sorted(self.results.values(), key=lambda result: int(result["position"]))
        return RunReport(run_json(run), results)

    async def _cancel(self) -> None:
        try:
            async with tenant_transaction(self.org_id):
                await cancel_run(run_id=self.run_id)
        except Conflict:  # it finished meanwhile
            pass

    async def _poll(self) -> Run:
        async with tenant_transaction(self.org_id):
            run = await Run.get(id=self.run_id)
            counts = run_json(run)["counts"]
            done = counts["total"] - counts["pending"]
            if done > len(self.results):
                await self._read_new(since=self.latest)
            if done > len(self.results):  # not in created_at order after all: read them all
                await self._read_new(since=None)
        return run

    async def _read_new(self, *, since: datetime | None) -> None:
        """Results are written one at a time under the run's lock, so in created_at order:
        the new ones are those created at or after the latest one read."""
        query = RunCaseResult.filter(run_id=self.run_id)
        if since is not None:
            query = query.filter(created_at__gte=since)
        rows = [row for row in await query.order_by("created_at")
                if row.id not in self.results]
        if not rows:
            return
        cases = {case.id: case for case in
                 await RunCase.filter(id__in=[row.run_case_id for row in rows])}
        for row in rows:
            result = result_json(cases[row.run_case_id], row)
            self.results[row.id] = result
            self.progress.case_finished(result)
            self.latest = row.created_at
