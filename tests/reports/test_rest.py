"""POST /api/v1/reports and GET /api/v1/reports/{id}/export: a report from CI, each export
with its media type and file name, and the refusals (nothing written)."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx
from jsonschema import Draft202012Validator

from assay.auth.models import ApiKeyScope
from assay.evaluations.models import EvaluationStatus
from assay.reports.snapshot import canonical_json
from tests.reports.conftest import CURRENT_AT, Evaluated
from tests.reports.rows import CURRENT, write_evaluated_run
from tests.rest.support import bearer, read_key, refusal
from tests.support import gid


async def _post(api: httpx.AsyncClient, evaluated: Evaluated, body: Any,
                key: str | None = None) -> httpx.Response:
    return await api.post("/api/v1/reports", json=body,
                          headers=bearer(key or evaluated.world.org.api_key))


def _valid(document: dict[str, Any], name: str, value: Any) -> list[str]:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(value)]


async def _count(owner_db: asyncpg.Connection, evaluated: Evaluated) -> int:
    count: int = await owner_db.fetchval(
        "SELECT count(*) FROM reports WHERE organization_id = $1", evaluated.world.org.id)
    return count


async def test_a_run_s_report_is_made_and_every_export_downloaded(
        api: httpx.AsyncClient, evaluated: Evaluated) -> None:
    created = await _post(api, evaluated, {
        "run_id": gid("Run", evaluated.current_run), "title": "Week 23 / nightly",
        "baseline_evaluation_id": gid("Evaluation", evaluated.baseline), "threshold": 0.5})
    assert created.status_code == 201, created.text
    body = created.json()
    document = (await api.get("/api/v1/openapi.json")).json()
    assert _valid(document, "Report", body) == []
    assert created.headers["location"] == f"/api/v1/reports/{body['id']}"
    assert body["evaluation_ids"] == [gid("Evaluation", evaluated.current)]
    assert body["baseline_evaluation_id"] == gid("Evaluation", evaluated.baseline)
    assert body["totals"] == {"cases": 6, "passed": 3, "failed": 2, "errored": 1,
                              "timed_out": 0, "pii_alerts": 1, "pass_rate": 0.5,
                              "overall_score": 0.81, "meets_threshold": True}
    key = await read_key(evaluated.world.org)  # a READ key downloads
    got: dict[str, httpx.Response] = {}
    for fmt in ("json", "csv", "junit", "html"):
        got[fmt] = await api.get(body["links"][fmt], headers=bearer(key))
        assert got[fmt].status_code == 200, got[fmt].text
    expected = {"json": ("application/json", "Week-23-nightly.json"),
                "csv": ("text/csv; charset=utf-8", "Week-23-nightly.csv"),
                "junit": ("application/xml", "Week-23-nightly.xml"),
                "html": ("text/html; charset=utf-8", "Week-23-nightly.html")}
    for fmt, (media_type, name) in expected.items():
        assert got[fmt].headers["content-type"] == media_type
        assert got[fmt].headers["content-disposition"] == f'attachment; filename="{name}"'
    snapshot = got["json"].json()
    assert snapshot["id"] == body["id"]
    assert canonical_json(snapshot) == canonical_json(json.loads(got["json"].text))
    assert got["csv"].text.splitlines()[0].startswith("evaluation_id,run_id,test_case_id")
    assert got["junit"].text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert got["html"].text.startswith("<!DOCTYPE html>")


async def test_evaluation_ids_and_the_default_format_json(api: httpx.AsyncClient,
                                                          evaluated: Evaluated) -> None:
    created = await _post(api, evaluated, {
        "evaluation_ids": [gid("Evaluation", evaluated.baseline),
                           gid("Evaluation", evaluated.current)]})
    assert created.status_code == 201, created.text
    exported = await api.get(f"/api/v1/reports/{created.json()['id']}/export",
                             headers=bearer(evaluated.world.org.api_key))
    snapshot = exported.json()
    assert exported.headers["content-type"] == "application/json"
    assert [e["id"] for e in snapshot["evaluations"]] == \
        [gid("Evaluation", evaluated.baseline), gid("Evaluation", evaluated.current)]
    assert [f["title"] for f in snapshot["comparison"]["flaky"]] == [
        "Angry customer asks for a manager", "Password reset link", "Store opening hours"]


async def test_refusals_write_nothing(api: httpx.AsyncClient, evaluated: Evaluated,
                                      owner_db: asyncpg.Connection) -> None:
    world = evaluated.world
    run_gid = gid("Run", evaluated.current_run)
    read = await read_key(world.org, ApiKeyScope.READ)
    unevaluated, _ = await write_evaluated_run(world, CURRENT[:1], finished_at=CURRENT_AT,
                                               status=EvaluationStatus.RUNNING)
    cases = [
        ({"run_id": run_gid}, read, (403, "FORBIDDEN", None)),
        ({"run_id": run_gid, "evaluation_ids": []}, None, (422, "INVALID_INPUT", "body")),
        ({"evaluation_ids": []}, None, (422, "INVALID_INPUT", "evaluation_ids")),
        ({"evaluation_ids": ["nope"]}, None, (422, "INVALID_INPUT", "evaluation_ids.0")),
        ({"run_id": run_gid, "threshold": 2}, None, (422, "INVALID_INPUT", "threshold")),
        ({"run_id": run_gid, "colour": "red"}, None, (422, "INVALID_INPUT", "colour")),
        ({"run_id": gid("Plan", world.plan_id)}, None, (422, "INVALID_INPUT", "run_id")),
        ({"run_id": gid("Run", world.plan_id)}, None, (404, "RUN_NOT_FOUND", None)),
        ({"evaluation_ids": [gid("Evaluation", world.plan_id)]}, None,
         (404, "EVALUATION_NOT_FOUND", None)),
    ]
    for body, key, (status, code, path) in cases:
        answer = await _post(api, evaluated, body, key)
        assert refusal(answer)[:2] == (status, code), (body, answer.text)
        assert refusal(answer)[3] == path
    # A run whose only evaluation is still running has nothing to report yet.
    answer = await _post(api, evaluated, {"run_id": gid("Run", unevaluated)})
    assert refusal(answer)[:2] == (409, "NOT_EVALUATED")
    assert await _count(owner_db, evaluated) == 0


async def test_export_refusals(api: httpx.AsyncClient, evaluated: Evaluated) -> None:
    created = (await _post(api, evaluated, {"run_id": gid("Run", evaluated.current_run)}))
    path = f"/api/v1/reports/{created.json()['id']}/export"
    headers = bearer(evaluated.world.org.api_key)
    bad = await api.get(path, params={"format": "docx"}, headers=headers)
    assert refusal(bad)[:2] == (422, "INVALID_INPUT")
    assert refusal(bad)[3] == "format"
    assert "choose one of json, csv, junit, html, pdf" in refusal(bad)[2]
    unknown = await api.get("/api/v1/reports/" + gid("Report", evaluated.current) + "/export",
                            headers=headers)
    assert refusal(unknown)[:2] == (404, "REPORT_NOT_FOUND")


async def test_the_pdf_is_printed_after_the_transaction(api: httpx.AsyncClient,
                                                        evaluated: Evaluated) -> None:
    created = await _post(api, evaluated, {"run_id": gid("Run", evaluated.current_run),
                                           "title": "Week 23"})
    pdf = await api.get(created.json()["links"]["pdf"],
                        headers=bearer(evaluated.world.org.api_key))
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == 'attachment; filename="Week-23.pdf"'
    assert pdf.content.startswith(b"%PDF-")
