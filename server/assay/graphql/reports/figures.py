"""The report's figures as typed GraphQL objects, each read from the snapshot alone."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry

from assay.evaluations.scoring import ScoreStatus
from assay.graphql.evaluations.types import ScoreStatusEnum


class CaseStatus(StrEnum):
    PASSED = "PASSED"
    FAILED = "FAILED"
    ERROR = "ERROR"
    TIMEOUT = "TIMEOUT"
    CANCELLED = "CANCELLED"


ReportCaseStatusEnum = strawberry.enum(
    CaseStatus, name="ReportCaseStatus",
    description="PASSED / FAILED: the evaluation's verdict; ERROR, TIMEOUT, CANCELLED: the "
    "case got no answer to score.")


@strawberry.type(description="The report's counts and headline figures.")
class ReportTotals:
    cases: int
    passed: int
    failed: int = strawberry.field(description="Did not pass, and did not error or time out.")
    errored: int
    timed_out: int
    pii_alerts: int = strawberry.field(description="Personal data found in answers.")
    pass_rate: float = strawberry.field(description="passed / cases.")
    overall_score: float | None = strawberry.field(
        description="The mean of the cases' scores (cases without one left out).")
    meets_threshold: bool = strawberry.field(description="passRate >= the report's "
                                             "threshold.")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportTotals:
        return cls(**value)


@strawberry.type(description="The cases' total latency (the sum of their turns'), in ms; "
                 "nearest-rank percentiles over the cases that got a timed reply.")
class ReportLatency:
    count: int
    mean: float
    p50: float
    p90: float
    p99: float
    max: float

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportLatency:
        return cls(**value)


@strawberry.type(description="One evaluator (version) over every case of the report.")
class ReportEvaluatorFigures:
    slug: str
    title: str
    version: str
    scored: int
    passed: int
    failed: int
    skipped: int
    errored: int
    mean: float | None
    stdev: float | None = strawberry.field(description="Population standard deviation.")
    min: float | None
    max: float | None
    histogram: list[int] = strawberry.field(
        description="Ten counts of scores: [0, 0.1), [0.1, 0.2) ... [0.9, 1.0].")

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportEvaluatorFigures:
        return cls(**value)


@strawberry.type(description="A case that errored or timed out, and why.")
class ReportError:
    run_case_id: strawberry.ID
    title: str
    status: ReportCaseStatusEnum  # type: ignore[valid-type]
    error_code: str
    error_message: str

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportError:
        return cls(**{**value, "status": CaseStatus(value["status"])})


@strawberry.type(description="Personal data found in an answer (the value masked).")
class ReportPiiAlert:
    run_case_id: strawberry.ID
    title: str
    turn: int = strawberry.field(description="The turn of the answer, from 0.")
    type: str
    masked: str
    score: float

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportPiiAlert:
        return cls(**value)


@strawberry.type(description="One message of a conversation.")
class ReportTurn:
    role: str = strawberry.field(description="user or agent.")
    content: str


@strawberry.type(description="An assert the case failed.")
class ReportFailedAssert:
    type: str
    reason: str


@strawberry.type(description="One evaluator's verdict on one case of the report.")
class ReportCaseEvaluator:
    slug: str
    status: ScoreStatusEnum  # type: ignore[valid-type]
    score: float | None
    passed: bool | None
    threshold: float
    explanation: str
    reason: str

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportCaseEvaluator:
        return cls(**{**value, "status": ScoreStatus(value["status"])})


@strawberry.type(description="A case of the report: its question, answer and verdicts.")
class ReportCase:
    evaluation_id: strawberry.ID
    run_case_id: strawberry.ID
    test_case_id: strawberry.ID
    title: str
    suites: list[str]
    status: ReportCaseStatusEnum  # type: ignore[valid-type]
    passed: bool
    score: float | None
    latency_ms: float
    input: str
    answer: str = strawberry.field(description="The last answer; personal data masked.")
    expected_output: str
    turns: list[ReportTurn] = strawberry.field(
        description="The conversation (conversational cases; empty otherwise).")
    failed_asserts: list[ReportFailedAssert]
    evaluators: list[ReportCaseEvaluator]

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportCase:
        return cls(**{
            **value, "status": CaseStatus(value["status"]),
            "turns": [ReportTurn(**turn) for turn in value["turns"]],
            "failed_asserts": [ReportFailedAssert(**a) for a in value["failed_asserts"]],
            "evaluators": [ReportCaseEvaluator.from_json(e) for e in value["evaluators"]]})


@strawberry.type(description="A case's verdict on one side of a comparison.")
class ReportVerdict:
    passed: bool
    score: float | None


@strawberry.type(description="A case whose verdict or score changed since the baseline.")
class ReportCaseChange:
    test_case_id: strawberry.ID
    title: str
    before: ReportVerdict
    after: ReportVerdict

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportCaseChange:
        return cls(test_case_id=value["test_case_id"], title=value["title"],
                   before=ReportVerdict(**value["before"]),
                   after=ReportVerdict(**value["after"]))


@strawberry.type(description="An evaluator's mean score in the baseline and now.")
class ReportEvaluatorDelta:
    slug: str
    before: float | None
    after: float | None
    delta: float | None


@strawberry.type(description="A case whose verdict differs between the report's runs.")
class ReportFlakyCase:
    test_case_id: strawberry.ID
    title: str
    verdicts: list[bool] = strawberry.field(description="In evaluation order.")


@strawberry.type(description="The baseline a report is compared with.")
class ReportBaseline:
    evaluation_id: strawberry.ID
    run_id: strawberry.ID


@strawberry.type(description="The comparison with a baseline evaluation, and flaky cases. "
                 "Without a baseline only flaky is filled.")
class ReportComparison:
    baseline: ReportBaseline | None
    overall_delta: float | None
    pass_rate_delta: float | None
    regressions: list[ReportCaseChange] = strawberry.field(
        description="Passed then, fails now; or the score dropped by 0.1 or more.")
    improvements: list[ReportCaseChange]
    evaluator_deltas: list[ReportEvaluatorDelta]
    flaky: list[ReportFlakyCase]

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportComparison:
        baseline = value["baseline"]
        return cls(baseline=None if baseline is None else ReportBaseline(**baseline),
                   overall_delta=value["overall_delta"],
                   pass_rate_delta=value["pass_rate_delta"],
                   regressions=[ReportCaseChange.from_json(c) for c in value["regressions"]],
                   improvements=[ReportCaseChange.from_json(c)
                                 for c in value["improvements"]],
                   evaluator_deltas=[ReportEvaluatorDelta(**d)
                                     for d in value["evaluator_deltas"]],
                   flaky=[ReportFlakyCase(**f) for f in value["flaky"]])


@strawberry.type(description="An evaluator as one of the report's evaluations applied it.")
class ReportEvaluatorChoice:
    slug: str
    title: str
    version: str
    threshold: float
    weight: float


@strawberry.type(description="The agent connection a run used, as the run froze it.")
class ReportAgentConnection:
    name: str
    kind: str


@strawberry.type(description="The judge an evaluation called.")
class ReportJudge:
    provider: str
    model: str


@strawberry.type(description="One of the evaluations the report consolidates.")
class ReportEvaluation:
    evaluation_id: strawberry.ID
    run_id: strawberry.ID
    run_started_at: str | None
    run_finished_at: str | None
    connection: ReportAgentConnection
    judge: ReportJudge | None = strawberry.field(description="Null when none was called.")
    evaluators: list[ReportEvaluatorChoice]

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ReportEvaluation:
        judge = value["judge"]
        return cls(evaluation_id=value["id"], run_id=value["run_id"],
                   run_started_at=value["run_started_at"],
                   run_finished_at=value["run_finished_at"],
                   connection=ReportAgentConnection(**value["connection"]),
                   judge=ReportJudge(**judge) if judge else None,
                   evaluators=[ReportEvaluatorChoice(**e) for e in value["evaluators"]])
