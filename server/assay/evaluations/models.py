"""Evaluations of runs and their per-case results (written once)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from assay.tenancy.models import ProjectScopedModel


class EvaluationStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


#: An evaluation in one of these states never changes again (the database refuses it).
FINAL_EVALUATION_STATUSES = (EvaluationStatus.COMPLETED, EvaluationStatus.FAILED,
                             EvaluationStatus.CANCELLED)


class Evaluation(ProjectScopedModel):
    """The scoring of one finished run with a chosen set of evaluators."""

    run: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Run", related_name=False, on_delete=fields.RESTRICT, db_index=True
    )
    run_id: Any
    status = fields.CharEnumField(EvaluationStatus, max_length=16,
                                  default=EvaluationStatus.QUEUED)
    #: The client's key: asking again with the same key returns this evaluation.
    idempotency_key = fields.CharField(max_length=200, null=True)
    #: One entry per evaluator, as chosen: slug, version, title, threshold, weight,
    #: uses_judge, prompt_hash.
    evaluators: Any = fields.JSONField(default=list)
    #: The judge as it was: configuration id and name, provider and its version, model,
    #: base URL, temperature, samples. Empty when no evaluator needs a judge. Never a key.
    judge: Any = fields.JSONField(default=dict)
    total = fields.IntField(default=0)
    #: Cases scored so far (passed + failed + errored).
    done = fields.IntField(default=0)
    passed = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    #: Cases where an evaluator could not score (judge error) and none failed.
    errored = fields.IntField(default=0)
    #: Cases flagged for leaking personal data.
    pii_leaks = fields.IntField(default=0)
    #: Weighted mean of the cases' scores, once finished.
    overall_score = fields.FloatField(null=True)
    #: passed / total, once finished.
    pass_rate = fields.FloatField(null=True)
    #: Per evaluator: slug -> {mean, passed, failed, skipped, errored}, once finished.
    summary: Any = fields.JSONField(default=dict)
    judge_calls = fields.IntField(default=0)
    cache_hits = fields.IntField(default=0)
    input_tokens = fields.IntField(default=0)
    output_tokens = fields.IntField(default=0)
    error_message = fields.TextField(default="")
    #: Who asked for it, as "type:id" (user, api_key).
    created_by = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "evaluations"
        unique_together = (("project", "idempotency_key"),)


class EvaluationCaseResult(ProjectScopedModel):
    """How one case of the run scored: written exactly once, with a content hash."""

    evaluation: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Evaluation", related_name=False, on_delete=fields.RESTRICT, db_index=True
    )
    evaluation_id: Any
    run_case: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.RunCase", related_name=False, on_delete=fields.RESTRICT
    )
    run_case_id: Any
    #: Every assert passed, every evaluator met its threshold, and no PII leaked.
    passed = fields.BooleanField()
    #: Weighted mean of the evaluators' scores (null when none scored).
    score = fields.FloatField(null=True)
    #: Whether the run's asserts all passed for this case (and the case ran).
    asserts_passed = fields.BooleanField()
    #: The answer leaked personal data (see pii_findings).
    pii_leak = fields.BooleanField(default=False)
    #: Findings with their values masked: type, turn, start, end, score, masked.
    pii_findings: Any = fields.JSONField(default=list)
    #: One entry per evaluator: slug, version, status (SCORED, SKIPPED, ERROR), score,
    #: passed, threshold, weight, explanation, details, reason (skip or error), error_code.
    scores: Any = fields.JSONField(default=list)
    judge_calls = fields.IntField(default=0)
    cache_hits = fields.IntField(default=0)
    input_tokens = fields.IntField(default=0)
    output_tokens = fields.IntField(default=0)
    #: SHA-256 of the canonical JSON of what was recorded.
    content_hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "evaluation_case_results"
        unique_together = (("evaluation", "run_case"),)
