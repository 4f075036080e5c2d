"""Runs, their cases (copied at start) and the cases' results (written once)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from assay.tenancy.models import ProjectScopedModel
from assay.testing.models import CaseContent


class RunStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


#: A run in one of these states never changes again (the database refuses it).
FINAL_RUN_STATUSES = (RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED)


class CaseResultStatus(StrEnum):
    PASSED = "PASSED"
    FAILED = "FAILED"
    ERROR = "ERROR"
    TIMEOUT = "TIMEOUT"
    CANCELLED = "CANCELLED"


class Run(ProjectScopedModel):
    """One execution of a plan against a connection; its snapshot never holds a credential."""

    plan: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Plan", related_name=False, on_delete=fields.RESTRICT, db_index=True
    )
    plan_id: Any
    connection: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.AgentConnection", related_name=False, on_delete=fields.RESTRICT
    )
    connection_id: Any
    status = fields.CharEnumField(RunStatus, max_length=16, default=RunStatus.QUEUED)
    #: The client's key: starting again with the same key returns this run.
    idempotency_key = fields.CharField(max_length=200, null=True)
    #: Plan name, suites with their case ids, the connection's name/kind/config/concurrency.
    snapshot: Any = fields.JSONField(default=dict)
    total = fields.IntField(default=0)
    passed = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    errored = fields.IntField(default=0)
    timed_out = fields.IntField(default=0)
    cancelled = fields.IntField(default=0)
    #: Who started it, as "type:id" (user, api_key).
    started_by = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "runs"
        unique_together = (("project", "idempotency_key"),)


class RunCase(ProjectScopedModel, CaseContent):
    """One case of a run: the exact content of the case version, copied at start."""

    run: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Run", related_name=False, on_delete=fields.RESTRICT
    )
    run_id: Any
    test_case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.TestCase", related_name=False, on_delete=fields.RESTRICT
    )
    test_case_id: Any
    version = fields.IntField()
    #: Its place in the run (plan order: suites in order, cases in suite order).
    position = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "run_cases"
        unique_together = (("run", "test_case"),)


class RunCaseResult(ProjectScopedModel):
    """What happened when a run case ran: written exactly once, with a content hash."""

    #: Indexed: a run's results are read by run (pages, progress, reports).
    run: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Run", related_name=False, on_delete=fields.RESTRICT, db_index=True
    )
    run_id: Any
    run_case: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "models.RunCase", related_name=False, on_delete=fields.RESTRICT
    )
    run_case_id: Any
    status = fields.CharEnumField(CaseResultStatus, max_length=16)
    #: Each message sent and the reply: latency, start time, attempts, per-turn asserts.
    turns: Any = fields.JSONField(default=list)
    #: One entry per assert of the case: passed, reason, and the turn it was judged on.
    asserts: Any = fields.JSONField(default=list)
    error_code = fields.CharField(max_length=40, default="")
    error_message = fields.TextField(default="")
    #: How many job attempts it took to record this result.
    attempts = fields.IntField(default=1)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField()
    duration_ms = fields.FloatField(default=0)
    #: Personal data found in the agent's answers, values masked: type, turn, start, end,
    #: score, masked (see assay.pii).
    pii_findings: Any = fields.JSONField(default=list)
    #: Why the evidence of a failed case is missing or was cut (empty when nothing is).
    evidence_note = fields.TextField(default="")
    #: SHA-256 of the canonical JSON of what was recorded, artifact digests included.
    content_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "run_case_results"


class ArtifactKind(StrEnum):
    SCREENSHOT = "SCREENSHOT"
    CONSOLE_LOG = "CONSOLE_LOG"


class RunCaseArtifact(ProjectScopedModel):
    """Evidence of a case that failed, errored or timed out (a screenshot of the page, the
    browser console log), written with its result in one transaction and never changed."""

    run: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Run", related_name=False, on_delete=fields.RESTRICT
    )
    run_id: Any
    run_case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.RunCase", related_name=False, on_delete=fields.RESTRICT
    )
    run_case_id: Any
    kind = fields.CharEnumField(ArtifactKind, max_length=16)
    media_type = fields.CharField(max_length=100)
    #: The bytes of a binary artifact (a PNG); null for text.
    content: Any = fields.BinaryField(null=True)
    #: The text of a text artifact (the console log); null for binary ones.
    text: Any = fields.TextField(null=True)
    #: Bytes stored (text counted as UTF-8).
    size = fields.IntField()
    #: SHA-256 of those bytes, hex.
    sha256 = fields.CharField(max_length=64)
    #: The page's address when the evidence was taken (credentials redacted).
    page_url = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "run_case_artifacts"
        unique_together = (("run_case", "kind"),)
