"""Inputs shared by the test design mutations, and their conversion for the services."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from assay.errors import Issue, ValidationFailed
from assay.graphql.relay import expect_id
from assay.graphql.testing.types import TestCaseDifficulty, TestCaseMode, TestCaseStatus
from assay.testing.cases import CONTENT_FIELDS

#: Input fields that carry case content (and status), python name -> camelCase name.
CASE_FIELDS = {**CONTENT_FIELDS, "status": "status"}


@strawberry.input(description="Test case content; fields left out keep their value or default.")
class TestCaseFields:
    title: str | None = strawberry.UNSET
    mode: TestCaseMode | None = strawberry.UNSET  # type: ignore[valid-type]
    input: str | None = strawberry.field(
        default=strawberry.UNSET, description="The question (SIMPLE cases)."
    )
    turns: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The scripted user turns (CONVERSATIONAL cases)."
    )
    expected_output: str | None = strawberry.UNSET
    context: str | None = strawberry.UNSET
    tags: list[str] | None = strawberry.UNSET
    category: str | None = strawberry.UNSET
    difficulty: TestCaseDifficulty | None = strawberry.UNSET  # type: ignore[valid-type]
    language: str | None = strawberry.UNSET
    status: TestCaseStatus | None = strawberry.UNSET  # type: ignore[valid-type]
    asserts: JSON | None = strawberry.field(
        default=strawberry.UNSET,
        description="Deterministic asserts: a list of {type, ...} objects, checked on save.",
    )


def case_raw(fields: TestCaseFields) -> dict[str, Any]:
    """The given fields with camelCase keys, as validate_case reads them (UNSET left out)."""
    raw: dict[str, Any] = {}
    for name, key in CASE_FIELDS.items():
        value = getattr(fields, name)
        if value is not strawberry.UNSET:
            raw[key] = value.value if isinstance(value, Enum) else value
    return raw


def expect_ids(ids: Sequence[strawberry.ID], type_name: str, path: str) -> list[uuid.UUID]:
    """The primary keys of global ids of ``type_name``; one issue per id that is not one."""
    keys: list[uuid.UUID] = []
    issues: list[Issue] = []
    for i, global_id in enumerate(ids):
        try:
            keys.append(expect_id(global_id, type_name, f"{path}.{i}"))
        except ValidationFailed as failed:
            issues.extend(failed.issues)
    if issues:
        raise ValidationFailed(issues)
    return keys
