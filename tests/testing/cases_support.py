"""Helpers for the test design tests: case content, row counts and audit actions."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.models import Model

from assay.audit.models import AuditEvent
from assay.db.transactions import tenant_transaction
from assay.projects import service as projects
from assay.testing.models import (
    CaseImport,
    Plan,
    PlanSuite,
    Suite,
    SuiteTestCase,
    TestCase,
    TestCaseVersion,
)

TABLES: tuple[type[Model], ...] = (
    TestCase, TestCaseVersion, Suite, SuiteTestCase, Plan, PlanSuite, CaseImport, AuditEvent,
)


def simple_case(title: str = "Refund window", **extra: Any) -> dict[str, Any]:
    """A valid SIMPLE case in the camelCase shape that validate_case reads."""
    return {
        "title": title,
        "mode": "SIMPLE",
        "input": "How long do I have to ask for a refund?",
        "expectedOutput": "30 days from delivery.",
        "tags": ["billing"],
        "asserts": [{"type": "contains", "value": "30 days"}],
        **extra,
    }


def chat_case(title: str = "Angry customer", **extra: Any) -> dict[str, Any]:
    """A valid CONVERSATIONAL case."""
    return {
        "title": title,
        "mode": "CONVERSATIONAL",
        "turns": ["My order is late!", "I want my money back."],
        "expectedOutput": "Apologises, then explains how the refund works.",
        "tags": ["support", "tone"],
        "difficulty": "HARD",
        **extra,
    }


async def row_counts(org_id: uuid.UUID) -> dict[str, int]:
    """How many rows of each test design table (and audit events) the organization has."""
    async with tenant_transaction(org_id):
        return {model.__name__: await model.all().count() for model in TABLES}


async def audit_actions(org_id: uuid.UUID, after_seq: int = 0) -> list[str]:
    async with tenant_transaction(org_id):
        rows = await AuditEvent.filter(seq__gt=after_seq).order_by("seq")
        return [row.action for row in rows]


async def last_seq(org_id: uuid.UUID) -> int:
    async with tenant_transaction(org_id):
        last = await AuditEvent.all().order_by("-seq").first()
        return last.seq if last else 0


async def other_project(org_id: uuid.UUID, name: str = "Other") -> uuid.UUID:
    async with tenant_transaction(org_id):
        return (await projects.create_project(name=name)).id
