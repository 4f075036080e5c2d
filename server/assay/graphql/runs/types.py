"""The Run type, its cases and their results."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.connections.models import ConnectionKind
from assay.graphql.connections.types import ConnectionKindEnum
from assay.graphql.node import register_node
from assay.graphql.permissions import guarded_field
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import Connection, Node, PageRequest, connection_from_rows, encode_id
from assay.graphql.runs import loaders
from assay.graphql.testing.loaders import plans_by_id
from assay.graphql.testing.types import PlanType, TestCaseMode, described
from assay.runs.models import (
    ArtifactKind,
    CaseResultStatus,
    Run,
    RunCase,
    RunCaseResult,
    RunStatus,
)

RunStatusEnum = strawberry.enum(RunStatus, name="RunStatus",
                                description="QUEUED → RUNNING → COMPLETED, FAILED (no case "
                                "got an answer) or CANCELLED.")
RunCaseStatusEnum = strawberry.enum(CaseResultStatus, name="RunCaseStatus")
RunCaseArtifactKindEnum = strawberry.enum(
    ArtifactKind, name="RunCaseArtifactKind",
    description="SCREENSHOT: a PNG of the page; CONSOLE_LOG: the browser console log.")


@strawberry.type(description="The verdict of one assert of the case.")
class AssertResult:
    index: int = strawberry.field(description="The assert's position in the case's asserts.")
    type: str
    passed: bool
    reason: str
    turn: int | None = strawberry.field(
        description="The turn (from 0) it was judged on, or failed on; null when it held on "
        "every turn.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> AssertResult:
        return cls(index=value["index"], type=str(value["type"]), passed=value["passed"],
                   reason=value["reason"], turn=value.get("turn"))


@strawberry.type(description="One message sent to the agent and its reply.")
class RunTurn:
    index: int
    message: str
    reply: str
    latency_ms: float
    started_at: datetime
    attempts: int = strawberry.field(description="Sends it took (the connector's retries).")
    asserts: list[AssertResult] = strawberry.field(
        description="The asserts judged on this turn.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> RunTurn:
        return cls(index=value["index"], message=value["message"], reply=value["reply"],
                   latency_ms=value["latency_ms"],
                   started_at=datetime.fromisoformat(value["started_at"]),
                   attempts=value["attempts"],
                   asserts=[AssertResult.from_json(a) for a in value.get("asserts", [])])


@strawberry.type(name="PiiFinding", description="Personal data found in one of the agent's "
                 "replies. The value itself is never stored: only its masked form.")
class PiiFindingType:
    type: str = strawberry.field(description="The entity type: EMAIL, PHONE, CREDIT_CARD, "
                                 "IBAN, US_SSN, ES_DNI, ES_NIE, AR_DNI, AR_CUIT, BR_CPF, BR_CNPJ, "
                                 "CL_RUT, MX_CURP, MX_RFC, UK_NINO, PASSPORT, ...")
    turn: int = strawberry.field(description="The turn (from 0) whose reply holds it.")
    start: int = strawberry.field(description="Its first character in the reply (from 0).")
    end: int = strawberry.field(description="Just past its last character (exclusive).")
    score: float = strawberry.field(description="Confidence in [0, 1]: a valid checksum with "
                                    "a context word nearby scores highest.")
    masked: str = strawberry.field(description="The value with all but its last two letters "
                                   "or digits replaced by •, e.g. •••@•••••••.•om.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> PiiFindingType:
        return cls(type=str(value["type"]), turn=int(value["turn"]), start=int(value["start"]),
                   end=int(value["end"]), score=float(value["score"]),
                   masked=str(value["masked"]))


@strawberry.type(description="Why a case has no verdict: the agent failed, or the run stopped.")
class RunCaseError:
    code: str = strawberry.field(description="TIMEOUT, HTTP_STATUS, CONNECTION_FAILED, "
                                 "SSRF_REFUSED, BAD_RESPONSE, CREDENTIALS_UNREADABLE, "
                                 "JOB_FAILED, CANCELLED, ...")
    message: str


@strawberry.type(name="RunCaseArtifact", description="Evidence of a case that failed, errored "
                 "or timed out, as the browser connector saw it. Written with the result; "
                 "the result's contentHash covers its sha256.")
class RunCaseArtifactType:
    kind: RunCaseArtifactKindEnum  # type: ignore[valid-type]
    media_type: str
    size: int = strawberry.field(description="Bytes stored (text counted as UTF-8).")
    sha256: str = strawberry.field(description="SHA-256 of those bytes, hex.")
    page_url: str = strawberry.field(description="The page's address when it was taken.")
    created_at: datetime
    pk: strawberry.Private[uuid.UUID]

    @described("The console log (one line per entry, credentials as [secret]); null for a "
               "screenshot.")
    async def text(self, info: strawberry.Info) -> str | None:
        if self.kind != ArtifactKind.CONSOLE_LOG:
            return None
        row = await info.context.loaders.load(loaders.artifact_contents, self.pk)
        return None if row is None else str(row["text"])

    @described("The screenshot as a data: URL (base64), usable as an image source; null for "
               "a console log.")
    async def data_url(self, info: strawberry.Info) -> str | None:
        if self.kind != ArtifactKind.SCREENSHOT:
            return None
        row = await info.context.loaders.load(loaders.artifact_contents, self.pk)
        if row is None or row["content"] is None:
            return None
        return f"data:{self.media_type};base64,{base64.b64encode(row['content']).decode()}"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> RunCaseArtifactType:
        return cls(kind=ArtifactKind(row["kind"]), media_type=row["media_type"],
                   size=row["size"], sha256=row["sha256"], page_url=row["page_url"],
                   created_at=row["created_at"], pk=row["id"])


@strawberry.type(name="RunCaseResult", description="What happened when the case ran. Written "
                 "once; contentHash is the SHA-256 of its canonical JSON.")
class RunCaseResultType:
    status: RunCaseStatusEnum  # type: ignore[valid-type]
    turns: list[RunTurn]
    asserts: list[AssertResult]
    error: RunCaseError | None
    attempts: int
    started_at: datetime | None
    finished_at: datetime
    duration_ms: float
    content_hash: str
    evidence_note: str | None = strawberry.field(
        description="Why the evidence of a failed case (screenshot, console log) is missing "
        "or was cut; null when nothing is.")
    pii_findings: list[PiiFindingType] = strawberry.field(
        description="Personal data in the agent's replies, masked, in order of turn and "
        "position; empty when none was found. Covered by contentHash.")
    run_case_pk: strawberry.Private[uuid.UUID]

    @guarded_field(Permission.RUN_READ,
                   description="The evidence of a failed, errored or timed-out case (browser "
                   "connections: a screenshot and the console log); empty otherwise.")
    async def artifacts(self, info: strawberry.Info) -> list[RunCaseArtifactType]:
        rows = await info.context.loaders.load(loaders.artifacts_by_run_case, self.run_case_pk)
        return [RunCaseArtifactType.from_row(row) for row in rows]

    @classmethod
    def from_model(cls, row: RunCaseResult) -> RunCaseResultType:
        error = RunCaseError(code=row.error_code, message=row.error_message) \
            if row.error_code else None
        return cls(status=row.status, turns=[RunTurn.from_json(t) for t in row.turns],
                   asserts=[AssertResult.from_json(a) for a in row.asserts], error=error,
                   attempts=row.attempts, started_at=row.started_at,
                   finished_at=row.finished_at, duration_ms=row.duration_ms,
                   content_hash=row.content_hash, evidence_note=row.evidence_note or None,
                   pii_findings=[PiiFindingType.from_json(f) for f in row.pii_findings or []],
                   run_case_pk=row.run_case_id)


@strawberry.type(name="RunCase", description="A case as the run froze it, and its result.")
class RunCaseType:
    position: int
    test_case_id: strawberry.ID
    version: int = strawberry.field(description="The version of the test case that ran.")
    title: str
    mode: TestCaseMode  # type: ignore[valid-type]
    input: str
    turns: list[str]
    expected_output: str
    asserts: JSON
    pk: strawberry.Private[uuid.UUID]

    @described("The result; null while the case has not run yet.")
    async def result(self, info: strawberry.Info) -> RunCaseResultType | None:
        row = await info.context.loaders.load(loaders.results_by_run_case, self.pk)
        return None if row is None else RunCaseResultType.from_model(row)

    @described("The result's status; null while pending.")
    async def status(self, info: strawberry.Info) -> RunCaseStatusEnum | None:  # type: ignore[valid-type]
        row = await info.context.loaders.load(loaders.results_by_run_case, self.pk)
        return None if row is None else row.status

    @classmethod
    def from_model(cls, row: RunCase) -> RunCaseType:
        return cls(position=row.position,
                   test_case_id=strawberry.ID(encode_id("TestCase", row.test_case_id)),
                   version=row.version, title=row.title, mode=row.mode, input=row.input,
                   turns=list(row.turns), expected_output=row.expected_output,
                   asserts=row.asserts, pk=row.id)


@strawberry.type(description="Cases per status; pending = not yet run.")
class RunCounts:
    total: int
    passed: int
    failed: int
    errored: int
    timed_out: int
    cancelled: int
    pending: int


@strawberry.type(description="A suite of the plan as the run froze it.")
class RunSuite:
    id: strawberry.ID
    name: str
    case_count: int


@strawberry.type(description="The connection as the run froze it (never its credentials).")
class RunConnectionSnapshot:
    id: strawberry.ID
    name: str
    kind: ConnectionKindEnum  # type: ignore[valid-type]
    concurrency: int
    config: JSON


def _counts(row: Run) -> RunCounts:
    done = row.passed + row.failed + row.errored + row.timed_out + row.cancelled
    return RunCounts(total=row.total, passed=row.passed, failed=row.failed,
                     errored=row.errored, timed_out=row.timed_out, cancelled=row.cancelled,
                     pending=row.total - done)


def _suites(snapshot: dict[str, Any]) -> list[RunSuite]:
    return [RunSuite(id=strawberry.ID(encode_id("Suite", uuid.UUID(s["id"]))), name=s["name"],
                     case_count=len(s["case_ids"])) for s in snapshot["suites"]]


def _connection(snapshot: dict[str, Any]) -> RunConnectionSnapshot:
    c = snapshot["connection"]
    gid = encode_id("AgentConnection", uuid.UUID(c["id"]))
    return RunConnectionSnapshot(id=strawberry.ID(gid), name=c["name"],
                                 kind=ConnectionKind(c["kind"]),
                                 concurrency=c["concurrency"], config=c["config"])


@strawberry.type(name="Run", description="One execution of a plan against an agent connection;"
                 " what it recorded never changes.")
class RunType(Node):
    status: RunStatusEnum  # type: ignore[valid-type]
    counts: RunCounts
    plan_id: strawberry.ID
    plan_name: str
    suites: list[RunSuite]
    connection: RunConnectionSnapshot
    idempotency_key: str | None
    started_by: str = strawberry.field(description="Who started it, as type:id.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    pk: strawberry.Private[uuid.UUID]
    project_pk: strawberry.Private[uuid.UUID]

    plan_pk: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def project(self, info: strawberry.Info) -> ProjectType:
        row = await info.context.loaders.load(projects_by_id, self.project_pk)
        return ProjectType.from_model(row)

    @described("The plan as it is now (planName and suites are as the run froze them).")
    async def plan(self, info: strawberry.Info) -> PlanType:
        row = await info.context.loaders.load(plans_by_id, self.plan_pk)
        return PlanType.from_model(row)

    @described("The run's cases in run order, each with its result.")
    async def cases(self, info: strawberry.Info, first: int | None = None,
                    after: str | None = None) -> Connection[RunCaseType]:
        page = PageRequest.of(first, after)
        key = loaders.CasePageKey(self.pk, page.size + 1, page.after)
        rows = await info.context.loaders.load(loaders.case_pages, key)
        total = self.counts.total

        async def count() -> int:
            return total

        return connection_from_rows(rows, RunCaseType.from_model, page, count)

    @classmethod
    def from_model(cls, row: Run) -> RunType:
        snapshot = row.snapshot
        return cls(id=strawberry.ID(encode_id("Run", row.id)), pk=row.id,
                   project_pk=row.project_id, plan_pk=row.plan_id, status=row.status,
                   counts=_counts(row),
                   plan_id=strawberry.ID(encode_id("Plan", row.plan_id)),
                   plan_name=snapshot["plan"]["name"], suites=_suites(snapshot),
                   connection=_connection(snapshot), idempotency_key=row.idempotency_key,
                   started_by=row.started_by, created_at=row.created_at,
                   started_at=row.started_at, finished_at=row.finished_at)


register_node("Run", permission=Permission.RUN_READ, load=loaders.runs_by_id,
              to_type=RunType.from_model)
