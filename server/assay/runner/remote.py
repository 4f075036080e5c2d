"""`assay run --server URL --plan ID --connection ID`: start a run on a server and follow it.

A client of the REST API (/api/v1). The start always carries an Idempotency-Key (the one
given, or a fresh one), so a start retried after a network failure never starts two runs.
While the run goes, its counts are polled; new results are read from the first position
that has not finished yet, since cases finish out of order and pages grow.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from assay.runner.interrupt import Interrupt
from assay.runner.progress import Progress
from assay.runner.report import ConfigurationError, RunReport

API = "/api/v1"
FINAL = ("COMPLETED", "FAILED", "CANCELLED")
PAGE_LIMIT = 500
#: Tries of one request on a network failure or 502/503/504, and the first back-off.
TRIES = 5
BACKOFF_SECONDS = 0.5
#: Longest wait a 429's Retry-After is honoured for, and how many 429s in a row are waited.
MAX_RETRY_AFTER = 60.0
MAX_RATE_LIMITED = 30
RETRIED_STATUSES = (502, 503, 504)


@dataclass(frozen=True)
class RemoteOptions:
    server: str
    api_key: str = field(repr=False)
    plan: str
    connection: str
    idempotency_key: str | None = None
    poll_seconds: float = 1.0


class RemoteError(Exception):
    """The server refused a request: its status, code and message."""

    def __init__(self, status: int, code: str, message: str, request_id: str = "") -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.request_id = status, code, message, request_id

    def describe(self) -> str:
        request = f", request {self.request_id}" if self.request_id else ""
        hint = {401: ": check --api-key or ASSAY_API_KEY",
                403: ": use an API key with the WRITE scope of the plan's project"}
        return (f"{self.message} ({self.code}, HTTP {self.status}{request})"
                f"{hint.get(self.status, '')}")


def check_server_url(server: str) -> str:
    """The server's base URL without a trailing slash, or a ConfigurationError."""
    parts = urlsplit(server.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ConfigurationError(f"--server {server!r} is not a server URL: give the address "
                                 "Assay is served at, like https://assay.example.com")
    return server.strip().rstrip("/")


class Api:
    def __init__(self, http: httpx.AsyncClient, server: str,
                 note: Callable[[str], None]) -> None:
        self.http, self.server, self.note = http, server, note

    async def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """The JSON of a 2xx answer; retries 429 (after Retry-After), 502-504 and network
        failures; raises RemoteError for other refusals, ConfigurationError when the server
        cannot be reached or does not speak this API."""
        failures = rate_limited = 0
        while True:
            try:
                response = await self.http.request(method, path, **kwargs)
            except httpx.TransportError as error:
                failures += 1
                if failures >= TRIES:
                    raise ConfigurationError(
                        f"cannot reach the server at {self.server} ({type(error).__name__}: "
                        f"{error}): check --server and the network") from None
                await asyncio.sleep(BACKOFF_SECONDS * 2 ** (failures - 1))
                continue
            if response.status_code == 429 and rate_limited < MAX_RATE_LIMITED:
                rate_limited += 1
                wait = _retry_after(response)
                self.note(f"the server is rate limiting this API key: waiting {wait:g} s, as "
                          "its Retry-After asks")
                await asyncio.sleep(wait)
                continue
            if response.status_code in RETRIED_STATUSES and failures + 1 < TRIES:
                failures += 1
                await asyncio.sleep(BACKOFF_SECONDS * 2 ** (failures - 1))
                continue
            return self._json(response)

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ConfigurationError(
                f"the server at {self.server} did not answer {response.request.method} "
                f"{response.request.url.path} as Assay's REST API does (HTTP "
                f"{response.status_code}, {response.headers.get('content-type', 'no type')}):"
                " check --server")
        if response.is_success:
            return body
        error = (body.get("errors") or [{}])[0]
        extensions = error.get("extensions") or {}
        raise RemoteError(response.status_code, str(extensions.get("code", "ERROR")),
                          str(error.get("message", "no message")),
                          str(extensions.get("requestId") or
                              response.headers.get("x-request-id", "")))


def _retry_after(response: httpx.Response) -> float:
    try:
        seconds = float(response.headers.get("retry-after", "1"))
    except ValueError:
        seconds = 1.0
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class ResultFeed:
    """New results of a run, reading again only from its first unfinished position."""

    def __init__(self, run_id: str) -> None:
        self.path = f"{API}/runs/{quote(run_id, safe='')}/results"
        self.results: dict[str, dict[str, Any]] = {}
        #: Cursor after which some position may still be missing (None: from the start).
        self.resume: str | None = None
        #: The first position not known to be finished.
        self.next_position = 0

    async def poll(self, api: Api) -> list[dict[str, Any]]:
        new: list[dict[str, Any]] = []
        after, contiguous = self.resume, True
        while True:
            params: dict[str, Any] = {"limit": PAGE_LIMIT}
            if after is not None:
                params["after"] = after
            page = await api.call("GET", self.path, params=params)
            for result in page["results"]:
                if result["id"] not in self.results:
                    self.results[result["id"]] = result
                    new.append(result)
                contiguous = contiguous and result["position"] == self.next_position
                if contiguous:
                    self.next_position += 1
            after = page.get("next_cursor")
            if after is None:
                return new
            if contiguous:
                self.resume = after

    def ordered(self) -> list[dict[str, Any]]:
        return sorted(self.results.values(), key=lambda result: int(result["position"]))


async def run_remote(options: RemoteOptions, progress: Progress,
                     interrupt: Interrupt) -> RunReport:
    headers = {"Authorization": f"Bearer {options.api_key}", "User-Agent": "assay-run"}
    async with httpx.AsyncClient(base_url=options.server, headers=headers,
                                 timeout=30) as http:
        api = Api(http, options.server, progress.note)
        run = await _start(api, options)
        progress.start(run, f"on {options.server}")
        return await _follow(api, run, options.poll_seconds, progress, interrupt)


async def _start(api: Api, options: RemoteOptions) -> dict[str, Any]:
    key = options.idempotency_key or f"assay-run-{uuid.uuid4()}"
    try:
        return await api.call("POST", f"{API}/plans/{quote(options.plan, safe='')}/runs",
                              json={"connection_id": options.connection},
                              headers={"Idempotency-Key": key})
    except RemoteError as error:
        raise ConfigurationError(f"the server refused to start the run: "
                                 f"{error.describe()}") from None


async def _follow(api: Api, run: dict[str, Any], poll_seconds: float, progress: Progress,
                  interrupt: Interrupt) -> RunReport:
    feed = ResultFeed(run["id"])
    run_path = f"{API}/runs/{quote(run['id'], safe='')}"
    cancelled = False
    try:
        while True:
            counts = run["counts"]
            if counts["total"] - counts["pending"] > len(feed.results):
                for result in await feed.poll(api):
                    progress.case_finished(result)
            if run["status"] in FINAL:
                return RunReport(run, feed.ordered())
            if interrupt.requested and not cancelled:
                cancelled = True
                run = await _cancel(api, run_path) or run
            else:
                await interrupt.wait(poll_seconds)
            run = await api.call("GET", run_path)
    except RemoteError as error:
        raise ConfigurationError(f"lost track of run {run['id']}, which goes on on the "
                                 f"server: {error.describe()}") from None


async def _cancel(api: Api, run_path: str) -> dict[str, Any] | None:
    try:
        return await api.call("POST", f"{run_path}/cancel")
    except RemoteError as error:
        if error.code == "RUN_FINISHED":
            return None
        raise
