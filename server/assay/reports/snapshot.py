"""Assembling the snapshot document from the facts (see assay.reports.snapshot_schema)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assay.reports import figures
from assay.reports.comparison import Baseline, compare
from assay.reports.facts import CaseFacts, EvaluationFacts, r4
from assay.reports.snapshot_schema import SCHEMA_VERSION, validate_snapshot


@dataclass(frozen=True)
class Header:
    """Who and what the report is about."""

    id: str
    title: str
    created_at: str
    created_by: str
    project_id: str
    project_name: str
    plan_id: str
    plan_name: str
    threshold: float


def _evaluation(evaluation: EvaluationFacts) -> dict[str, Any]:
    return {"id": evaluation.id, "run_id": evaluation.run_id,
            "run_started_at": evaluation.run_started_at,
            "run_finished_at": evaluation.run_finished_at,
            "connection": {"name": evaluation.connection_name,
                           "kind": evaluation.connection_kind},
            "judge": dict(evaluation.judge),
            "evaluators": [{"slug": c.slug, "title": c.title, "version": c.version,
                            "threshold": r4(c.threshold), "weight": r4(c.weight)}
                           for c in evaluation.evaluators]}


def build_snapshot(header: Header, evaluations: Sequence[EvaluationFacts],
                   cases: Sequence[CaseFacts], baseline: Baseline | None) -> dict[str, Any]:
    """The whole report, validated; ``cases`` in evaluation order, then run position."""
    snapshot = {
        "schema_version": SCHEMA_VERSION,
        "id": header.id, "title": header.title, "created_at": header.created_at,
        "created_by": header.created_by,
        "project": {"id": header.project_id, "name": header.project_name},
        "plan": {"id": header.plan_id, "name": header.plan_name},
        "threshold": r4(header.threshold),
        "evaluations": [_evaluation(evaluation) for evaluation in evaluations],
        "totals": figures.totals(cases, header.threshold),
        "latency_ms": figures.latency(cases),
        "evaluators": figures.evaluators(evaluations, cases),
        "errors": figures.errors(cases),
        "pii_alerts": figures.pii_alerts(cases),
        "cases": [figures.case_entry(case) for case in cases],
        "comparison": compare(cases, baseline),
    }
    validate_snapshot(snapshot)
    return snapshot


def canonical_json(snapshot: Any) -> str:
    """The one JSON text of a snapshot: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def content_hash(snapshot: Any) -> str:
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()
