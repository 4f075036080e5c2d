"""The Evaluation type, its case results and their per-evaluator scores."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from assay.auth.permissions import Permission
from assay.evaluations.models import Evaluation, EvaluationCaseResult, EvaluationStatus
from assay.evaluations.scoring import ScoreStatus
from assay.graphql.evaluations import loaders
from assay.graphql.node import register_node
from assay.graphql.relay import Connection, Node, PageRequest, connection_from_rows, encode_id
from assay.graphql.runs.loaders import runs_by_id
from assay.graphql.runs.types import RunCaseType, RunType
from assay.graphql.testing.types import described

EvaluationStatusEnum = strawberry.enum(
    EvaluationStatus, name="EvaluationStatus",
    description="QUEUED → RUNNING → COMPLETED (every case scored).")
ScoreStatusEnum = strawberry.enum(
    ScoreStatus, name="EvaluatorScoreStatus",
    description="SCORED: the evaluator gave a score; SKIPPED: the case lacks what it needs "
    "(see reason); ERROR: it could not score (see errorCode and reason).")


@strawberry.type(description="An evaluator as the evaluation applies it to every case.")
class EvaluationEvaluator:
    slug: str
    version: str = strawberry.field(description="The version every score was given by.")
    title: str
    threshold: float = strawberry.field(description="The score a case must reach to pass.")
    weight: float = strawberry.field(description="Its weight in each case's score.")
    uses_judge: bool
    prompt_hash: str | None = strawberry.field(
        description="SHA-256 of its prompt template, rubric and system prompt (LLM "
        "evaluators).")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> EvaluationEvaluator:
        return cls(slug=value["slug"], version=value["version"], title=value["title"],
                   threshold=value["threshold"], weight=value["weight"],
                   uses_judge=value["uses_judge"], prompt_hash=value.get("prompt_hash"))


@strawberry.type(description="The judge as the evaluation recorded it (never its key).")
class EvaluationJudge:
    judge_id: strawberry.ID = strawberry.field(
        description="The judge configuration (it may have changed or gone since).")
    name: str
    provider: str
    provider_version: str
    model: str
    base_url: str | None
    temperature: float
    samples: int

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> EvaluationJudge:
        return cls(judge_id=strawberry.ID(encode_id("Judge",
                                                    uuid.UUID(value["configuration_id"]))),
                   name=value["name"], provider=value["provider"],
                   provider_version=value.get("provider_version", ""), model=value["model"],
                   base_url=value.get("base_url") or None,
                   temperature=value.get("temperature", 0.0),
                   samples=value.get("samples", 1))


@strawberry.type(description="Cases per verdict; pending = not scored yet.")
class EvaluationCounts:
    total: int
    done: int
    passed: int
    failed: int = strawberry.field(description="Cases that failed an assert or an "
                                   "evaluator's threshold, or leaked personal data.")
    errored: int = strawberry.field(description="Cases that failed only because an "
                                    "evaluator could not score them (e.g. the judge failed).")
    pii_leaks: int = strawberry.field(description="Cases whose answer leaked personal data.")
    pending: int


@strawberry.type(description="One evaluator over the whole evaluation.")
class EvaluatorSummary:
    slug: str
    mean: float | None = strawberry.field(description="Its mean score over the cases it "
                                          "scored; null when it scored none.")
    passed: int
    failed: int
    skipped: int
    errored: int


@strawberry.type(description="One evaluator's verdict on one case.")
class EvaluatorScore:
    slug: str
    version: str
    status: ScoreStatusEnum  # type: ignore[valid-type]
    score: float | None = strawberry.field(description="In [0, 1]; null unless SCORED.")
    passed: bool | None = strawberry.field(description="score >= threshold; null unless "
                                           "SCORED.")
    threshold: float
    weight: float
    explanation: str
    reason: str | None = strawberry.field(description="Why it was SKIPPED or is an ERROR.")
    error_code: str | None = strawberry.field(
        description="AUTHENTICATION, RATE_LIMITED, TIMEOUT, UNAVAILABLE, CONFIGURATION, "
        "MALFORMED, SSRF_REFUSED (the judge), PLUGIN_FAILED, EVALUATOR_CHANGED, "
        "EVALUATOR_UNAVAILABLE, JUDGE_NOT_CONFIGURED, JOB_FAILED.")
    details: JSON = strawberry.field(description="Per-sample scores, spread, model...")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> EvaluatorScore:
        details: Any = value.get("details") or {}
        return cls(slug=value["slug"], version=value["version"],
                   status=ScoreStatus(value["status"]), score=value.get("score"),
                   passed=value.get("passed"), threshold=value["threshold"],
                   weight=value["weight"], explanation=value.get("explanation", ""),
                   reason=value.get("reason") or None,
                   error_code=value.get("error_code") or None,
                   details=details)


@strawberry.type(name="CasePiiFinding",
                 description="Personal data found in an answer; the value itself is masked.")
class PiiFindingType:
    type: str = strawberry.field(description="EMAIL, PHONE, CREDIT_CARD, IBAN, ...")
    turn: int | None = strawberry.field(description="The turn (from 0) of the answer.")
    start: int
    end: int = strawberry.field(description="Exclusive, in characters.")
    score: float
    masked: str

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> PiiFindingType:
        return cls(type=str(value.get("type", "")), turn=value.get("turn"),
                   start=int(value.get("start", 0)), end=int(value.get("end", 0)),
                   score=float(value.get("score", 0.0)), masked=str(value.get("masked", "")))


@strawberry.type(name="EvaluationCaseResult", description="How one case of the run scored. "
                 "Written once; contentHash is the SHA-256 of its canonical JSON.")
class EvaluationCaseResultType:
    passed: bool = strawberry.field(description="Every assert passed, every evaluator met its "
                                    "threshold, none failed to score, and no PII leaked.")
    score: float | None = strawberry.field(description="Weighted mean of the evaluators' "
                                           "scores; null when none scored.")
    asserts_passed: bool = strawberry.field(description="The case ran and all its asserts "
                                            "passed.")
    pii_leak: bool
    pii_findings: list[PiiFindingType]
    scores: list[EvaluatorScore]
    judge_calls: int = strawberry.field(description="Judge calls made for this case.")
    cache_hits: int = strawberry.field(description="Verdicts served from the judge cache.")
    input_tokens: int
    output_tokens: int
    content_hash: str
    created_at: datetime
    run_case_pk: strawberry.Private[uuid.UUID]

    @described("The case as the run froze it, with its result (the agent's answers).")
    async def run_case(self, info: strawberry.Info) -> RunCaseType:
        row = await info.context.loaders.load(loaders.run_cases_by_id, self.run_case_pk)
        return RunCaseType.from_model(row)

    @classmethod
    def from_model(cls, row: EvaluationCaseResult) -> EvaluationCaseResultType:
        return cls(passed=row.passed, score=row.score, asserts_passed=row.asserts_passed,
                   pii_leak=row.pii_leak,
                   pii_findings=[PiiFindingType.from_json(f) for f in row.pii_findings],
                   scores=[EvaluatorScore.from_json(s) for s in row.scores],
                   judge_calls=row.judge_calls, cache_hits=row.cache_hits,
                   input_tokens=row.input_tokens, output_tokens=row.output_tokens,
                   content_hash=row.content_hash, created_at=row.created_at,
                   run_case_pk=row.run_case_id)


@dataclass(frozen=True)
class _CaseRow:
    """A case result with its run case's id as the cursor (pages are in run order)."""

    id: uuid.UUID
    row: EvaluationCaseResult


