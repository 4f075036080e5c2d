"""The snapshot contract: the sample validates, and the validator catches what breaks it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from assay.reports.snapshot_schema import SnapshotInvalid, snapshot_problems, validate_snapshot

SAMPLE = Path(__file__).with_name("sample_snapshot.json")


def sample() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return loaded


def test_the_sample_is_a_valid_snapshot() -> None:
    snapshot = sample()
    assert snapshot_problems(snapshot) == []
    assert snapshot["totals"] == {"cases": 6, "passed": 3, "failed": 2, "errored": 1,
                                  "timed_out": 0, "pii_alerts": 1, "pass_rate": 0.5,
                                  "overall_score": 0.81, "meets_threshold": False}
    assert [len(snapshot[key]) for key in ("evaluators", "errors", "pii_alerts", "cases")] \
        == [2, 1, 1, 6]
    assert sum(1 for case in snapshot["cases"] if case["turns"]) == 1
    assert snapshot["comparison"]["baseline"] is not None


def test_an_unknown_key_a_missing_key_and_a_wrong_type_are_each_named() -> None:
    snapshot = sample()
    snapshot["surprise"] = 1
    del snapshot["latency_ms"]["p99"]
    snapshot["cases"][0]["score"] = 1.5
    with pytest.raises(SnapshotInvalid) as caught:
        validate_snapshot(snapshot)
    assert caught.value.problems == [
        "$: Additional properties are not allowed ('surprise' was unexpected)",
        "$.cases[0].score: 1.5 is greater than the maximum of 1",
        "$.latency_ms: 'p99' is a required property",
    ]


def test_totals_that_disagree_with_the_cases_are_refused() -> None:
    snapshot = sample()
    snapshot["totals"]["passed"] = 4
    snapshot["errors"] = []
    assert snapshot_problems(snapshot) == [
        "$.totals.passed: is 4, but the cases say 3",
        "$.errors: must list every ERROR and TIMEOUT case",
    ]


def test_a_histogram_has_ten_buckets_and_a_judge_is_empty_or_complete() -> None:
    snapshot = sample()
    snapshot["evaluators"][0]["histogram"] = [1] * 9
    snapshot["evaluations"][0]["judge"] = {"provider": "openai"}
    problems = snapshot_problems(snapshot)
    assert len(problems) == 2
    assert problems[0].startswith("$.evaluations[0].judge: {'provider': 'openai'} is not valid")
    assert problems[1] == "$.evaluators[0].histogram: [1, 1, 1, 1, 1, 1, 1, 1, 1] is too short"
    no_judge = copy.deepcopy(sample())
    no_judge["evaluations"][0]["judge"] = {}
    no_judge["comparison"] = None
    assert snapshot_problems(no_judge) == []
