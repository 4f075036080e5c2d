"""The evidence of failed browser cases (a screenshot, the console log) in a run's records.

Two browser runs against the loopback chat app, executed by a real in-process worker:
run A logs in (the login page logs the password, which must come out as [secret]) and
sends three cases: one passes, one fails its assert, one gets no answer (TIMEOUT); run B
points at a page without the send button (ERROR, SELECTOR_NOT_FOUND).
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import logging
import re
import struct
import uuid
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest
from starlette.requests import Request
from starlette.responses import Response

from assay.db.transactions import tenant_transaction
from assay.graphql.relay import decode_id, encode_id
from assay.runs import queue, service
from assay.runs.execute import (
    MAX_CONSOLE_BYTES,
    MAX_CONSOLE_LINES,
    Artifact,
    CaseScript,
    artifacts_of,
    console_text,
    converse,
)
from assay.runs.hashing import artifact_entry, content_hash, stored_hash_matches
from assay.runs.inprocess import running_worker
from assay.runs.models import (
    FINAL_RUN_STATUSES,
    ArtifactKind,
    Run,
    RunCase,
    RunCaseArtifact,
    RunCaseResult,
)
from assay.runs.recording import result_intact
from assay.settings import Settings
from assay_sdk import Conversation, Evidence, Exchange
from tests.connectors.browser_agent import PASSWORD, ChatAgent, served
from tests.support import Caller, GraphQLClient, Org, make_org, owner

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 ")
RESPONSE_TIMEOUT_MS = 2_000
NAVIGATION_TIMEOUT_MS = 3_000
#: How long the worker may take for both runs before the test gives up.
RUNS_SECONDS = 100

CASES = {
    "Greeting": ("hello", [{"type": "contains", "value": "you said"}]),
    "Exact greeting": ("Say hello", [{"type": "equals", "value": "Hello!"}]),
    "Stuck": ("please never answer", [{"type": "contains", "value": "answer"}]),
}


class StuckChatAgent(ChatAgent):
    """The test chat app, except that a message asking it never to answer gets no answer."""

    async def answer(self, request: Request) -> Response:
        if "never answer" in str((await request.json())["message"]):
            await asyncio.sleep(30)  # cut short when the server stops
        return await super().answer(request)


@pytest.fixture(scope="module")
def chat_base() -> Iterator[str]:
    with served(StuckChatAgent().app()) as base:
        yield base


def _selectors() -> dict[str, str]:
    return {"input": "#message", "sendButton": "#send", "response": ".answer",
            "typingIndicator": "#typing"}


def login_connection(base: str) -> dict[str, Any]:
    return {"chatUrl": f"{base}/secure/chat", "loginUrl": f"{base}/login",
            "loginSteps": [
                {"action": "FILL", "selector": "#username", "value": "ada"},
                {"action": "FILL", "selector": "#password",
                 "value": "{{credentials.password}}"},
                {"action": "CLICK", "selector": "#login"}],
            "selectors": _selectors(), "navigationTimeoutMs": NAVIGATION_TIMEOUT_MS,
            "responseTimeoutMs": RESPONSE_TIMEOUT_MS, "quietPeriodMs": 300}


def nosend_connection(base: str) -> dict[str, Any]:
    return {"chatUrl": f"{base}/chat?mode=nosend", "selectors": _selectors(),
            "navigationTimeoutMs": NAVIGATION_TIMEOUT_MS,
            "responseTimeoutMs": RESPONSE_TIMEOUT_MS, "quietPeriodMs": 300}


_CASE = """mutation($input: CreateTestCaseInput!) { createTestCase(input: $input) {
  __typename ... on CreateTestCaseSuccess { testCase { id } } } }"""
_SUITE = """mutation($input: CreateSuiteInput!) { createSuite(input: $input) {
  __typename ... on CreateSuiteSuccess { suite { id } } } }"""
_ADD = """mutation($input: AddTestCasesToSuiteInput!) { addTestCasesToSuite(input: $input) {
  __typename } }"""
_PLAN = """mutation($input: CreatePlanInput!) { createPlan(input: $input) {
  __typename ... on CreatePlanSuccess { plan { id } } } }"""
_READY = """mutation($input: SetPlanStatusInput!) { setPlanStatus(input: $input) {
  __typename } }"""
_CONNECTION = """mutation($input: CreateAgentConnectionInput!) { createAgentConnection(
  input: $input) { __typename ... on CreateAgentConnectionSuccess { agentConnection { id } }
  ... on ValidationError { issues { path message } } } }"""


async def _ok(gql: GraphQLClient, query: str, payload: dict[str, Any], caller: Caller
              ) -> dict[str, Any]:
    result: dict[str, Any] = next(iter((await gql.data(query, {"input": payload},
                                                       caller)).values()))
    assert result["__typename"].endswith("Success"), result
    return result


def _decode(global_id: str) -> uuid.UUID:
    decoded = decode_id(global_id)
    assert decoded is not None
    return uuid.UUID(str(decoded[1]))


async def _plan(gql: GraphQLClient, org: Org, caller: Caller, name: str,
                case_ids: list[str]) -> uuid.UUID:
    suite = await _ok(gql, _SUITE, {"projectId": org.project_gid, "name": name}, caller)
    await _ok(gql, _ADD, {"suiteId": suite["suite"]["id"], "testCaseIds": case_ids}, caller)
    plan = await _ok(gql, _PLAN, {"projectId": org.project_gid, "name": name,
                                  "suiteIds": [suite["suite"]["id"]]}, caller)
    await _ok(gql, _READY, {"planId": plan["plan"]["id"], "status": "READY"}, caller)
    return _decode(plan["plan"]["id"])


async def _connection(gql: GraphQLClient, org: Org, caller: Caller, name: str,
                      browser: dict[str, Any]) -> uuid.UUID:
    created = await _ok(gql, _CONNECTION, {
        "projectId": org.project_gid, "name": name, "browser": browser,
        "credentials": [{"name": "password", "value": PASSWORD}]}, caller)
    return _decode(created["agentConnection"]["id"])


@dataclass
class Finished:
    org: Org
    owner: Caller
    base: str
    #: Run A (login; three cases) and run B (no send button; one case).
    runs: dict[str, uuid.UUID]
    #: (run, case title) -> its result and its artifacts by kind.
    results: dict[tuple[str, str], RunCaseResult]
    artifacts: dict[tuple[str, str], dict[str, RunCaseArtifact]]


async def _start(settings: Settings, org: Org, plan: uuid.UUID, connection: uuid.UUID
                 ) -> uuid.UUID:
    async with tenant_transaction(org.id):
        started = await service.start_run(plan_id=plan, connection_id=connection,
                                          idempotency_key=None)
    await queue.enqueue_cases(settings, org.id, started.run_case_ids)
    return uuid.UUID(str(started.run.id))


async def _all_finished(org: Org, run_ids: list[uuid.UUID]) -> bool:
    async with tenant_transaction(org.id):
        runs = await Run.filter(id__in=run_ids)
    return len(runs) == len(run_ids) and all(r.status in FINAL_RUN_STATUSES for r in runs)


async def _read(org: Org, runs: dict[str, uuid.UUID]) -> tuple[
        dict[tuple[str, str], RunCaseResult], dict[tuple[str, str], dict[str, RunCaseArtifact]]]:
    results: dict[tuple[str, str], RunCaseResult] = {}
    artifacts: dict[tuple[str, str], dict[str, RunCaseArtifact]] = {}
    async with tenant_transaction(org.id):
        for name, run_id in runs.items():
            titles = {c.id: c.title for c in await RunCase.filter(run_id=run_id)}
            for row in await RunCaseResult.filter(run_id=run_id):
                results[name, titles[row.run_case_id]] = row
                artifacts[name, titles[row.run_case_id]] = {}
            for artifact in await RunCaseArtifact.filter(run_id=run_id):
                artifacts[name, titles[artifact.run_case_id]][artifact.kind] = artifact
    return results, artifacts


@pytest.fixture(scope="module")
async def finished(gql: GraphQLClient, settings: Settings, job_queue: str,
                   chat_base: str) -> AsyncIterator[Finished]:
    org = await make_org("Evidence")
    caller = await owner(org)
    ids = {}
    for title, (message, asserts) in CASES.items():
        created = await _ok(gql, _CASE, {"projectId": org.project_gid, "title": title,
                                         "mode": "SIMPLE", "input": message,
                                         "expectedOutput": "An answer.",
                                         "asserts": asserts}, caller)
        ids[title] = created["testCase"]["id"]
    plan_a = await _plan(gql, org, caller, "Three cases", list(ids.values()))
    plan_b = await _plan(gql, org, caller, "One case", [ids["Greeting"]])
    login = await _connection(gql, org, caller, "Signed-in chat", login_connection(chat_base))
    nosend = await _connection(gql, org, caller, "No send button",
                               nosend_connection(chat_base))
    worker_settings = dataclasses.replace(settings, allow_private_targets=True)
    async with running_worker(worker_settings, job_queue):
        runs = {"A": await _start(settings, org, plan_a, login),
                "B": await _start(settings, org, plan_b, nosend)}
        for _ in range(RUNS_SECONDS * 5):
            if await _all_finished(org, list(runs.values())):
                break
            await asyncio.sleep(0.2)
    results, artifacts = await _read(org, runs)
    yield Finished(org, caller, chat_base, runs, results, artifacts)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking it whole: signature, every chunk's CRC,
    IHDR first and IEND last, and image data that inflates to one row per pixel line."""
    assert data[:8] == PNG_SIGNATURE
    chunks: list[tuple[bytes, bytes]] = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0] == zlib.crc32(
            kind + body)
        chunks.append((kind, body))
        at += 12 + length
    assert (chunks[0][0], chunks[-1][0]) == (b"IHDR", b"IEND")
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    pixels = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    assert len(pixels) == height * (1 + width * channels * depth // 8)
    return width, height


def log_lines(text: str) -> list[str]:
    """The console log's lines without timestamps (each must have one), and without the 404
    of the favicon, which Chromium asks for on its own at a moment of its choosing."""
    lines = text.splitlines()
    assert all(STAMP.match(line) for line in lines), lines
    return [STAMP.sub("", line, count=1) for line in lines if "/favicon.ico:" not in line]


def login_log(base: str) -> list[str]:
    return [
        f"assay: the login page: opening {base}/login",
        f"console.log: login page ready ({base}/login:10)",
        "assay: login step 1 (FILL '#username')",
        "assay: login step 2 (FILL '#password')",
        "assay: login step 3 (CLICK '#login')",
        f"console.log: signing in as ada with [secret] ({base}/login:15)",
        f"console.log: chat page ready ({base}/secure/chat:13)",
        f"assay: the chat page: opening {base}/secure/chat",
        f"console.log: chat page ready ({base}/secure/chat:13)",
    ]


TIMEOUT_MESSAGE = ("no complete answer: no new element matching the response selector "
                   f"'.answer' appeared within {RESPONSE_TIMEOUT_MS} ms (response_timeout_ms) "
                   "after sending")


def test_each_case_has_the_outcome_it_earned(finished: Finished) -> None:
    outcomes = {key: (r.status, r.error_code, r.evidence_note)
                for key, r in finished.results.items()}
    assert outcomes == {
        ("A", "Greeting"): ("PASSED", "", ""),
        ("A", "Exact greeting"): ("FAILED", "", ""),
        ("A", "Stuck"): ("TIMEOUT", "TIMEOUT", ""),
        ("B", "Greeting"): ("ERROR", "SELECTOR_NOT_FOUND", ""),
    }
    assert finished.results["A", "Stuck"].error_message == TIMEOUT_MESSAGE


def test_a_passing_case_has_no_artifacts(finished: Finished) -> None:
    assert finished.artifacts["A", "Greeting"] == {}


@pytest.mark.parametrize("key", [("A", "Exact greeting"), ("A", "Stuck"), ("B", "Greeting")])
def test_a_failed_errored_or_timed_out_case_has_a_screenshot(
        finished: Finished, key: tuple[str, str]) -> None:
    shot = finished.artifacts[key]["SCREENSHOT"]
    data = bytes(shot.content)
    assert png_size(data) == (1280, 800)
    assert (shot.media_type, shot.text, shot.size, shot.sha256) == (
        "image/png", None, len(data), hashlib.sha256(data).hexdigest())
    page = "/chat?mode=nosend" if key[0] == "B" else "/secure/chat"
    assert shot.page_url == f"{finished.base}{page}"


def test_the_console_log_of_a_failed_assert(finished: Finished) -> None:
    log = finished.artifacts["A", "Exact greeting"]["CONSOLE_LOG"]
    assert log_lines(log.text) == login_log(finished.base)
    data = log.text.encode()
    assert (log.media_type, log.content, log.size, log.sha256, log.page_url) == (
        "text/plain; charset=utf-8", None, len(data), hashlib.sha256(data).hexdigest(),
        f"{finished.base}/secure/chat")


def test_the_console_log_of_a_timeout_ends_with_the_failure(finished: Finished) -> None:
    log = finished.artifacts["A", "Stuck"]["CONSOLE_LOG"]
    assert log_lines(log.text) == [*login_log(finished.base),
                                   f"assay: failed: TIMEOUT: {TIMEOUT_MESSAGE}"]


def test_the_console_log_of_an_error(finished: Finished) -> None:
    base = finished.base
    log = finished.artifacts["B", "Greeting"]["CONSOLE_LOG"]
    error = finished.results["B", "Greeting"].error_message
    assert error == (f"the send button: no element matches the selector '#send' within "
                     f"{NAVIGATION_TIMEOUT_MS} ms on {base}/chat?mode=nosend: check the "
                     "selector against the page")
    assert log_lines(log.text) == [
        f"assay: the chat page: opening {base}/chat?mode=nosend",
        f"console.log: chat page ready ({base}/chat?mode=nosend:13)",
        f"assay: failed: SELECTOR_NOT_FOUND: {error}",
    ]


def test_no_artifact_holds_the_credential(finished: Finished) -> None:
    stored = [(a.text or "").encode() + bytes(a.content or b"") + a.page_url.encode()
              for kinds in finished.artifacts.values() for a in kinds.values()]
    assert len(stored) == 6
    assert not any(PASSWORD.encode() in blob for blob in stored)


async def test_every_result_verifies_with_its_artifacts(finished: Finished) -> None:
    async with tenant_transaction(finished.org.id):
        verdicts = {key: await result_intact(row) for key, row in finished.results.items()}
    assert verdicts == dict.fromkeys(finished.results, True)


def test_the_content_hash_covers_each_artifact_digest(finished: Finished) -> None:
    result = finished.results["A", "Exact greeting"]
    artifacts = list(finished.artifacts["A", "Exact greeting"].values())
    record = {name: getattr(result, name) for name in (
        "run_case_id", "status", "turns", "asserts", "error_code", "error_message",
        "attempts", "started_at", "finished_at", "duration_ms", "evidence_note")}
    entries = [artifact_entry(a.kind, a.media_type, bytes(a.content or a.text.encode()),
                              a.page_url) for a in artifacts]
    assert content_hash({**record, "artifacts": entries}) == result.content_hash

    other = [{**entry, "sha256": hashlib.sha256(b"another picture").hexdigest()}
             if entry["kind"] == "SCREENSHOT" else entry for entry in entries]
    assert content_hash({**record, "artifacts": other}) != result.content_hash
    assert content_hash(record) != result.content_hash  # without the artifacts

    screenshot = finished.artifacts["A", "Exact greeting"]["SCREENSHOT"]
    swapped = dataclasses.make_dataclass("Stored", ["kind", "media_type", "content", "text",
                                                    "size", "sha256", "page_url"])
    forged = b"\x89PNG\r\n\x1a\nnot the screenshot"
    tampered = swapped(screenshot.kind, screenshot.media_type, forged, None, len(forged),
                       hashlib.sha256(forged).hexdigest(), screenshot.page_url)
    log = finished.artifacts["A", "Exact greeting"]["CONSOLE_LOG"]
    assert stored_hash_matches(result, [screenshot, log])
    assert not stored_hash_matches(result, [tampered, log])
    assert not stored_hash_matches(result, [log])


CHANGES = {
    "UPDATE": "UPDATE run_case_artifacts SET sha256 = repeat('0', 64) WHERE run_id = $1",
    "DELETE": "DELETE FROM run_case_artifacts WHERE run_id = $1",
}


async def _artifact_rows(owner_db: asyncpg.Connection, run_id: uuid.UUID) -> list[str]:
    rows = await owner_db.fetch("SELECT md5(t::text) AS d FROM run_case_artifacts t "
                                "WHERE run_id = $1 ORDER BY 1", run_id)
    return [row["d"] for row in rows]


@pytest.mark.parametrize("op", list(CHANGES))
async def test_the_database_refuses_to_change_artifacts(
        finished: Finished, owner_db: asyncpg.Connection, app_db: asyncpg.Connection,
        op: str) -> None:
    run_id = finished.runs["A"]
    before = await _artifact_rows(owner_db, run_id)

    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match="permission denied for table run_case_artifacts"):
        async with app_db.transaction():
            await app_db.execute("SELECT set_config('assay.org_id', $1, true)",
                                 str(finished.org.id))
            await app_db.execute(CHANGES[op], run_id)
    with pytest.raises(asyncpg.InsufficientPrivilegeError,
                       match=f"assay: {op} on run_case_artifacts is refused: rows of this "
                             "table are immutable"):
        await owner_db.execute(CHANGES[op], run_id)

    assert len(before) == 4
    assert await _artifact_rows(owner_db, run_id) == before


