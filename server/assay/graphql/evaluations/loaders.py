"""Batch loaders for evaluations and their case results."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from assay.evaluations.case_pages import case_pages as pages_of
from assay.evaluations.models import Evaluation, EvaluationCaseResult
from assay.graphql.loaders import by_id
from assay.runs.models import RunCase


async def evaluations_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Evaluation.filter(id__in=keys), keys)


async def run_cases_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await RunCase.filter(id__in=keys), keys)


@dataclass(frozen=True)
class CasePageKey:
    evaluation_id: uuid.UUID
    #: None: every case; True / False: only cases that passed / did not.
    passed: bool | None
    #: Rows wanted: the page size plus one (which says whether more follow).
    limit: int
    #: The run case of the last row of the previous page.
    after: uuid.UUID | None


async def case_pages(keys: list[CasePageKey]) -> list[list[EvaluationCaseResult]]:
    """Each evaluation's page of case results: one query per (filter, size, cursor) for all
    the evaluations that ask for it."""
    groups: dict[tuple[bool | None, int, uuid.UUID | None], list[uuid.UUID]] = defaultdict(list)
    for key in dict.fromkeys(keys):
        groups[(key.passed, key.limit, key.after)].append(key.evaluation_id)
    pages: dict[CasePageKey, list[EvaluationCaseResult]] = {}
    for (passed, limit, after), evaluation_ids in groups.items():
        found = await pages_of(evaluation_ids, passed=passed, limit=limit, after=after)
        for evaluation_id in evaluation_ids:
            pages[CasePageKey(evaluation_id, passed, limit, after)] = found.get(
                evaluation_id, [])
    return [pages[key] for key in keys]
