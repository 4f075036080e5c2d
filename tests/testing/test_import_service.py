"""Import and export services: all or nothing, idempotent by key, round trips in every format."""

from __future__ import annotations

import json

import pytest

from assay.audit.models import AuditEvent
from assay.db.transactions import tenant_transaction
from assay.errors import Conflict, NotFound, ValidationFailed
from assay.testing import service
from assay.testing.models import CaseImport, CaseStatus, SuiteTestCase
from assay.testing.models import TestCase as CaseRow
from assay.testing.models import TestCaseVersion as VersionRow
from tests.support import make_org
from tests.testing.cases_support import (
    chat_case,
    last_seq,
    other_project,
    row_counts,
    simple_case,
)

AWKWARD = simple_case(
    "¿Devolución, \"urgente\"?",
    input="Línea 1,\nlínea 2; con \"comillas\" y ñ",
    expectedOutput="Sí: 30 días.",
    tags=["es", "edge, comma"],
    asserts=[{"type": "regex", "pattern": r"\d+ d[ií]as", "caseSensitive": True}],
    context="",
    category="billing",
    language="es",
)
DOCUMENT = json.dumps([simple_case("First"), chat_case("Second"), AWKWARD])


def _contents(cases: list[CaseRow]) -> list[tuple[object, ...]]:
    return [(c.title, c.mode, c.input, c.turns, c.expected_output, c.tags, c.category,
             c.difficulty, c.language, c.status, c.asserts) for c in cases]


async def test_import_writes_every_case_with_one_event(database: object) -> None:
    org = await make_org()
    seq = await last_seq(org.id)

    async with tenant_transaction(org.id):
        suite = await service.create_suite(project_id=org.project_id, name="Imported")
        outcome = await service.import_cases(project_id=org.project_id, fmt="JSON",
                                             content=DOCUMENT, idempotency_key="k-1",
                                             suite_id=suite.id)
        versions = await VersionRow.filter(
            test_case_id__in=[c.id for c in outcome.cases]).values_list("version", flat=True)
        linked = await SuiteTestCase.filter(suite_id=suite.id).values_list(
            "test_case_id", flat=True)
        events = await AuditEvent.filter(seq__gt=seq).values_list("action", "details")

    assert [c.title for c in outcome.cases] == ["First", "Second", "¿Devolución, \"urgente\"?"]
    assert (outcome.replayed, outcome.suite.id if outcome.suite else None) == (False, suite.id)
    assert sorted(versions) == [1, 1, 1]
    assert sorted(linked) == sorted(c.id for c in outcome.cases)
    assert events == [("suite.create", {"name": "Imported"}),
                      ("testcase.import", {"count": 3, "format": "JSON",
                                           "idempotencyKey": "k-1",
                                           "suiteId": str(suite.id)})]


