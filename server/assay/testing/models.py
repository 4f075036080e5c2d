"""Test design: test cases (versioned), suites, plans, and import records."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from assay.tenancy.models import ProjectScopedModel


class CaseMode(StrEnum):
    SIMPLE = "SIMPLE"
    CONVERSATIONAL = "CONVERSATIONAL"


class Difficulty(StrEnum):
    EASY = "EASY"
    MEDIUM = "MEDIUM"
    HARD = "HARD"
    EDGE_CASE = "EDGE_CASE"


class CaseStatus(StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"


class PlanStatus(StrEnum):
    DRAFT = "DRAFT"
    READY = "READY"
    ARCHIVED = "ARCHIVED"


class CaseContent:
    """What a version of a test case says; shared by the case and its version snapshots."""

    mode = fields.CharEnumField(CaseMode, max_length=16)
    title = fields.CharField(max_length=300)
    #: The question (SIMPLE); empty for CONVERSATIONAL cases.
    input = fields.TextField(default="")
    #: The scripted user turns, in order (CONVERSATIONAL); empty for SIMPLE cases.
    turns: Any = fields.JSONField(default=list)
    #: The expected answer (SIMPLE) or the expected behaviour (CONVERSATIONAL).
    expected_output = fields.TextField(default="")
    #: Optional grounding context (documents the agent should rely on).
    context = fields.TextField(default="")
    tags: Any = fields.JSONField(default=list)
    category = fields.CharField(max_length=100, default="")
    difficulty = fields.CharEnumField(Difficulty, max_length=16, default=Difficulty.MEDIUM)
    language = fields.CharField(max_length=16, default="en")
    #: Deterministic asserts, as validated dicts (see assay.testing.asserts).
    asserts: Any = fields.JSONField(default=list)


class TestCase(ProjectScopedModel, CaseContent):
    """The current state of a test case; every edit also writes a TestCaseVersion."""

    status = fields.CharEnumField(CaseStatus, max_length=16, default=CaseStatus.ACTIVE)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "test_cases"


class TestCaseVersion(ProjectScopedModel, CaseContent):
    """An immutable snapshot of one version of a test case (the database refuses changes)."""

    test_case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.TestCase", related_name=False, on_delete=fields.RESTRICT
    )
    test_case_id: Any
    version = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    created_by = fields.CharField(max_length=100, default="")

    class Meta:
        table = "test_case_versions"
        unique_together = (("test_case", "version"),)


class Suite(ProjectScopedModel):
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    tags: Any = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "suites"
        unique_together = (("project", "name"),)


class SuiteTestCase(ProjectScopedModel):
    """A test case in a suite (a case can be in many suites)."""

    suite: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Suite", related_name=False, on_delete=fields.CASCADE
    )
    suite_id: Any
    test_case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.TestCase", related_name=False, on_delete=fields.CASCADE
    )
    test_case_id: Any
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "suite_test_cases"
        unique_together = (("suite", "test_case"),)


class Plan(ProjectScopedModel):
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    status = fields.CharEnumField(PlanStatus, max_length=16, default=PlanStatus.DRAFT)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "plans"
        unique_together = (("project", "name"),)


class PlanSuite(ProjectScopedModel):
    """A suite in a plan, in order."""

    plan: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Plan", related_name=False, on_delete=fields.CASCADE
    )
    plan_id: Any
    suite: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Suite", related_name=False, on_delete=fields.RESTRICT
    )
    suite_id: Any
    position = fields.IntField()

    class Meta:
        table = "plan_suites"
        unique_together = (("plan", "suite"),)


class CaseImport(ProjectScopedModel):
    """One completed import, keyed by the client's idempotency key."""

    idempotency_key = fields.CharField(max_length=200)
    format = fields.CharField(max_length=8)
    #: SHA-256 of the imported document: a reused key with another document is refused.
    content_hash = fields.CharField(max_length=64)
    test_case_ids: Any = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "case_imports"
        unique_together = (("project", "idempotency_key"),)