RUN = """query($id: ID!) { run(id: $id) { cases(first: 10) { edges { node { title result {
  status evidenceNote artifacts { kind mediaType size sha256 pageUrl text dataUrl } } } } } } }"""


async def _run_cases(gql: GraphQLClient, finished: Finished, run: str) -> dict[str, Any]:
    data = await gql.data(RUN, {"id": encode_id("Run", finished.runs[run])}, finished.owner)
    return {e["node"]["title"]: e["node"]["result"] for e in data["run"]["cases"]["edges"]}


async def test_the_api_shows_the_artifacts(gql: GraphQLClient, finished: Finished) -> None:
    cases = await _run_cases(gql, finished, "A")
    stored = finished.artifacts["A", "Exact greeting"]
    shot, log = cases["Exact greeting"]["artifacts"]

    assert (cases["Greeting"]["artifacts"], cases["Greeting"]["evidenceNote"]) == ([], None)
    assert cases["Exact greeting"]["evidenceNote"] is None
    assert {k: v for k, v in shot.items() if k != "dataUrl"} == {
        "kind": "SCREENSHOT", "mediaType": "image/png", "size": stored["SCREENSHOT"].size,
        "sha256": stored["SCREENSHOT"].sha256, "pageUrl": f"{finished.base}/secure/chat",
        "text": None}
    prefix = "data:image/png;base64,"
    assert shot["dataUrl"].startswith(prefix)
    assert base64.b64decode(shot["dataUrl"][len(prefix):]) == bytes(
        stored["SCREENSHOT"].content)
    assert log == {"kind": "CONSOLE_LOG", "mediaType": "text/plain; charset=utf-8",
                   "size": stored["CONSOLE_LOG"].size, "sha256": stored["CONSOLE_LOG"].sha256,
                   "pageUrl": f"{finished.base}/secure/chat",
                   "text": stored["CONSOLE_LOG"].text, "dataUrl": None}


