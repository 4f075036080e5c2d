"""Judge configurations (sealed keys), the judge cache, calibration reports, and the
evaluator versions an organization enabled."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model

from assay.tenancy.models import OrgScopedModel


class JudgeConfiguration(OrgScopedModel):
    """An LLM provider an organization's evaluations may call; one is the default."""

    name = fields.CharField(max_length=100)
    #: The judge plugin's slug ("openai", "anthropic").
    provider = fields.CharField(max_length=64)
    model = fields.CharField(max_length=200)
    #: Empty means the provider's public endpoint.
    base_url = fields.CharField(max_length=500, default="")
    temperature = fields.FloatField(default=0.0)
    samples = fields.IntField(default=1)
    is_default = fields.BooleanField(default=False)
    #: The API key, sealed (AES-GCM bound to org, table, row, field); null when keyless.
    key_ciphertext: Any = fields.BinaryField(null=True)
    key_nonce: Any = fields.BinaryField(null=True)
    key_version = fields.IntField(null=True)
    #: A short, non-secret reminder such as "…a1b2".
    key_hint = fields.CharField(max_length=16, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "judge_configurations"
        unique_together = (("organization", "name"),)


class JudgeCacheEntry(OrgScopedModel):
    """A judge's verdict, reused when the same evaluator version asks the same model the
    same thing again."""

    #: SHA-256 over evaluator, evaluator version, model, prompt hash, input hash, sampling.
    key = fields.CharField(max_length=64)
    evaluator = fields.CharField(max_length=64)
    evaluator_version = fields.CharField(max_length=32)
    model = fields.CharField(max_length=200)
    prompt_hash = fields.CharField(max_length=64)
    input_hash = fields.CharField(max_length=64)
    #: The JudgeReply as JSON.
    reply: Any = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "judge_cache"
        unique_together = (("organization", "key"),)


class CalibrationReport(Model):
    """How one evaluator version agreed with its labelled dataset under one judge model.

    Not a tenant's: operators run `assay calibrate`, and every organization reads the
    reports (they hold the public datasets' results, nothing of any tenant)."""

    id = fields.UUIDField(primary_key=True)
    evaluator = fields.CharField(max_length=64)
    evaluator_version = fields.CharField(max_length=32)
    #: The judge plugin's slug and the model it used.
    judge = fields.CharField(max_length=64)
    model = fields.CharField(max_length=200)
    cases = fields.IntField()
    mean_abs_error = fields.FloatField()
    #: Spearman's rank correlation between scores and labels (null when undefined).
    rank_correlation = fields.FloatField(null=True)
    #: Share of cases whose pass/fail at the default threshold agrees with the label's.
    pass_agreement = fields.FloatField()
    #: Share of cases scored within their tolerance.
    within_tolerance = fields.FloatField()
    #: The evaluator's declared margin at the time, and whether the report meets it.
    max_mean_abs_error = fields.FloatField()
    min_pass_agreement = fields.FloatField()
    within_margin = fields.BooleanField()
    #: Per case: id, language, expected, score, deviation, within_tolerance, explanation
    #: (or error).
    deviations: Any = fields.JSONField(default=list)
    judge_calls = fields.IntField(default=0)
    input_tokens = fields.IntField(default=0)
    output_tokens = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "calibration_reports"
        indexes = (("evaluator", "evaluator_version", "judge", "model"),)


class EvaluatorEnablement(OrgScopedModel):
    """An evaluator version an organization allowed with one judge model."""

    evaluator = fields.CharField(max_length=64)
    evaluator_version = fields.CharField(max_length=32)
    judge = fields.CharField(max_length=64)
    model = fields.CharField(max_length=200)
    #: The report that met the margin; null when an owner overrode the gate.
    calibration_report: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.CalibrationReport", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    calibration_report_id: Any
    #: The owner's written reason for enabling without a report within the margin.
    override_reason = fields.TextField(default="")
    #: Who enabled it, as "type:id".
    enabled_by = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "evaluator_enablements"
        unique_together = (("organization", "evaluator", "evaluator_version", "judge",
                            "model"),)
