"""Pages of a run's case results in run order, with opaque cursors bound to the run.

Only cases that have a result are listed, so a running run's pages grow. A cursor names the
last position read; read a running run's later results again from the start, or after it
has finished (a case that finishes late may sit before a position already read).
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass

from starlette.datastructures import QueryParams
from tortoise.expressions import Subquery

from assay.rest.errors import invalid_input
from assay.runs.models import RunCase, RunCaseResult

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


@dataclass(frozen=True)
class PageRequest:
    limit: int
    #: Read positions after this one; -1 = from the start.
    after: int


def cursor(run_id: uuid.UUID, position: int) -> str:
    return base64.urlsafe_b64encode(f"{run_id}:{position}".encode()).decode().rstrip("=")


def _position(run_id: uuid.UUID, raw: str) -> int:
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        run, _, position = text.partition(":")
        if uuid.UUID(run) == run_id and position.isdigit():
            return int(position)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise invalid_input("after", "not a cursor of this run: pass next_cursor of the previous "
                        "page, or leave after out to start from the first result")


def page_request(run_id: uuid.UUID, query: QueryParams) -> PageRequest:
    raw_limit = query.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None:
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
            raise invalid_input("limit", f"give a whole number from 1 to {MAX_LIMIT}")
        limit = int(raw_limit)
    after = query.get("after")
    return PageRequest(limit, _position(run_id, after) if after else -1)


@dataclass(frozen=True)
class Page:
    rows: list[tuple[RunCase, RunCaseResult]]
    next_cursor: str | None


async def results_page(run_id: uuid.UUID, page: PageRequest) -> Page:
    """Two queries whatever the page size: the cases with a result, then their results."""
    recorded = RunCaseResult.filter(run_id=run_id).values("run_case_id")
    cases = await RunCase.filter(run_id=run_id, position__gt=page.after,
                                 id__in=Subquery(recorded)
                                 ).order_by("position").limit(page.limit + 1)
    shown = cases[: page.limit]
    results = {row.run_case_id: row for row in
               await RunCaseResult.filter(run_case_id__in=[case.id for case in shown])}
    more = len(cases) > page.limit
    return Page(rows=[(case, results[case.id]) for case in shown],
                next_cursor=cursor(run_id, shown[-1].position) if more else None)