async def _statements(gql: GraphQLClient, finished: Finished, run: str,
                      caplog: pytest.LogCaptureFixture) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        await _run_cases(gql, finished, run)
    return sum(1 for r in caplog.records
               if r.name == "tortoise.db_client" and "connection pool" not in r.getMessage())


async def test_reading_artifacts_takes_the_same_statements_for_more_cases(
        gql: GraphQLClient, finished: Finished, caplog: pytest.LogCaptureFixture) -> None:
    one_case = await _statements(gql, finished, "B", caplog)
    three_cases = await _statements(gql, finished, "A", caplog)

    assert one_case == three_cases


# --- Limits and notes, on the host's side of the SDK hook ---------------------------------

SMALL_PNG = PNG_SIGNATURE + b"\x00" * 32


def test_the_console_log_keeps_its_newest_lines_within_the_limits() -> None:
    lines = tuple(f"line {n}" for n in range(MAX_CONSOLE_LINES + 5))
    text, left_out = console_text(lines)
    kept = text.splitlines()

    assert (left_out, len(kept)) == (6, MAX_CONSOLE_LINES)
    assert kept[:2] == ["[6 earlier lines left out]", "line 6"]
    assert kept[-1] == f"line {MAX_CONSOLE_LINES + 4}"

    wide = tuple("x" * 3_000 + f" {n}" for n in range(200))
    text, left_out = console_text(wide)
    assert len(text.encode()) <= MAX_CONSOLE_BYTES
    assert (left_out, text.splitlines()[-1]) == (113, "x" * 3_000 + " 199")


