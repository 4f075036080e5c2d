"""Judges (configurations, never their keys), the evaluator catalog, enablements and
calibration reports."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.judging import loaders
from assay.graphql.node import register_node
from assay.graphql.relay import Node, encode_id
from assay.judging.models import CalibrationReport, EvaluatorEnablement, JudgeConfiguration
from assay.plugins.registry import evaluators
from assay_sdk import CalibrationMargin, Evaluator, Requirement

RequirementEnum = strawberry.enum(
    Requirement, name="EvaluatorRequirement",
    description="What a case must have for an evaluator to judge it (else it is skipped).")


@strawberry.type(name="Judge", description="An LLM provider and model the organization's "
                 "evaluations call. Its API key is sealed and never returned.")
class JudgeType(Node):
    name: str
    provider: str = strawberry.field(description="The judge plugin: openai (any OpenAI-"
                                     "compatible endpoint) or anthropic.")
    model: str
    base_url: str | None = strawberry.field(
        description="The API's base URL; null means the provider's public endpoint.")
    temperature: float
    samples: int = strawberry.field(description="Verdicts asked per case (their mean is "
                                    "the score; their spread is reported).")
    is_default: bool = strawberry.field(description="Used by evaluations that name no judge.")
    has_key: bool = strawberry.field(description="Whether an API key is stored.")
    key_hint: str = strawberry.field(description="A reminder of the key such as …a1b2 (the "
                                     "last four characters of keys of 12 or more).")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, row: JudgeConfiguration) -> JudgeType:
        return cls(id=strawberry.ID(encode_id("Judge", row.id)), name=row.name,
                   provider=row.provider, model=row.model, base_url=row.base_url or None,
                   temperature=row.temperature, samples=row.samples,
                   is_default=row.is_default, has_key=bool(row.key_hint),
                   key_hint=row.key_hint, created_at=row.created_at,
                   updated_at=row.updated_at)


@strawberry.type(name="CalibrationMargin", description="How close to its labels an evaluator "
                 "must score with a judge model to be enabled with it.")
class CalibrationMarginType:
    max_mean_abs_error: float
    min_pass_agreement: float

    @classmethod
    def of(cls, margin: CalibrationMargin) -> CalibrationMarginType:
        return cls(max_mean_abs_error=margin.max_mean_abs_error,
                   min_pass_agreement=margin.min_pass_agreement)


@strawberry.type(description="How one labelled case of the dataset was scored.")
class CalibrationDeviation:
    case_id: str
    language: str
    expected: float = strawberry.field(description="The label.")
    score: float | None = strawberry.field(description="Null when it could not be scored.")
    deviation: float = strawberry.field(description="|score - expected|; for an unscored "
                                        "case, the expected score (scored as 0).")
    within_tolerance: bool
    explanation: str
    error: str | None = strawberry.field(description="CODE: message, when unscored.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> CalibrationDeviation:
        return cls(case_id=str(value["id"]), language=str(value.get("language", "")),
                   expected=float(value["expected"]), score=value.get("score"),
                   deviation=float(value["deviation"]),
                   within_tolerance=bool(value["within_tolerance"]),
                   explanation=str(value.get("explanation") or ""),
                   error=value.get("error") or None)


@strawberry.type(name="CalibrationReport", description="How one evaluator version agreed "
                 "with its labelled dataset under one judge model (written by `assay "
                 "calibrate`; global, never changed).")
class CalibrationReportType:
    id: strawberry.ID
    evaluator: str
    evaluator_version: str
    judge: str = strawberry.field(description="The judge plugin (provider).")
    model: str
    cases: int
    mean_abs_error: float
    rank_correlation: float | None = strawberry.field(
        description="Spearman's, with average ranks for ties; null when a side is constant.")
    pass_agreement: float = strawberry.field(
        description="Share of cases whose pass/fail at the default threshold agrees.")
    within_tolerance: float = strawberry.field(
        description="Share of cases scored within their own tolerance.")
    margin: CalibrationMarginType = strawberry.field(description="The margin at the time.")
    within_margin: bool
    judge_calls: int
    input_tokens: int
    output_tokens: int
    created_at: datetime
    _deviations: strawberry.Private[list[dict[str, Any]]]

    @strawberry.field(description="Per case, in dataset order; unscored cases say why.")  # type: ignore[untyped-decorator]
    def deviations(self) -> list[CalibrationDeviation]:
        return [CalibrationDeviation.from_json(value) for value in self._deviations]

    @classmethod
    def from_model(cls, row: CalibrationReport) -> CalibrationReportType:
        return cls(
            id=strawberry.ID(encode_id("CalibrationReport", row.id)),
            evaluator=row.evaluator, evaluator_version=row.evaluator_version,
            judge=row.judge, model=row.model, cases=row.cases,
            mean_abs_error=row.mean_abs_error, rank_correlation=row.rank_correlation,
            pass_agreement=row.pass_agreement, within_tolerance=row.within_tolerance,
            margin=CalibrationMarginType(max_mean_abs_error=row.max_mean_abs_error,
                                         min_pass_agreement=row.min_pass_agreement),
            within_margin=row.within_margin, judge_calls=row.judge_calls,
            input_tokens=row.input_tokens, output_tokens=row.output_tokens,
            created_at=row.created_at, _deviations=list(row.deviations or []),
        )


@strawberry.type(name="EvaluatorEnablement", description="An evaluator version the "
                 "organization allowed with one judge model.")
class EvaluatorEnablementType(Node):
    evaluator: str
    evaluator_version: str
    judge: str = strawberry.field(description="The judge plugin (provider).")
    model: str
    overridden: bool = strawberry.field(
        description="True when an owner enabled it without a report within the margin.")
    override_reason: str | None
    enabled_by: str = strawberry.field(description="Who enabled it, as type:id.")
    created_at: datetime
    report_pk: strawberry.Private[uuid.UUID | None]

    @strawberry.field(description="The report that met the margin (null for an override).")  # type: ignore[untyped-decorator]
    async def calibration_report(self, info: strawberry.Info) -> CalibrationReportType | None:
        if self.report_pk is None:
            return None
        row = await info.context.loaders.load(loaders.reports_by_id, self.report_pk)
        return CalibrationReportType.from_model(row) if row is not None else None

    @classmethod
    def from_model(cls, row: EvaluatorEnablement) -> EvaluatorEnablementType:
        return cls(id=strawberry.ID(encode_id("EvaluatorEnablement", row.id)),
                   evaluator=row.evaluator, evaluator_version=row.evaluator_version,
                   judge=row.judge, model=row.model,
                   overridden=row.calibration_report_id is None,
                   override_reason=row.override_reason or None, enabled_by=row.enabled_by,
                   created_at=row.created_at, report_pk=row.calibration_report_id)


@strawberry.type(name="Evaluator", description="An installed evaluator (its current version).")
class EvaluatorType:
    slug: str
    version: str
    title: str
    description: str
    default_threshold: float
    requires: list[RequirementEnum]  # type: ignore[valid-type]
    uses_judge: bool = strawberry.field(description="Whether it calls a judge (and so needs "
                                        "enabling for the judge's model).")
    margin: CalibrationMarginType
    distribution: str = strawberry.field(description="The package that ships it.")

    @strawberry.field(description="Its enablements in this organization, every version, "
                      "newest first.")  # type: ignore[untyped-decorator]
    async def enablements(self, info: strawberry.Info) -> list[EvaluatorEnablementType]:
        rows = await info.context.loaders.load(loaders.enablements_by_evaluator, self.slug)
        return [EvaluatorEnablementType.from_model(row) for row in rows]

    @strawberry.field(description="The latest calibration report of the current version per "
                      "judge model, by judge and model.")  # type: ignore[untyped-decorator]
    async def calibrations(self, info: strawberry.Info) -> list[CalibrationReportType]:
        rows = await info.context.loaders.load(loaders.latest_reports,
                                               (self.slug, self.version))
        return [CalibrationReportType.from_model(row) for row in rows]

    @classmethod
    def of(cls, plugin: type[Evaluator], distribution: str) -> EvaluatorType:
        return cls(slug=plugin.name, version=plugin.version, title=plugin.title,
                   description=plugin.description,
                   default_threshold=plugin.default_threshold,
                   requires=sorted(plugin.requires), uses_judge=plugin.uses_judge,
                   margin=CalibrationMarginType.of(plugin.margin), distribution=distribution)


def catalog() -> list[EvaluatorType]:
    """Every loaded evaluator, by slug."""
    loaded = evaluators().plugins
    return [EvaluatorType.of(loaded[slug].plugin, loaded[slug].distribution)
            for slug in sorted(loaded)]


register_node("Judge", permission=Permission.JUDGE_READ, load=loaders.judges_by_id,
              to_type=JudgeType.from_model)
register_node("EvaluatorEnablement", permission=Permission.EVALUATOR_READ,
              load=loaders.enablements_by_id, to_type=EvaluatorEnablementType.from_model)
