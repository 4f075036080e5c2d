"""Writing a case's scores exactly once, and keeping the evaluation's counters in step.

One statement inserts the case result unless the case has one already (the unique
(evaluation, run case) pair: ``ON CONFLICT DO NOTHING``) and, only when the row went in,
adds the case to the evaluation's counters (``SET done = done + 1, ...``). A re-delivered
job therefore writes nothing twice and counts nothing twice. The row lock the UPDATE takes
orders concurrent writers of one evaluation, so exactly one of them sees ``done`` reach
``total``: that one finalizes the evaluation (overall score, pass rate, per-evaluator
summary, COMPLETED) in the same transaction, after which the database refuses any change
to it (assay.db.security).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from tortoise.fields import DatetimeField, Field

from assay.evaluations.models import Evaluation, EvaluationCaseResult, EvaluationStatus
from assay.evaluations.scoring import CaseOutcome, case_verdict, totals
from assay.tenancy.scope import require_scope
from assay.webhooks import hooks as webhook_hooks

#: The recorded fields the content hash covers.
HASHED_FIELDS = ("evaluation_id", "run_case_id", "passed", "score", "asserts_passed",
                 "pii_leak", "pii_findings", "scores", "judge_calls", "cache_hits",
                 "input_tokens", "output_tokens")
#: The counters a case adds to, besides ``done`` and its outcome's.
USAGE = ("judge_calls", "cache_hits", "input_tokens", "output_tokens")


@dataclass(frozen=True)
class CaseRecord:
    """One case's result, ready to write."""

    evaluation_id: uuid.UUID
    run_case_id: uuid.UUID
    project_id: uuid.UUID
    passed: bool
    score: float | None
    asserts_passed: bool
    pii_leak: bool
    pii_findings: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, Any]] = field(default_factory=list)
    usage: Mapping[str, int] = field(default_factory=dict)

    @property
    def outcome(self) -> CaseOutcome:
        """The counter it adds to: passed, failed or errored."""
        return case_verdict(self.scores, asserts_passed=self.asserts_passed,
                            pii_leak=self.pii_leak).outcome

    def values(self) -> dict[str, Any]:
        """The recorded fields (those the content hash covers)."""
        return {"evaluation_id": self.evaluation_id, "run_case_id": self.run_case_id,
                "passed": self.passed, "score": self.score,
                "asserts_passed": self.asserts_passed, "pii_leak": self.pii_leak,
                "pii_findings": self.pii_findings, "scores": self.scores,
                **{name: int(self.usage.get(name, 0)) for name in USAGE}}


def canonical(record: Mapping[str, Any]) -> str:
    """The canonical JSON text of a case result's recorded fields."""
    body = {name: record[name] for name in HASHED_FIELDS}
    body["evaluation_id"] = str(body["evaluation_id"])
    body["run_case_id"] = str(body["run_case_id"])
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def content_hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(record).encode()).hexdigest()


def stored_hash_matches(row: EvaluationCaseResult) -> bool:
    """Whether a stored case result still hashes to its content hash."""
    record = {name: getattr(row, name) for name in HASHED_FIELDS}
    return content_hash(record) == str(row.content_hash)


@cache
def _insert() -> tuple[str, tuple[tuple[str, Field[Any]], ...]]:
    """The INSERT of a case result and its (field name, field) pairs in parameter order,
    derived from the model (built on first use: Tortoise completes the fields at start)."""
    meta = EvaluationCaseResult._meta
    names = tuple(meta.fields_db_projection)
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    values = ", ".join(f"${i}" for i in range(1, len(names) + 1))
    sql = (f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({values}) '
           'ON CONFLICT ("evaluation_id", "run_case_id") DO NOTHING RETURNING 1')
    return sql, tuple((name, meta.fields_map[name]) for name in names)


def _value(field_: Field[Any], given: dict[str, Any], name: str) -> Any:
    if name in given:
        value = given[name]
    elif field_.default is not None:
        value = field_.default() if callable(field_.default) else field_.default
    elif isinstance(field_, DatetimeField) and (field_.auto_now_add or field_.auto_now):
        value = datetime.now(UTC)
    else:
        value = None
    return field_.to_db_value(value, EvaluationCaseResult)


@cache
def _statement() -> str:
    insert, fields = _insert()
    n = len(fields)
    adds = ", ".join(f"{name} = {name} + ${n + 3 + i}" for i, name in enumerate(USAGE))
    return (f"WITH inserted AS ({insert}) "
            f"UPDATE evaluations SET done = done + 1, passed = passed + ${n + 7}, "
            f"failed = failed + ${n + 8}, errored = errored + ${n + 9}, "
            f"pii_leaks = pii_leaks + ${n + 10}, {adds}, status = '"
            f"{EvaluationStatus.RUNNING.value}', started_at = COALESCE(started_at, now()) "
            f"WHERE id = ${n + 1} AND organization_id = ${n + 2} "
            "AND EXISTS (SELECT 1 FROM inserted) RETURNING done, total")


def _parameters(record: CaseRecord) -> list[Any]:
    scope = require_scope()
    if scope.project_ids is not None and record.project_id not in scope.project_ids:
        raise PermissionError("refusing to record a case of a project outside the scope")
    values = record.values()
    given = {**values, "id": EvaluationCaseResult._meta.fields_map["id"].default(),
             "organization_id": scope.org_id, "project_id": record.project_id,
             "content_hash": content_hash(values)}
    row = [_value(field_, given, name) for name, field_ in _insert()[1]]
    outcome = record.outcome
    return [*row, record.evaluation_id, scope.org_id,
            *(int(record.usage.get(name, 0)) for name in USAGE),
            int(outcome is CaseOutcome.PASSED), int(outcome is CaseOutcome.FAILED),
            int(outcome is CaseOutcome.ERRORED), int(record.pii_leak)]


@dataclass(frozen=True)
class Recorded:
    #: False when the case had a result already (nothing was written).
    written: bool
    #: True when this write finished the evaluation.
    finished: bool


async def record(record: CaseRecord) -> Recorded:
    """Write the case once, in the caller's tenant transaction, and finish the evaluation
    when it was the last case."""
    db = Evaluation._meta.db  # the caller's transaction
    rows = await db.execute_query_dict(_statement(), _parameters(record))
    if not rows:
        return Recorded(written=False, finished=False)
    if int(rows[0]["done"]) < int(rows[0]["total"]):
        return Recorded(written=True, finished=False)
    await finalize(record.evaluation_id)
    return Recorded(written=True, finished=True)


async def finalize(evaluation_id: uuid.UUID) -> None:
    """Compute the evaluation's figures from its case results and mark it COMPLETED."""
    evaluation = await Evaluation.filter(id=evaluation_id).only(
        "id", "organization_id", "project_id", "evaluators", "total").first()
    if evaluation is None:
        return
    cases = await EvaluationCaseResult.filter(evaluation_id=evaluation_id).order_by(
        "run_case_id").values("score", "passed", "scores")
    figures = totals(evaluation.evaluators, cases, evaluation.total)
    await Evaluation.filter(id=evaluation_id).update(
        overall_score=figures.overall_score, pass_rate=figures.pass_rate,
        summary=figures.summary, status=EvaluationStatus.COMPLETED,
        finished_at=datetime.now(UTC))
    await webhook_hooks.evaluation_finished(evaluation_id)
