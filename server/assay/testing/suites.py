"""Suites: named groups of test cases of one project (a case can be in many suites)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.errors import Conflict, Issue, ValidationFailed, invalid
from assay.projects.service import get_project
from assay.testing.cases import INPUT, check_same_project, get_row, resolve_all
from assay.testing.models import CaseStatus, Suite, SuiteTestCase, TestCase
from assay.testing.validation import MAX_TAG_CHARS, MAX_TAGS

CASE_IDS = (*INPUT, "testCaseIds")
MAX_DESCRIPTION = 10_000


def clean_name(value: str, kind: str) -> str:
    name = value.strip()
    if not name or len(name) > 200:
        raise invalid((*INPUT, "name"), f"give the {kind} a name of 1 to 200 characters")
    return name


def clean_description(value: str) -> str:
    description = value.strip()
    if len(description) > MAX_DESCRIPTION:
        raise invalid((*INPUT, "description"),
                      f"shorten the description to at most {MAX_DESCRIPTION} characters",
                      "TOO_LONG")
    return description


def clean_tags(values: Sequence[str]) -> list[str]:
    """Tags trimmed, duplicates dropped; each 1 to MAX_TAG_CHARS characters, at most MAX_TAGS."""
    path = (*INPUT, "tags")
    issues = [
        Issue((*path, str(i)), f"give a tag of 1 to {MAX_TAG_CHARS} characters, or remove it")
        for i, tag in enumerate(values) if not 0 < len(tag.strip()) <= MAX_TAG_CHARS
    ]
    if issues:
        raise ValidationFailed(issues)
    tags = list(dict.fromkeys(tag.strip() for tag in values))
    if len(tags) > MAX_TAGS:
        raise invalid(path, f"give at most {MAX_TAGS} tags", "TOO_MANY")
    return tags


async def get_suite(suite_id: uuid.UUID, *, lock: bool = False) -> Suite:
    return await get_row(Suite, suite_id, lock=lock)


async def create_suite(
    *, project_id: uuid.UUID, name: str, description: str = "", tags: Sequence[str] = ()
) -> Suite:
    project = await get_project(project_id)
    name = clean_name(name, "suite")
    description, cleaned_tags = clean_description(description), clean_tags(tags)
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            suite = await Suite.create(project_id=project.id, name=name,
                                       description=description, tags=cleaned_tags)
    except IntegrityError:
        raise Conflict(f"this project already has a suite named {name!r}: choose another name",
                       "DUPLICATE_NAME") from None
    await audit.record("suite.create", target_type="Suite", target_id=suite.id,
                       details={"name": name})
    return suite


@dataclass(frozen=True)
class SuiteChange:
    suite: Suite
    #: How many cases were added (or removed); 0 means nothing changed.
    count: int


async def add_cases(*, suite_id: uuid.UUID, case_ids: Sequence[uuid.UUID]) -> SuiteChange:
    """Add cases to a suite; cases already in it are skipped, archived ones refused."""
    suite = await get_suite(suite_id, lock=True)
    cases = await resolve_all(TestCase, case_ids, CASE_IDS)
    check_same_project(cases, case_ids, suite.project_id, CASE_IDS, "suite")
    _refuse_archived(cases, case_ids)
    present = set(await SuiteTestCase.filter(
        suite_id=suite.id, test_case_id__in=[c.id for c in cases]
    ).values_list("test_case_id", flat=True))
    new = [case for case in cases if case.id not in present]
    await link_cases(suite, new)
    if new:
        await audit.record("suite.add_cases", target_type="Suite", target_id=suite.id,
                           details={"added": len(new), "testCaseIds": [str(c.id) for c in new]})
    return SuiteChange(suite, len(new))


async def link_cases(suite: Suite, cases: Sequence[TestCase]) -> None:
    """Put cases that are not in ``suite`` yet into it (no audit: the caller records one)."""
    for case in cases:
        await SuiteTestCase.create(project_id=suite.project_id, suite_id=suite.id,
                                   test_case_id=case.id)


def _refuse_archived(cases: Sequence[TestCase], ids: Sequence[uuid.UUID]) -> None:
    archived = {case.id for case in cases if case.status == CaseStatus.ARCHIVED}
    issues = [
        Issue((*CASE_IDS, str(i)), "this test case is archived: restore it (status DRAFT or "
              "ACTIVE) before adding it to a suite, or leave it out", "CASE_ARCHIVED")
        for i, pk in enumerate(ids) if pk in archived
    ]
    if issues:
        raise ValidationFailed(issues)


async def remove_cases(*, suite_id: uuid.UUID, case_ids: Sequence[uuid.UUID]) -> SuiteChange:
    """Take cases out of a suite; cases not in it are skipped."""
    suite = await get_suite(suite_id, lock=True)
    cases = await resolve_all(TestCase, case_ids, CASE_IDS)
    check_same_project(cases, case_ids, suite.project_id, CASE_IDS, "suite")
    links = SuiteTestCase.filter(suite_id=suite.id, test_case_id__in=[c.id for c in cases])
    removed = sorted(str(pk) for pk in await links.values_list("test_case_id", flat=True))
    if removed:
        await links.delete()
        await audit.record("suite.remove_cases", target_type="Suite", target_id=suite.id,
                           details={"removed": len(removed), "testCaseIds": removed})
    return SuiteChange(suite, len(removed))


async def list_suites(*, project_id: uuid.UUID | None = None) -> QuerySet[Suite]:
    """The visible suites, of one project when given (NotFound for an unreachable project)."""
    if project_id is None:
        return Suite.all()
    return Suite.filter(project_id=(await get_project(project_id)).id)
