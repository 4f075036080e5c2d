"""Runs and case results as the REST API shows them (the shapes openapi.py documents).

Ids are the GraphQL global ids, so a CI script can hand them to either API. The plan's name
and the connection are shown as the run froze them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from assay.ids import encode_id
from assay.rest.routing import PREFIX
from assay.runs.models import Run, RunCase, RunCaseResult


def run_path(run_id: uuid.UUID) -> str:
    return f"{PREFIX}/runs/{encode_id('Run', run_id)}"


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def counts(run: Run) -> dict[str, int]:
    done = run.passed + run.failed + run.errored + run.timed_out + run.cancelled
    return {"total": run.total, "passed": run.passed, "failed": run.failed,
            "errored": run.errored, "timed_out": run.timed_out, "cancelled": run.cancelled,
            "pending": run.total - done}


def run_json(run: Run) -> dict[str, Any]:
    snapshot = run.snapshot
    connection = snapshot["connection"]
    self_path = run_path(run.id)
    return {
        "id": encode_id("Run", run.id),
        "status": str(run.status),
        "plan": {"id": encode_id("Plan", run.plan_id), "name": snapshot["plan"]["name"]},
        "connection": {"id": encode_id("AgentConnection", uuid.UUID(connection["id"])),
                       "name": connection["name"], "kind": connection["kind"]},
        "created_at": _time(run.created_at),
        "started_at": _time(run.started_at),
        "finished_at": _time(run.finished_at),
        "counts": counts(run),
        "links": {"self": self_path, "results": f"{self_path}/results"},
    }


def _turn(turn: dict[str, Any]) -> dict[str, Any]:
    return {"index": turn["index"], "message": turn["message"], "reply": turn["reply"],
            "latency_ms": turn["latency_ms"], "started_at": turn["started_at"],
            "attempts": turn["attempts"], "asserts": turn.get("asserts", [])}


def result_json(case: RunCase, result: RunCaseResult) -> dict[str, Any]:
    error = {"code": result.error_code, "message": result.error_message} \
        if result.error_code else None
    return {
        "id": encode_id("RunCaseResult", result.id),
        "position": case.position,
        "test_case": {"id": encode_id("TestCase", case.test_case_id), "version": case.version,
                      "title": case.title},
        "mode": str(case.mode),
        "status": str(result.status),
        "duration_ms": result.duration_ms,
        "started_at": _time(result.started_at),
        "finished_at": _time(result.finished_at),
        "turns": [_turn(turn) for turn in result.turns],
        "asserts": result.asserts,
        "error": error,
        "content_hash": result.content_hash,
    }