def test_a_log_that_fits_is_kept_whole_and_made_storable() -> None:
    assert console_text(("a\x00b", "caf\udce9", "done")) == ("a\ufffdb\ncaf?\ndone\n", 0)


def test_an_oversized_or_foreign_screenshot_is_left_out_with_a_note() -> None:
    big = PNG_SIGNATURE + b"\x00" * (2 * 1024 * 1024)
    artifacts, notes = artifacts_of(Evidence(screenshot=big, console=("one",),
                                             url="http://chat.example/", notes=("given",)))
    assert [a.kind for a in artifacts] == [ArtifactKind.CONSOLE_LOG]
    assert notes == ["given", f"no screenshot: it has {len(big)} bytes, over the limit of "
                     f"{2 * 1024 * 1024}"]

    artifacts, notes = artifacts_of(Evidence(screenshot=b"GIF89a...", url="x"))
    assert (artifacts, notes) == ([], ["no screenshot: what the connector handed over is "
                                       "not a PNG"])

    artifacts, notes = artifacts_of(Evidence(screenshot=SMALL_PNG, url="http://chat.example/"))
    assert (artifacts, notes) == (
        [Artifact(ArtifactKind.SCREENSHOT, "image/png", SMALL_PNG, "http://chat.example/")], [])


class Scripted(Conversation):
    """A connector's conversation as a third party might write one: it answers "hello" and
    hands over evidence as told (or fails to)."""

    def __init__(self, evidence: Evidence | None = None, *, raises: bool = False,
                 hangs: bool = False) -> None:
        self.calls: list[str] = []
        self._evidence, self._raises, self._hangs = evidence, raises, hangs

    async def send(self, message: str) -> Exchange:
        self.calls.append("send")
        return Exchange(reply="hello", latency_ms=1.0)

    async def evidence(self) -> Evidence | None:
        self.calls.append("evidence")
        if self._raises:
            raise RuntimeError("the secret sk-123 was in the way")
        if self._hangs:
            await asyncio.Event().wait()
        return self._evidence

    async def close(self) -> None:
        self.calls.append("close")


