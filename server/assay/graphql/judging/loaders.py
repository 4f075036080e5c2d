"""Batch loaders for judge configurations (never their sealed keys), enablements and
calibration reports."""

from __future__ import annotations

import uuid
from typing import Any

from assay.graphql.loaders import by_id
from assay.judging import reports
from assay.judging.models import CalibrationReport, EvaluatorEnablement, JudgeConfiguration

#: The configuration columns the API reads: no ciphertext, nonce or key version.
PUBLIC_JUDGE_COLUMNS = ("id", "organization_id", "name", "provider", "model", "base_url",
                        "temperature", "samples", "is_default", "key_hint", "created_at",
                        "updated_at")


async def judges_by_id(keys: list[uuid.UUID]) -> list[Any]:
    rows = await JudgeConfiguration.filter(id__in=keys).only(*PUBLIC_JUDGE_COLUMNS)
    return by_id(rows, keys)


async def enablements_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await EvaluatorEnablement.filter(id__in=keys), keys)


async def enablements_by_evaluator(keys: list[str]) -> list[list[EvaluatorEnablement]]:
    """Each evaluator's enablements in the organization (every version), newest first."""
    rows = await EvaluatorEnablement.filter(evaluator__in=keys).order_by("-created_at", "-id")
    groups: dict[str, list[EvaluatorEnablement]] = {}
    for row in rows:
        groups.setdefault(row.evaluator, []).append(row)
    return [groups.get(key, []) for key in keys]


async def reports_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await CalibrationReport.filter(id__in=keys), keys)


async def latest_reports(keys: list[tuple[str, str]]) -> list[list[CalibrationReport]]:
    return await reports.latest_per_model(keys)
