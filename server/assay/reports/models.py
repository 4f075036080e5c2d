"""Reports (an immutable snapshot of one or more evaluations) and their AI summaries."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from assay.tenancy.models import ProjectScopedModel


class Report(ProjectScopedModel):
    """A consolidated view of evaluations of one plan, computed once and never changed.

    Every view and export reads ``snapshot`` alone (see assay.reports.snapshot_schema), so a
    report reads the same after its cases, plan, evaluators or later runs change. The
    database refuses updates and deletes.
    """

    title = fields.CharField(max_length=300)
    plan: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Plan", related_name=False, on_delete=fields.RESTRICT, db_index=True
    )
    plan_id: Any
    #: The pass rate a report must reach to meet its goal, in [0, 1].
    threshold = fields.FloatField()
    #: The evaluations consolidated, in the order given (ids as strings).
    evaluation_ids: Any = fields.JSONField(default=list)
    baseline_evaluation: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Evaluation", related_name=False, on_delete=fields.RESTRICT, null=True
    )
    baseline_evaluation_id: Any
    #: The whole report, schema_version 1.
    snapshot: Any = fields.JSONField()
    #: SHA-256 of the snapshot's canonical JSON.
    content_hash = fields.CharField(max_length=64)
    #: Who made it, as "type:id" (user, api_key).
    created_by = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "reports"


class ReportSummary(ProjectScopedModel):
    """The AI-written summary of a report in one language, written once and kept with it."""

    report: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Report", related_name=False, on_delete=fields.RESTRICT
    )
    report_id: Any
    #: "en" or "es".
    language = fields.CharField(max_length=16)
    #: Paragraphs of findings and recommendations, and the analysis per evaluator.
    text: Any = fields.JSONField()
    #: The judge model that wrote it.
    model = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "report_summaries"
        unique_together = (("report", "language"),)
