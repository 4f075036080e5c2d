"""evaluateRun."""

from __future__ import annotations

from typing import Annotated

import strawberry

from assay.auth.permissions import Permission
from assay.errors import Issue, ValidationFailed
from assay.evaluations import queue, service
from assay.graphql.errors import ConflictError, NotFoundError, ValidationError, returns_errors
from assay.graphql.evaluations.types import EvaluationType
from assay.graphql.permissions import guarded_mutation
from assay.graphql.relay import expect_id
from assay.tenancy.scope import require_org


@strawberry.input(description="A value for one chosen evaluator.")
class EvaluatorValueInput:
    evaluator: str = strawberry.field(description="The evaluator's slug.")
    value: float


@strawberry.input
class EvaluateRunInput:
    run_id: strawberry.ID = strawberry.field(description="A finished run.")
    evaluators: list[str] = strawberry.field(
        description="Evaluator slugs (see the evaluator catalog), each once. An empty list "
        "evaluates the run's asserts and PII findings only: no judge, a case passes when its "
        "asserts passed and it leaked no personal data, and scores are null.")
    judge_id: strawberry.ID | None = strawberry.field(
        default=None, description="The judge to call; default: the organization's default "
        "judge. Needed only when an evaluator calls one.")
    thresholds: list[EvaluatorValueInput] | None = strawberry.field(
        default=None, description="Per evaluator, the score in [0, 1] a case must reach "
        "(default: the evaluator's own).")
    weights: list[EvaluatorValueInput] | None = strawberry.field(
        default=None, description="Per evaluator, its weight in (0, 100] in a case's score "
        "(default 1).")
    idempotency_key: str | None = strawberry.field(
        default=None, description="Asking again with the same key returns the same "
        "evaluation.")

    def values(self, name: str) -> dict[str, float]:
        """Thresholds or weights by slug; a slug given twice is a validation error."""
        given: list[EvaluatorValueInput] = getattr(self, name) or []
        values: dict[str, float] = {}
        issues = []
        for index, item in enumerate(given):
            slug = item.evaluator.strip()
            if slug in values:
                issues.append(Issue(("input", name, str(index), "evaluator"),
                                    f"{slug!r} is given twice: give each evaluator one value",
                                    "DUPLICATE_EVALUATOR"))
            values[slug] = item.value
        if issues:
            raise ValidationFailed(issues)
        return values


@strawberry.type
class EvaluateRunSuccess:
    evaluation: EvaluationType
    created: bool = strawberry.field(
        description="False when the idempotency key named an evaluation made earlier.")


EvaluateRunResult = Annotated[
    EvaluateRunSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("EvaluateRunResult"),
]


@strawberry.type
class EvaluateRunMutation:
    @guarded_mutation(
        Permission.EVALUATION_CREATE,
        description="Score a finished run with chosen evaluators (none: asserts and PII only): "
        "an evaluation is written and one job per case is queued; follow it with "
        "evaluationProgress. Errors (nothing is written): RUN_NOT_FINISHED, "
        "UNKNOWN_EVALUATOR, EVALUATOR_UNAVAILABLE, JUDGE_NOT_CONFIGURED, "
        "EVALUATOR_NOT_ENABLED, and invalid thresholds or weights.")
    @returns_errors
    async def evaluate_run(self, info: strawberry.Info, input: EvaluateRunInput
                           ) -> EvaluateRunResult:
        judge_pk = expect_id(input.judge_id, "Judge", "input.judgeId") \
            if input.judge_id else None
        started = await service.evaluate_run(
            run_id=expect_id(input.run_id, "Run", "input.runId"),
            evaluators=list(input.evaluators), judge_id=judge_pk,
            thresholds=input.values("thresholds"), weights=input.values("weights"),
            idempotency_key=input.idempotency_key,
        )
        if started.created and started.evaluation.status == "QUEUED":
            # In the operation's transaction, as runs do: if queueing fails, the evaluation
            # is not written either; a job that starts before the commit waits for it.
            await queue.enqueue_cases(info.context.settings, require_org(),
                                      started.evaluation.id, started.run_case_ids)
        return EvaluateRunSuccess(evaluation=EvaluationType.from_model(started.evaluation),
                                  created=started.created)
