"""enableEvaluator: the calibration gate."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.errors import MutationError, ValidationError, returns_errors
from assay.graphql.judging.inputs import EnableEvaluatorInput
from assay.graphql.judging.types import (
    CalibrationMarginType,
    CalibrationReportType,
    EvaluatorEnablementType,
)
from assay.graphql.permissions import guarded_mutation
from assay.judging import gate
from assay.organizations.models import Role


@strawberry.type(description="The calibration gate keeps this evaluator version closed for "
                 "the judge model; nothing was changed. NO_CALIBRATION: no report yet; "
                 "OUTSIDE_MARGIN: the latest report misses the margin; OVERRIDE_NOT_ALLOWED: "
                 "only an owner may override with a reason.")
class EvaluatorGateError(MutationError):
    evaluator: str
    evaluator_version: str
    judge: str
    model: str
    margin: CalibrationMarginType
    report: CalibrationReportType | None = strawberry.field(
        description="The latest report for this version and model, when there is one.")

    @classmethod
    def of(cls, refused: gate.GateRefused) -> EvaluatorGateError:
        report = refused.report
        return cls(code=refused.code, message=refused.message, evaluator=refused.evaluator,
                   evaluator_version=refused.version, judge=refused.judge,
                   model=refused.model, margin=CalibrationMarginType.of(refused.margin),
                   report=CalibrationReportType.from_model(report) if report else None)


@strawberry.type
class EnableEvaluatorSuccess:
    enablement: EvaluatorEnablementType
    created: bool = strawberry.field(description="False when it was enabled already.")


EnableEvaluatorResult = Annotated[
    EnableEvaluatorSuccess | ValidationError | EvaluatorGateError,
    strawberry.union("EnableEvaluatorResult"),
]


@strawberry.type
class EnableEvaluatorMutation:
    @guarded_mutation(Permission.EVALUATOR_MANAGE,
                      description="Allow the evaluator's current version with a judge model: "
                      "its latest calibration report with that model must be within the "
                      "evaluator's margin, or an owner overrides with a written reason. "
                      "Enabling it again changes nothing.")
    @returns_errors
    async def enable_evaluator(self, info: strawberry.Info, input: EnableEvaluatorInput
                               ) -> EnableEvaluatorResult:
        try:
            enabled = await gate.enable(input.evaluator, provider=input.judge,
                                        model=input.model,
                                        override_reason=input.override_reason,
                                        is_owner=info.context.principal.role is Role.OWNER)
        except gate.GateRefused as refused:
            return EvaluatorGateError.of(refused)
        return EnableEvaluatorSuccess(
            enablement=EvaluatorEnablementType.from_model(enabled.enablement),
            created=enabled.created)
