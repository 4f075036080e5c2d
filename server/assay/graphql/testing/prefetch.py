"""Load what a page of test cases is asked for, for the whole page at once."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from assay.graphql.lookahead import node_fields
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.testing import loaders
from assay.graphql.testing.types import TestCaseType, suites_by_name


async def prefetch_cases(info: strawberry.Info, cases: Sequence[TestCaseType]) -> None:
    """Give each case its project and suites, if the query selects them (two batches each)."""
    wanted = node_fields(info)
    batch = info.context.loaders
    if "project" in wanted:
        rows = await batch.get(projects_by_id).load_many(list({c.project_pk for c in cases}))
        projects = {row.id: ProjectType.from_model(row) for row in rows if row is not None}
        for case in cases:
            case.prefetched_project = projects.get(case.project_pk)
    if "suites" in wanted:
        per_case = await batch.get(loaders.suite_ids_by_case).load_many([c.pk for c in cases])
        suite_ids = list({suite_id for ids in per_case for suite_id in ids})
        rows = await batch.get(loaders.suites_by_id).load_many(suite_ids)
        found = dict(zip(suite_ids, rows, strict=True))
        for case, ids in zip(cases, per_case, strict=True):
            case.prefetched_suites = suites_by_name(found[i] for i in ids)
