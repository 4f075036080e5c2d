"""Test cases: create, edit (each change is a new immutable version), archive, list."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from assay.audit import service as audit
from assay.audit.context import current_actor
from assay.errors import Conflict, Issue, NotFound, ValidationFailed
from assay.projects.service import get_project
from assay.testing.models import CaseMode, CaseStatus, Difficulty, TestCase, TestCaseVersion
from assay.testing.validation import CaseDraft, validate_case

INPUT = ("input",)
#: Statuses listed when the caller names none: everything that is not archived.
LIVE_STATUSES = (CaseStatus.DRAFT, CaseStatus.ACTIVE)
#: The content columns of a case, with the camelCase names used by input and documents.
CONTENT_FIELDS = {
    "title": "title",
    "mode": "mode",
    "input": "input",
    "turns": "turns",
    "expected_output": "expectedOutput",
    "context": "context",
    "tags": "tags",
    "category": "category",
    "difficulty": "difficulty",
    "language": "language",
    "asserts": "asserts",
}

#: The most ids one list argument may hold.
MAX_IDS = 1000

M = TypeVar("M", bound=Model)


async def get_row(model: type[M], pk: uuid.UUID, *, lock: bool = False) -> M:
    """The visible ``model`` row ``pk`` (locked for update when ``lock``), or NotFound."""
    queryset = model.filter(id=pk)
    row = await (queryset.select_for_update() if lock else queryset).first()
    if row is None:
        raise NotFound(model.__name__, pk)
    return row


async def get_case(case_id: uuid.UUID, *, lock: bool = False) -> TestCase:
    """A visible test case (locked for update when ``lock``), or NotFound."""
    return await get_row(TestCase, case_id, lock=lock)


async def resolve_all(model: type[M], ids: Sequence[uuid.UUID], path: tuple[str, ...]
                      ) -> list[M]:
    """The visible rows for ``ids`` (duplicates dropped, order kept), or NotFound naming a miss."""
    if not ids:
        raise ValidationFailed([Issue(path, "give at least one id", "REQUIRED")])
    if len(ids) > MAX_IDS:
        raise ValidationFailed([Issue(path, f"give at most {MAX_IDS} ids per call: split "
                                             "the list", "TOO_MANY")])
    rows = {row.pk: row for row in await model.filter(id__in=list(set(ids)))}
    missing = [i for i, pk in enumerate(ids) if pk not in rows]
    if missing:
        more = f", and {len(missing) - 1} more" if len(missing) > 1 else ""
        where = ".".join((*path, str(missing[0])))
        raise NotFound(f"{model.__name__} ({where}{more})", ids[missing[0]])
    return [rows[pk] for pk in dict.fromkeys(ids)]


def check_same_project(
    rows: Iterable[Any], ids: Sequence[uuid.UUID], project_id: uuid.UUID,
    path: tuple[str, ...], owner: str,
) -> None:
    """Refuse rows of another project than ``owner``'s, naming each by its list position."""
    foreign = {row.pk for row in rows if row.project_id != project_id}
    issues = [
        Issue((*path, str(i)), f"this is in another project than the {owner}: "
               f"use only objects of the {owner}'s project", "WRONG_PROJECT")
        for i, pk in enumerate(ids) if pk in foreign
    ]
    if issues:
        raise ValidationFailed(issues)


def case_raw(case: TestCase) -> dict[str, Any]:
    """The case's content and status with the camelCase keys that validate_case reads."""
    raw = {name: getattr(case, column) for column, name in CONTENT_FIELDS.items()}
    raw["mode"] = str(case.mode)
    raw["difficulty"] = str(case.difficulty)
    raw["status"] = str(case.status)
    return raw


def case_draft(case: TestCase) -> CaseDraft:
    """The case's current content and status as a draft (for export)."""
    return CaseDraft(
        title=case.title, mode=CaseMode(case.mode), input=case.input, turns=tuple(case.turns),
        expected_output=case.expected_output, context=case.context, tags=tuple(case.tags),
        category=case.category, difficulty=Difficulty(case.difficulty), language=case.language,
        status=CaseStatus(case.status), asserts=tuple(case.asserts),
    )


def _author() -> str:
    actor = current_actor()
    return f"{actor.type}:{actor.id}"[:100]


async def _snapshot(case: TestCase) -> TestCaseVersion:
    content = {column: getattr(case, column) for column in CONTENT_FIELDS}
    return await TestCaseVersion.create(
        project_id=case.project_id, test_case_id=case.id, version=case.version,
        created_by=_author(), **content,
    )