def _script(expected: str) -> CaseScript:
    return CaseScript.of("SIMPLE", "Hi", [], [{"type": "equals", "value": expected}])


async def _keep_going() -> bool:
    return True


async def test_evidence_is_asked_for_before_closing_and_only_after_a_failure() -> None:
    evidence = Evidence(screenshot=SMALL_PNG, console=("one", "two"), url="http://a.test/")
    failing, passing = Scripted(evidence), Scripted(evidence)

    failed = await converse(failing, _script("bye"), deadline_seconds=5, keep_going=_keep_going)
    passed = await converse(passing, _script("hello"), deadline_seconds=5,
                            keep_going=_keep_going)

    assert (failed.status, failing.calls) == ("FAILED", ["send", "evidence", "close"])
    assert failed.artifacts == [
        Artifact(ArtifactKind.SCREENSHOT, "image/png", SMALL_PNG, "http://a.test/"),
        Artifact(ArtifactKind.CONSOLE_LOG, "text/plain; charset=utf-8", b"one\ntwo\n",
                 "http://a.test/")]
    assert failed.evidence_note == ""
    assert (passed.status, passing.calls, passed.artifacts) == ("PASSED", ["send", "close"], [])


async def test_evidence_that_fails_or_hangs_is_noted_and_changes_nothing() -> None:
    raising, hanging = Scripted(raises=True), Scripted(hangs=True)

    first = await converse(raising, _script("bye"), deadline_seconds=5, keep_going=_keep_going)
    second = await converse(hanging, _script("bye"), deadline_seconds=5,
                            keep_going=_keep_going, evidence_seconds=0.2)

    assert (first.status, first.artifacts, first.evidence_note) == (
        "FAILED", [], "no evidence: the connector failed to gather it (RuntimeError)")
    assert (second.status, second.artifacts, second.evidence_note) == (
        "FAILED", [], "no evidence: the connector took longer than 0.2 s to hand over its "
        "screenshot and console log")
    assert raising.calls == hanging.calls == ["send", "evidence", "close"]


async def test_a_connector_without_evidence_records_none() -> None:
    conversation = Scripted(None)

    outcome = await converse(conversation, _script("bye"), deadline_seconds=5,
                             keep_going=_keep_going)

    assert (outcome.status, outcome.artifacts, outcome.evidence_note) == ("FAILED", [], "")