def _summary(summary: dict[str, Any], evaluators: list[dict[str, Any]]
             ) -> list[EvaluatorSummary]:
    out = []
    for evaluator in evaluators:
        entry = summary.get(evaluator["slug"])
        if entry is not None:
            out.append(EvaluatorSummary(slug=evaluator["slug"], mean=entry.get("mean"),
                                        passed=entry["passed"], failed=entry["failed"],
                                        skipped=entry["skipped"], errored=entry["errored"]))
    return out


@strawberry.type(name="Evaluation", description="The scoring of a finished run with chosen "
                 "evaluators; what it recorded never changes.")
class EvaluationType(Node):
    status: EvaluationStatusEnum  # type: ignore[valid-type]
    evaluators: list[EvaluationEvaluator]
    judge: EvaluationJudge | None = strawberry.field(
        description="Null when no evaluator calls a judge.")
    counts: EvaluationCounts
    overall_score: float | None = strawberry.field(
        description="The mean of the cases' scores (cases without one left out), once "
        "COMPLETED.")
    pass_rate: float | None = strawberry.field(description="passed / total, once COMPLETED.")
    summary: list[EvaluatorSummary] = strawberry.field(
        description="Per evaluator, in the evaluation's order, once COMPLETED.")
    judge_calls: int = strawberry.field(description="Judge calls made (retries and repairs "
                                        "included; none for verdicts from the cache).")
    cache_hits: int = strawberry.field(description="Verdicts served from the judge cache.")
    input_tokens: int
    output_tokens: int
    idempotency_key: str | None
    created_by: str = strawberry.field(description="Who asked for it, as type:id.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    pk: strawberry.Private[uuid.UUID]
    run_pk: strawberry.Private[uuid.UUID]

    @described("The run it scores.")
    async def run(self, info: strawberry.Info) -> RunType:
        row = await info.context.loaders.load(runs_by_id, self.run_pk)
        return RunType.from_model(row)

    @described("Its case results in run order; `passed` keeps only the cases that passed "
               "(true) or did not (false).")
    async def cases(self, info: strawberry.Info, passed: bool | None = None,
                    first: int | None = None, after: str | None = None
                    ) -> Connection[EvaluationCaseResultType]:
        page = PageRequest.of(first, after)
        key = loaders.CasePageKey(self.pk, passed, page.size + 1, page.after)
        rows = await info.context.loaders.load(loaders.case_pages, key)
        counts = self.counts
        total = counts.done if passed is None else \
            counts.passed if passed else counts.done - counts.passed

        async def count() -> int:
            return total

        wrapped = [_CaseRow(row.run_case_id, row) for row in rows]
        return connection_from_rows(
            wrapped, lambda item: EvaluationCaseResultType.from_model(item.row), page, count)

    @classmethod
    def from_model(cls, row: Evaluation) -> EvaluationType:
        done = row.passed + row.failed + row.errored
        counts = EvaluationCounts(total=row.total, done=done, passed=row.passed,
                                  failed=row.failed, errored=row.errored,
                                  pii_leaks=row.pii_leaks, pending=row.total - done)
        judge = EvaluationJudge.from_json(row.judge) if row.judge else None
        return cls(id=strawberry.ID(encode_id("Evaluation", row.id)), pk=row.id,
                   run_pk=row.run_id, status=row.status,
                   evaluators=[EvaluationEvaluator.from_json(e) for e in row.evaluators],
                   judge=judge, counts=counts, overall_score=row.overall_score,
                   pass_rate=row.pass_rate,
                   summary=_summary(row.summary or {}, row.evaluators),
                   judge_calls=row.judge_calls, cache_hits=row.cache_hits,
                   input_tokens=row.input_tokens, output_tokens=row.output_tokens,
                   idempotency_key=row.idempotency_key, created_by=row.created_by,
                   created_at=row.created_at, started_at=row.started_at,
                   finished_at=row.finished_at)


register_node("Evaluation", permission=Permission.EVALUATION_READ,
              load=loaders.evaluations_by_id, to_type=EvaluationType.from_model)
