"""Import and export of test cases as JSON, YAML or CSV documents.

An import is all or nothing and idempotent: its key and a hash of the request are stored,
so the same request again answers the same cases without writing, and the same key with
another request is refused.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.errors import Conflict, Issue, ValidationFailed, invalid
from assay.projects.service import get_project
from assay.testing import case_io
from assay.testing.cases import INPUT, LIVE_STATUSES, case_draft, write_new_case
from assay.testing.models import CaseImport, CaseStatus, Suite, SuiteTestCase, TestCase
from assay.testing.suites import get_suite, link_cases
from assay.testing.validation import CaseDraft

CONTENT = (*INPUT, "content")


@dataclass(frozen=True)
class ImportOutcome:
    cases: list[TestCase]
    suite: Suite | None
    #: True when this answers an earlier import with the same key (nothing was written).
    replayed: bool


def _within(path: tuple[str, ...], failed: ValidationFailed) -> ValidationFailed:
    """The same issues, located under ``path``."""
    return ValidationFailed([Issue((*path, *i.path), i.message, i.code) for i in failed.issues])


def _check_format(fmt: str) -> str:
    try:
        return case_io.format_of(fmt)
    except ValidationFailed as failed:
        raise _within(INPUT, failed) from None


def _check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > 200:
        raise invalid((*INPUT, "idempotencyKey"), "give an idempotency key of 1 to 200 "
                      "characters, e.g. a UUID generated once per document", "REQUIRED")
    return key


def request_hash(fmt: str, content: str, suite_id: uuid.UUID | None) -> str:
    body = json.dumps([fmt, str(suite_id or ""), content], ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


async def _target_suite(project_id: uuid.UUID, suite_id: uuid.UUID | None) -> Suite | None:
    if suite_id is None:
        return None
    suite = await get_suite(suite_id)
    if suite.project_id != project_id:
        raise invalid((*INPUT, "suiteId"), "this suite is in another project: import into a "
                      "suite of the same project", "WRONG_PROJECT")
    return suite


def parse(content: str, fmt: str) -> list[CaseDraft]:
    """The document's cases (at least one); errors carry input.content.line.<n>... paths."""
    try:
        return case_io.parse_cases(content, fmt)
    except ValidationFailed as failed:
        raise _within(CONTENT, failed) from None


async def import_cases(
    *, project_id: uuid.UUID, fmt: str, content: str, idempotency_key: str,
    suite_id: uuid.UUID | None = None,
) -> ImportOutcome:
    """Create every case of the document (and add them to ``suite_id``), or none."""
    project = await get_project(project_id)
    fmt, key = _check_format(fmt), _check_key(idempotency_key)
    suite = await _target_suite(project.id, suite_id)
    digest = request_hash(fmt, content, suite_id)
    async with in_transaction() as conn:  # a savepoint: nothing is half-written
        await conn.execute_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                                 [f"case-import:{project.id}:{key}"])
        earlier = await CaseImport.get_or_none(project_id=project.id, idempotency_key=key)
        if earlier is not None:
            return await _replay(earlier, digest, suite)
        drafts = parse(content, fmt)
        cases = [await write_new_case(project.id, draft) for draft in drafts]
        if suite is not None:
            await link_cases(suite, cases)
        await CaseImport.create(project_id=project.id, idempotency_key=key, format=fmt,
                                content_hash=digest, test_case_ids=[str(c.id) for c in cases])
        await audit.record("testcase.import", target_type="Project", target_id=project.id,
                           details={"count": len(cases), "format": fmt, "idempotencyKey": key,
                                    "suiteId": str(suite.id) if suite else None})
    return ImportOutcome(cases, suite, replayed=False)


async def _replay(earlier: CaseImport, digest: str, suite: Suite | None) -> ImportOutcome:
    if earlier.content_hash != digest:
        raise Conflict(
            f"this idempotency key was already used on {earlier.created_at:%Y-%m-%d %H:%M} UTC "
            "for another document (or format or suite): use a new key for a new import",
            "IDEMPOTENCY_KEY_REUSED",
        )
    ids = [uuid.UUID(pk) for pk in earlier.test_case_ids]
    rows = {case.id: case for case in await TestCase.filter(id__in=ids)}
    return ImportOutcome([rows[pk] for pk in ids if pk in rows], suite, replayed=True)


@dataclass(frozen=True)
class Export:
    format: str
    count: int
    content: str


async def export_cases(
    *, project_id: uuid.UUID, fmt: str, suite_id: uuid.UUID | None = None,
    statuses: Sequence[CaseStatus] = LIVE_STATUSES,
) -> Export:
    """The project's cases (of one suite, when given) with those statuses, oldest first."""
    project = await get_project(project_id)
    fmt = _check_format(fmt)
    queryset = TestCase.filter(project_id=project.id, status__in=list(statuses))
    suite = await _target_suite(project.id, suite_id)
    if suite is not None:
        linked = SuiteTestCase.filter(suite_id=suite.id).values("test_case_id")
        queryset = queryset.filter(id__in=Subquery(linked))
    cases = await queryset.order_by("created_at", "id")
    drafts = [case_draft(case) for case in cases]
    return Export(format=fmt, count=len(drafts), content=case_io.export_cases(drafts, fmt))
