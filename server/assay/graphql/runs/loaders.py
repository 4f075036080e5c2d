"""Batch loaders for runs, their cases and results."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from assay.graphql.loaders import by_id, grouped
from assay.runs.models import ArtifactKind, Run, RunCase, RunCaseArtifact, RunCaseResult

#: What an artifact's listing reads: everything but its content.
ARTIFACT_FIELDS = ("id", "run_case_id", "kind", "media_type", "size", "sha256", "page_url",
                   "created_at")
KIND_ORDER = list(ArtifactKind)


async def runs_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Run.filter(id__in=keys), keys)


async def results_by_run_case(keys: list[uuid.UUID]) -> list[RunCaseResult | None]:
    rows = await RunCaseResult.filter(run_case_id__in=keys)
    index = {row.run_case_id: row for row in rows}
    return [index.get(key) for key in keys]


async def artifacts_by_run_case(keys: list[uuid.UUID]) -> list[list[dict[str, Any]]]:
    """Each run case's artifacts, the screenshot first, without their content."""
    rows = await RunCaseArtifact.filter(run_case_id__in=keys).values(*ARTIFACT_FIELDS)
    rows.sort(key=lambda row: KIND_ORDER.index(row["kind"]))
    groups: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["run_case_id"]].append(row)
    return [groups.get(key, []) for key in keys]


async def artifact_contents(keys: list[uuid.UUID]) -> list[dict[str, Any] | None]:
    """The content (bytes or text) of artifacts by id, read only when a client asks for it."""
    rows = await RunCaseArtifact.filter(id__in=keys).values("id", "content", "text")
    index = {row["id"]: row for row in rows}
    return [index.get(key) for key in keys]


@dataclass(frozen=True)
class CasePageKey:
    run_id: uuid.UUID
    #: Rows wanted: the page size plus one (which says whether more follow).
    limit: int
    after: uuid.UUID | None


async def _first_pages(run_ids: list[uuid.UUID], limit: int) -> list[RunCase]:
    """The first ``limit`` cases of every run in one query (positions count from 0)."""
    return await RunCase.filter(run_id__in=run_ids, position__lt=limit).order_by("position")


async def _later_page(run_id: uuid.UUID, limit: int, after: uuid.UUID) -> list[RunCase]:
    # Ids are time-ordered and a run's cases are written in position order.
    return await RunCase.filter(run_id=run_id, id__gt=after).order_by("id").limit(limit)


async def case_pages(keys: list[CasePageKey]) -> list[list[RunCase]]:
    """Each run's page of cases: one query for all first pages of a size, one per later page."""
    pages: dict[CasePageKey, list[RunCase]] = {}
    firsts: dict[int, list[uuid.UUID]] = defaultdict(list)
    for key in dict.fromkeys(keys):
        if key.after is None:
            firsts[key.limit].append(key.run_id)
        else:
            pages[key] = await _later_page(key.run_id, key.limit, key.after)
    for limit, run_ids in firsts.items():
        rows = await _first_pages(run_ids, limit)
        for run_id, page in zip(run_ids, grouped(rows, run_ids, "run_id"), strict=True):
            pages[CasePageKey(run_id, limit, None)] = page
    return [pages[key] for key in keys]
