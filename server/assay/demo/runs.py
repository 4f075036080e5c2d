"""Running the demo plan through each connection and reading back what the runs recorded.

Runs start through the public API (``startRun``), so they are queued exactly as a client's
would be; the caller keeps a worker running meanwhile. All runs go at once and are
followed until each is final; one still going at the deadline is cancelled (``cancelRun``)
and reported as such, so the demo never hangs.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

import httpx

from assay.demo.api import DemoError, mutate, read

START_RUN = """
mutation($input: StartRunInput!) {
  startRun(input: $input) {
    __typename ... on StartRunSuccess { run { id } }
    ... on MutationError { code message }
  }
}"""
CANCEL_RUN = """
mutation($id: ID!) {
  cancelRun(id: $id) { __typename ... on MutationError { code message } }
}"""
STATUS = "query($id: ID!) { run(id: $id) { status } }"
RESULTS = """
query($id: ID!, $first: Int!) {
  run(id: $id) {
    id status startedAt finishedAt
    counts { total passed failed errored timedOut cancelled pending }
    connection { name kind }
    cases(first: $first) {
      edges { node {
        position title asserts status
        result { durationMs error { code message } asserts { index type passed reason } }
      } }
    }
  }
}"""
FINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
POLL_SECONDS = 0.2
#: The demo plan is small: one page holds every case.
MAX_CASES = 100


@dataclass(frozen=True)
class DemoRun:
    """A finished (or cancelled) run as the API shows it, and how long it took to finish."""

    run: dict[str, Any]
    wall_seconds: float
    #: False when the run was cancelled because it did not finish before the deadline.
    finished_in_time: bool


async def _status(client: httpx.AsyncClient, key: str, run_id: str) -> str:
    run = await read(client, key, STATUS, {"id": run_id}, "run")
    return str(run["status"])


async def _follow(client: httpx.AsyncClient, key: str, run_id: str, began: float,
                  deadline: float) -> DemoRun:
    in_time = True
    while await _status(client, key, run_id) not in FINAL:
        if time.monotonic() >= deadline:
            in_time = False
            with contextlib.suppress(DemoError):  # it may have finished meanwhile
                await mutate(client, key, CANCEL_RUN, {"id": run_id}, "cancelRun")
            break
        await asyncio.sleep(POLL_SECONDS)
    wall = time.monotonic() - began
    run = await read(client, key, RESULTS, {"id": run_id, "first": MAX_CASES}, "run")
    return DemoRun(run, wall, finished_in_time=in_time)


async def run_plan(client: httpx.AsyncClient, key: str, plan_id: str,
                   connection_ids: list[str], *, timeout_seconds: float) -> list[DemoRun]:
    """Start one run of the plan per connection, all at once; return them when all are final
    (a worker must be consuming the queue meanwhile)."""
    began = time.monotonic()
    run_ids = []
    for connection_id in connection_ids:
        started = await mutate(client, key, START_RUN, {"input": {
            "planId": plan_id, "connectionId": connection_id}}, "startRun")
        run_ids.append(started["run"]["id"])
    deadline = began + timeout_seconds
    return list(await asyncio.gather(
        *(_follow(client, key, run_id, began, deadline) for run_id in run_ids)))
