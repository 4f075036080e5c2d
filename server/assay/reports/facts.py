"""What a report is computed from: plain values read once from an evaluation's rows.

The figures, the comparison and the snapshot are pure functions of these facts, so they are
tested on known values and never touch the database; :mod:`assay.reports.gathering` reads
the rows into them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

#: Snapshot floats carry this many decimals.
DECIMALS = 4


def r4(value: float) -> float:
    """``value`` rounded for the snapshot (-0.0 becomes 0.0)."""
    return round(value, DECIMALS) + 0.0


def r4_or_none(value: float | None) -> float | None:
    return None if value is None else r4(value)


def mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


@dataclass(frozen=True)
class EvaluatorChoice:
    """An evaluator as one evaluation applied it."""

    slug: str
    title: str
    version: str
    threshold: float
    weight: float


@dataclass(frozen=True)
class EvaluationFacts:
    id: str
    run_id: str
    run_started_at: str | None
    run_finished_at: str | None
    connection_name: str
    connection_kind: str
    #: {"provider", "model"}, or {} when no evaluator called a judge.
    judge: dict[str, str]
    evaluators: list[EvaluatorChoice]


@dataclass(frozen=True)
class CaseFacts:
    """One case of one evaluation: how it ran and how it scored."""

    evaluation_id: str
    run_id: str
    run_case_id: str
    test_case_id: str
    title: str
    suites: list[str]
    #: The run's status of the case: PASSED, FAILED, ERROR, TIMEOUT, CANCELLED.
    run_status: str
    #: The evaluation's verdict and weighted score.
    passed: bool
    score: float | None
    #: Each turn's measured latency, in order (empty when no reply was timed).
    latencies: list[float]
    input: str
    answer: str
    expected_output: str
    #: The conversation ({"role", "content"}), for conversational cases.
    turns: list[dict[str, str]]
    #: {"type", "reason"} of each assert that failed.
    failed_asserts: list[dict[str, str]]
    #: The evaluation's entries: slug, version, status, score, passed, threshold, ...
    scores: list[dict[str, Any]]
    error_code: str = ""
    error_message: str = ""
    #: Masked findings: type, turn, start, end, score, masked.
    pii_findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The case's status in the report: the verdict when it ran to an answer, else why
        it did not (ERROR, TIMEOUT, CANCELLED)."""
        if self.run_status in ("ERROR", "TIMEOUT", "CANCELLED"):
            return self.run_status
        return "PASSED" if self.passed else "FAILED"

    @property
    def latency_ms(self) -> float:
        """The case's total latency: the sum of its turns' latencies."""
        return math.fsum(self.latencies)