async def test_same_key_and_document_answers_the_first_import(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        first = await service.import_cases(project_id=org.project_id, fmt="JSON",
                                           content=DOCUMENT, idempotency_key="k-1")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        again = await service.import_cases(project_id=org.project_id, fmt="JSON",
                                           content=DOCUMENT, idempotency_key=" k-1 ")

    assert again.replayed is True
    assert [c.id for c in again.cases] == [c.id for c in first.cases]
    assert await row_counts(org.id) == before


async def test_same_key_with_another_document_is_refused(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        await service.import_cases(project_id=org.project_id, fmt="JSON", content=DOCUMENT,
                                   idempotency_key="k-1")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(Conflict) as caught:
            await service.import_cases(project_id=org.project_id, fmt="JSON",
                                       content=json.dumps([simple_case("Other")]),
                                       idempotency_key="k-1")

    assert caught.value.code == "IDEMPOTENCY_KEY_REUSED"
    assert caught.value.message.endswith("use a new key for a new import")
    assert await row_counts(org.id) == before


async def test_the_same_key_in_another_project_is_another_import(database: object) -> None:
    org = await make_org()
    second = await other_project(org.id)
    async with tenant_transaction(org.id):
        await service.import_cases(project_id=org.project_id, fmt="JSON", content=DOCUMENT,
                                   idempotency_key="k-1")
        other = await service.import_cases(project_id=second, fmt="JSON", content=DOCUMENT,
                                           idempotency_key="k-1")
        assert await CaseImport.all().count() == 2

    assert (other.replayed, len(other.cases)) == (False, 3)


async def test_a_bad_row_names_its_line_and_nothing_is_written(database: object) -> None:
    org = await make_org()
    before = await row_counts(org.id)
    document = "[\n" + json.dumps(simple_case("Fine")) + ",\n" + json.dumps(
        simple_case("", asserts=[{"type": "regex", "pattern": "("}])) + "\n]"

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as caught:
            await service.import_cases(project_id=org.project_id, fmt="JSON",
                                       content=document, idempotency_key="k-1")
        assert await CaseRow.all().count() == 0

    assert [(i.path, i.code) for i in caught.value.issues] == [
        (("input", "content", "line", "3", "title"), "REQUIRED"),
        (("input", "content", "line", "3", "asserts", "0", "pattern"), "INVALID_REGEX"),
    ]
    assert caught.value.issues[0].message.startswith("line 3: ")
    assert await row_counts(org.id) == before


async def test_import_refuses_bad_requests(database: object) -> None:
    org, stranger = await make_org(), await make_org("Stranger")
    second = await other_project(org.id)
    async with tenant_transaction(org.id):
        elsewhere = await service.create_suite(project_id=second, name="Elsewhere")
    before = await row_counts(org.id)

    async with tenant_transaction(org.id):
        with pytest.raises(ValidationFailed) as key:
            await service.import_cases(project_id=org.project_id, fmt="JSON", content=DOCUMENT,
                                       idempotency_key="  ")
        with pytest.raises(ValidationFailed) as fmt:
            await service.import_cases(project_id=org.project_id, fmt="XML", content=DOCUMENT,
                                       idempotency_key="k")
        with pytest.raises(ValidationFailed) as empty:
            await service.import_cases(project_id=org.project_id, fmt="YAML", content="[]",
                                       idempotency_key="k")
        with pytest.raises(ValidationFailed) as suite:
            await service.import_cases(project_id=org.project_id, fmt="JSON", content=DOCUMENT,
                                       idempotency_key="k", suite_id=elsewhere.id)
    async with tenant_transaction(stranger.id):
        with pytest.raises(NotFound):
            await service.import_cases(project_id=org.project_id, fmt="JSON", content=DOCUMENT,
                                       idempotency_key="k")

    assert [(i.path, i.code) for i in key.value.issues] == [
        (("input", "idempotencyKey"), "REQUIRED")]
    assert [(i.path, i.message, i.code) for i in fmt.value.issues] == [
        (("input", "format"), "'XML' is not a format: use one of JSON, YAML, CSV",
         "UNKNOWN_FORMAT")]
    assert [(i.path, i.code) for i in empty.value.issues] == [(("input", "content"), "EMPTY")]
    assert [(i.path, i.code) for i in suite.value.issues] == [(("input", "suiteId"),
                                                               "WRONG_PROJECT")]
    assert await row_counts(org.id) == before


@pytest.mark.parametrize("fmt", ["JSON", "YAML", "CSV"])
async def test_export_then_import_gives_the_same_cases(database: object, fmt: str) -> None:
    org = await make_org()
    second = await other_project(org.id)
    async with tenant_transaction(org.id):
        source = await service.import_cases(project_id=org.project_id, fmt="JSON",
                                            content=DOCUMENT, idempotency_key="seed")
        await service.update_case(case_id=source.cases[0].id, changes={"status": "DRAFT"})
        export = await service.export_cases(project_id=org.project_id, fmt=fmt)
        copied = await service.import_cases(project_id=second, fmt=fmt, content=export.content,
                                            idempotency_key="copy")
        originals = await CaseRow.filter(project_id=org.project_id).order_by("created_at", "id")

    assert (export.format, export.count) == (fmt, 3)
    assert _contents(copied.cases) == _contents(originals)
    assert [c.status for c in copied.cases] == [CaseStatus.DRAFT, CaseStatus.ACTIVE,
                                                CaseStatus.ACTIVE]


async def test_export_filters_by_suite_and_status(database: object) -> None:
    org = await make_org()
    async with tenant_transaction(org.id):
        cases = (await service.import_cases(project_id=org.project_id, fmt="JSON",
                                            content=DOCUMENT, idempotency_key="seed")).cases
        suite = await service.create_suite(project_id=org.project_id, name="S")
        await service.add_cases(suite_id=suite.id, case_ids=[cases[0].id, cases[1].id])
        await service.archive_case(case_id=cases[1].id)
        in_suite = await service.export_cases(project_id=org.project_id, fmt="JSON",
                                              suite_id=suite.id)
        archived = await service.export_cases(project_id=org.project_id, fmt="JSON",
                                              statuses=[CaseStatus.ARCHIVED])
        everything = await service.export_cases(project_id=org.project_id, fmt="JSON",
                                                statuses=list(CaseStatus))

    assert [c["title"] for c in _cases_of(in_suite.content)] == ["First"]
    assert [(c["title"], c["status"]) for c in _cases_of(archived.content)] == [
        ("Second", "ARCHIVED")]
    assert everything.count == 3


def _cases_of(content: str) -> list[dict[str, object]]:
    document = json.loads(content)
    cases: list[dict[str, object]] = (
        document["testCases"] if isinstance(document, dict) else document)
    return cases
