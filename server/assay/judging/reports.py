"""Reading calibration reports (global: every organization may read every report)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from assay.judging.models import CalibrationReport

#: What picking the latest report per model reads (not the per-case deviations).
_SUMMARY = ("id", "evaluator", "evaluator_version", "judge", "model", "created_at")


def list_reports(*, evaluator: str | None = None, version: str | None = None,
                 judge: str | None = None, model: str | None = None
                 ) -> QuerySet[CalibrationReport]:
    queryset = CalibrationReport.all()
    for column, value in (("evaluator", evaluator), ("evaluator_version", version),
                          ("judge", judge), ("model", model)):
        if value is not None:
            queryset = queryset.filter(**{column: value.strip()})
    return queryset


async def latest_per_model(versions: Sequence[tuple[str, str]]
                           ) -> list[list[CalibrationReport]]:
    """For each (evaluator, version): its latest report per (judge, model), ordered by judge
    and model. Two queries whatever the number of evaluators or reports."""
    wanted = set(versions)
    if not wanted:
        return [[] for _ in versions]
    rows = await CalibrationReport.filter(
        evaluator__in=sorted({slug for slug, _ in wanted})
    ).order_by("-created_at", "-id").values(*_SUMMARY)
    latest: dict[tuple[str, str, str, str], uuid.UUID] = {}
    for row in rows:
        key = (row["evaluator"], row["evaluator_version"], row["judge"], row["model"])
        if (key[0], key[1]) in wanted:
            latest.setdefault(key, row["id"])
    full = {r.id: r for r in await CalibrationReport.filter(id__in=list(latest.values()))}
    grouped: dict[tuple[str, str], list[CalibrationReport]] = {}
    for key in sorted(latest):
        grouped.setdefault((key[0], key[1]), []).append(full[latest[key]])
    return [grouped.get(version, []) for version in versions]
