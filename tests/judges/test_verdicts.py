"""Reading verdicts out of model replies, and summarising samples."""

from __future__ import annotations

import pytest

from assay_sdk.verdicts import (
    MalformedVerdict,
    Verdict,
    first_json_object,
    parse_verdict,
    repair_message,
    summarise,
)


@pytest.mark.parametrize(("text", "expected"), [
    ('{"score": 0.8, "explanation": "on topic"}', Verdict(0.8, "on topic")),
    ('```json\n{"score": 1, "explanation": "exact"}\n```', Verdict(1.0, "exact")),
    ('Here is my verdict: {"score": 0.25, "explanation": "off {topic}"} Hope it helps.',
     Verdict(0.25, "off {topic}")),
    ('{"score": " 0.5 ", "explanation": "  half  "}', Verdict(0.5, "half")),
    ('{"note": {"a": 1}} then {"score": 0, "explanation": "none"}', Verdict(0.0, "none")),
    ('{"score": 0.75, "explanation": "ok", "details": {"x": [1, 2]}}', Verdict(0.75, "ok")),
])
def test_valid_verdicts_are_read(text: str, expected: Verdict) -> None:
    assert parse_verdict(text) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("", "the reply is empty"),
    ("I think it is good.", "the reply contains no JSON object"),
    ('{"score: 1}', "the reply contains no JSON object"),
    ('{"verdict": 1, "explanation": "x"}', 'the JSON object has no "score"'),
    ('{"score": 7, "explanation": "x"}',
     "score 7 is outside [0, 1]: use the rubric's anchors from 0 to 1"),
    ('{"score": -0.5, "explanation": "x"}',
     "score -0.5 is outside [0, 1]: use the rubric's anchors from 0 to 1"),
    ('{"score": "high", "explanation": "x"}', '"score" must be a number from 0 to 1, not "high"'),
    ('{"score": true, "explanation": "x"}', '"score" must be a number from 0 to 1, not true'),
    ('{"score": null, "explanation": "x"}', '"score" must be a number from 0 to 1, not null'),
    ('{"score": "nan", "explanation": "x"}', '"score" must be a number from 0 to 1, not nan'),
    ('{"score": 0.5}', '"explanation" must be a non-empty string'),
    ('{"score": 0.5, "explanation": " "}', '"explanation" must be a non-empty string'),
])
def test_invalid_verdicts_say_exactly_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(MalformedVerdict) as caught:
        parse_verdict(text)

    assert caught.value.problem == problem


def test_the_first_object_is_returned_when_none_has_a_score() -> None:
    assert first_json_object('x {"a": 1} y {"b": 2}') == {"a": 1}
    assert first_json_object("no braces") is None


def test_the_repair_follow_up_names_the_problem() -> None:
    assert repair_message("score 7 is outside [0, 1]") == (
        "Your previous reply is not a valid verdict: score 7 is outside [0, 1]. Reply again "
        'with only the JSON object {"score": <a number from 0 to 1>, "explanation": "<one '
        'to three sentences>"} and nothing else.')


def test_samples_summarise_to_mean_spread_and_the_closest_explanation() -> None:
    summary = summarise([Verdict(0.25, "low"), Verdict(1.0, "high"), Verdict(0.5, "mid")])

    assert (summary.score, summary.spread, summary.explanation) == (0.5833333333333334, 0.75,
                                                                    "mid")
    assert summary.scores == (0.25, 1.0, 0.5)


def test_equally_close_samples_keep_the_first_explanation() -> None:
    summary = summarise([Verdict(0.25, "first"), Verdict(0.75, "second")])

    assert (summary.score, summary.explanation, summary.spread) == (0.5, "first", 0.5)