async def write_new_case(project_id: uuid.UUID, draft: CaseDraft) -> TestCase:
    """Insert a case and its version 1 (no audit: the caller records one event)."""
    case = await TestCase.create(
        project_id=project_id, status=draft.status, version=1, **draft.model_fields()
    )
    await _snapshot(case)
    return case


async def create_case(*, project_id: uuid.UUID, raw: Mapping[str, Any]) -> TestCase:
    """Validate ``raw`` (camelCase content) and save it as version 1 of a new case."""
    project = await get_project(project_id)
    draft = validate_case(raw, path=INPUT)
    case = await write_new_case(project.id, draft)
    await audit.record("testcase.create", target_type="TestCase", target_id=case.id,
                       details={"title": case.title, "version": 1})
    return case


@dataclass(frozen=True)
class CaseUpdate:
    case: TestCase
    #: Whether anything changed (a new version, or a new status).
    changed: bool


async def update_case(
    *, case_id: uuid.UUID, changes: Mapping[str, Any], expected_version: int | None = None
) -> CaseUpdate:
    """Replace the given fields; a content change writes version n+1, nothing else changes.

    An archived case takes no edit but one: its status alone back to DRAFT or ACTIVE.
    """
    case = await get_case(case_id, lock=True)
    _check_version(case, expected_version)
    raw = {**case_raw(case), **changes}
    archived = case.status == CaseStatus.ARCHIVED
    if archived and raw["status"] == CaseStatus.ARCHIVED:
        raise _archived()
    draft = validate_case(raw, path=INPUT)
    content = draft.model_fields()
    edited = sorted(CONTENT_FIELDS[k] for k, v in content.items() if getattr(case, k) != v)
    if archived and edited:
        raise _archived()
    if not edited and draft.status == case.status:
        return CaseUpdate(case, changed=False)
    await _apply(case, draft, content, bump=bool(edited))
    details = {"version": case.version, "fields": edited, "status": str(case.status)}
    await audit.record("testcase.update", target_type="TestCase", target_id=case.id,
                       details=details)
    return CaseUpdate(case, changed=True)


def _check_version(case: TestCase, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != case.version:
        raise Conflict(
            f"this test case is at version {case.version}, not {expected_version}: someone "
            "saved it after you loaded it; reload it, reapply your change and save again",
            "STALE_VERSION",
        )


def _archived() -> Conflict:
    return Conflict(
        "this test case is archived and cannot be edited: restore it first by setting only "
        "its status to DRAFT or ACTIVE, then edit it",
        "CASE_ARCHIVED",
    )


async def _apply(case: TestCase, draft: CaseDraft, content: dict[str, Any], *, bump: bool) -> None:
    for column, value in content.items():
        setattr(case, column, value)
    case.status = draft.status
    if bump:
        case.version += 1
    await case.save()
    if bump:
        await _snapshot(case)


async def archive_case(*, case_id: uuid.UUID) -> CaseUpdate:
    """Set the case ARCHIVED (it leaves listings and plans' counts; its versions stay)."""
    case = await get_case(case_id, lock=True)
    if case.status == CaseStatus.ARCHIVED:
        return CaseUpdate(case, changed=False)
    case.status = CaseStatus.ARCHIVED
    await case.save()
    await audit.record("testcase.archive", target_type="TestCase", target_id=case.id,
                       details={"title": case.title})
    return CaseUpdate(case, changed=True)


@dataclass(frozen=True)
class CaseFilter:
    """What testCases lists: every criterion given must hold (tags: any of them)."""

    project_id: uuid.UUID | None = None
    statuses: Sequence[CaseStatus] = LIVE_STATUSES
    tags: Sequence[str] = ()
    search: str = ""
    mode: CaseMode | None = None
    difficulty: Difficulty | None = None


async def list_cases(criteria: CaseFilter) -> QuerySet[TestCase]:
    """The visible cases matching ``criteria`` (NotFound for an unreachable project)."""
    queryset = TestCase.filter(status__in=list(criteria.statuses))
    if criteria.project_id is not None:
        queryset = queryset.filter(project_id=(await get_project(criteria.project_id)).id)
    if criteria.tags:
        any_tag = [Q(tags__contains=[tag]) for tag in criteria.tags]
        queryset = queryset.filter(Q(*any_tag, join_type="OR"))
    if criteria.search.strip():
        queryset = queryset.filter(title__icontains=criteria.search.strip())
    if criteria.mode is not None:
        queryset = queryset.filter(mode=criteria.mode)
    if criteria.difficulty is not None:
        queryset = queryset.filter(difficulty=criteria.difficulty)
    return queryset
