"""Deterministic asserts: validation when saved, and verdicts with precise reasons when checked."""

from __future__ import annotations

from typing import Any

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

from assay.errors import Issue, ValidationFailed
from assay.testing.asserts import (
    SUPPORTED_LANGUAGES,
    AssertOutcome,
    check,
    detect_language,
    validate_asserts,
)


def issues_of(raw: list[Any]) -> list[tuple[tuple[str, ...], str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_asserts(raw)
    return [(issue.path, issue.code) for issue in caught.value.issues]


def only_issue(raw: dict[str, Any]) -> Issue:
    with pytest.raises(ValidationFailed) as caught:
        validate_asserts([raw])
    assert len(caught.value.issues) == 1, caught.value.issues
    return caught.value.issues[0]


# --------------------------------------------------------------------------- saved form


def test_every_type_is_saved_with_its_defaults_filled() -> None:
    saved = validate_asserts([
        {"type": "contains", "value": "refund"},
        {"type": "not_contains", "value": "sorry", "caseSensitive": True},
        {"type": "equals", "value": "Yes", "negate": True, "description": " exact answer "},
        {"type": "regex", "pattern": r"order #\d+"},
        {"type": "json_schema", "schema": {"type": "object", "required": ["id"]}},
        {"type": "json_path", "path": "choices.0.message.content", "value": "hi"},
        {"type": "json_path", "path": "usage", "mode": "exists"},
        {"type": "response_time_ms", "max": 2000},
        {"type": "max_length", "max": 500},
        {"type": "min_length", "min": 3},
        {"type": "language", "language": "ES"},
    ])

    common = {"negate": False, "description": ""}
    assert saved == [
        {"type": "contains", "value": "refund", "caseSensitive": False, **common},
        {"type": "not_contains", "value": "sorry", "caseSensitive": True, **common},
        {"type": "equals", "value": "Yes", "caseSensitive": False, "negate": True,
         "description": "exact answer"},
        {"type": "regex", "pattern": r"order #\d+", "timeoutMs": 100, "caseSensitive": False,
         **common},
        {"type": "json_schema", "schema": {"type": "object", "required": ["id"]}, **common},
        {"type": "json_path", "path": "choices.0.message.content", "mode": "equals",
         "value": "hi", **common},
        {"type": "json_path", "path": "usage", "mode": "exists", **common},
        {"type": "response_time_ms", "max": 2000, **common},
        {"type": "max_length", "max": 500, **common},
        {"type": "min_length", "min": 3, **common},
        {"type": "language", "language": "es", **common},
    ]


def test_saved_form_validates_to_itself() -> None:
    saved = validate_asserts([
        {"type": "regex", "pattern": "^ok$", "timeoutMs": 250, "caseSensitive": True},
        {"type": "json_path", "path": "a.-1", "value": None, "negate": True},
        {"type": "max_length", "max": 10.0},
    ])

    assert validate_asserts(saved) == saved
    assert saved[2]["max"] == 10
    assert saved[1]["value"] is None


def test_no_asserts_is_an_empty_list() -> None:
    assert validate_asserts([]) == []


# --------------------------------------------------------------------------- refusals


def test_all_problems_are_collected_with_field_paths_and_codes() -> None:
    found = issues_of([
        {"type": "contain", "value": "x"},
        {"type": "regex", "pattern": "a(b"},
        {"type": "json_schema", "schema": {"type": "strin"}},
        {"type": "json_path", "path": "a..b", "value": 1},
        {"type": "max_length", "max": -1, "caseSensitive": True},
        {"type": "contains"},
        {"value": "x"},
        "contains",
    ])

    assert found == [
        (("asserts", "0", "type"), "UNKNOWN_TYPE"),
        (("asserts", "1", "pattern"), "INVALID_REGEX"),
        (("asserts", "2", "schema"), "INVALID_JSON_SCHEMA"),
        (("asserts", "3", "path"), "INVALID_PATH"),
        (("asserts", "4", "caseSensitive"), "NOT_APPLICABLE"),
        (("asserts", "4", "max"), "OUT_OF_RANGE"),
        (("asserts", "5", "value"), "REQUIRED"),
        (("asserts", "6", "type"), "REQUIRED"),
        (("asserts", "7"), "INVALID"),
    ]


def test_path_prefix_is_the_callers() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_asserts([{"type": "regex", "pattern": "("}], path=("input", "asserts"))

    assert caught.value.issues[0].path == ("input", "asserts", "0", "pattern")


def test_unknown_type_names_the_choices_and_the_likely_one() -> None:
    issue = only_issue({"type": "contain", "value": "x"})

    assert issue.message == (
        "'contain' is not an assert type: use one of contains, not_contains, equals, regex, "
        "json_schema, json_path, response_time_ms, max_length, min_length, language, "
        "pii_leak (did you mean 'contains'?)"
    )


def test_bad_regex_says_where_it_breaks() -> None:
    issue = only_issue({"type": "regex", "pattern": "total: (\\d+"})

    assert issue == Issue(
        ("asserts", "0", "pattern"),
        "does not compile: missing ) at position 11; fix the regular expression (Python syntax)",
        "INVALID_REGEX",
    )


def test_bad_json_schema_says_which_keyword() -> None:
    issue = only_issue({"type": "json_schema", "schema": {"properties": {"a": {"minimum": "x"}}}})

    assert issue == Issue(
        ("asserts", "0", "schema"),
        "is not a valid JSON Schema: 'x' is not of type 'number' (at $.properties.a.minimum); "
        "fix that keyword",
        "INVALID_JSON_SCHEMA",
    )


@pytest.mark.parametrize(
    ("schema", "start"),
    [
        ([1], "must be a JSON Schema object"),
        ({"$ref": "https://example.com/s.json"}, "refers to another document with $ref"),
        ({"$schema": "https://example.com/mine", "type": "object"}, "names an unknown $schema"),
    ],
)
def test_schemas_that_cannot_be_used_offline_are_refused(schema: object, start: str) -> None:
    issue = only_issue({"type": "json_schema", "schema": schema})

    assert (issue.path, issue.code) == (("asserts", "0", "schema"), "INVALID_JSON_SCHEMA")
    assert issue.message.startswith(start)


def test_draft_07_schema_and_local_refs_are_accepted() -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"id": {"type": "integer"}},
        "properties": {"id": {"$ref": "#/definitions/id"}},
    }

    assert validate_asserts([{"type": "json_schema", "schema": schema}])[0]["schema"] == schema


@pytest.mark.parametrize("path", ["", "a..b", ".a", "a.", "a. b"])
def test_bad_json_paths_are_refused(path: str) -> None:
    issue = only_issue({"type": "json_path", "path": path, "mode": "exists"})

    assert issue.path == ("asserts", "0", "path")
    assert issue.code == ("REQUIRED" if path == "" else "INVALID_PATH")


def test_json_path_value_rules() -> None:
    assert issues_of([
        {"type": "json_path", "path": "a"},
        {"type": "json_path", "path": "a", "mode": "exists", "value": 1},
        {"type": "json_path", "path": "a", "mode": "matches", "value": 1},
        {"type": "json_path", "path": "a", "value": float("nan")},
    ]) == [
        (("asserts", "0", "value"), "REQUIRED"),
        (("asserts", "1", "value"), "NOT_APPLICABLE"),
        (("asserts", "2", "mode"), "INVALID"),
        (("asserts", "3", "value"), "INVALID"),
    ]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"type": "regex", "pattern": "x", "timeoutMs": 5000}, "timeoutMs"),
        ({"type": "regex", "pattern": "x", "timeoutMs": 0}, "timeoutMs"),
        ({"type": "response_time_ms", "max": 0}, "max"),
        ({"type": "min_length", "min": 0}, "min"),
        ({"type": "max_length", "max": 1_000_001}, "max"),
        ({"type": "language", "language": "xx"}, "language"),
    ],
)
def test_numbers_and_codes_out_of_range(raw: dict[str, Any], field: str) -> None:
    issue = only_issue(raw)

    assert (issue.path, issue.code) == (("asserts", "0", field), "OUT_OF_RANGE")


def test_language_must_be_a_two_letter_code() -> None:
    issue = only_issue({"type": "language", "language": "pt-BR"})

    assert issue == Issue(
        ("asserts", "0", "language"),
        "'pt-BR' is not an ISO 639-1 code: give the two-letter language code, like en, es or "
        "pt, without a region (here 'pt')",
        "INVALID",
    )


def test_case_sensitivity_only_where_it_makes_sense() -> None:
    valid: list[dict[str, Any]] = [
        {"type": "json_schema", "schema": {"type": "object"}},
        {"type": "json_path", "path": "usage", "mode": "exists"},
        {"type": "response_time_ms", "max": 2000},
        {"type": "max_length", "max": 500},
        {"type": "min_length", "min": 3},
        {"type": "language", "language": "en"},
    ]
    for rule in valid:
        assert issues_of([{**rule, "caseSensitive": False}]) == [
            (("asserts", "0", "caseSensitive"), "NOT_APPLICABLE")
        ], rule["type"]


def test_fields_of_other_types_and_unknown_fields() -> None:
    assert issues_of([
        {"type": "contains", "value": "x", "pattern": "y", "case_sensitive": True},
    ]) == [
        (("asserts", "0", "pattern"), "NOT_APPLICABLE"),
        (("asserts", "0", "case_sensitive"), "UNKNOWN_FIELD"),
    ]
    issue = only_issue({"type": "contains", "value": "x", "case_sensitive": True})
    assert issue.message == (
        "is not a field of a 'contains' assert: remove it (did you mean 'caseSensitive'?)"
    )


def test_wrong_value_types() -> None:
    assert issues_of([
        {"type": "contains", "value": 3, "negate": "yes"},
        {"type": "max_length", "max": True},
        {"type": "min_length", "min": 2.5},
        {"type": "equals", "value": "a\x00b"},
    ]) == [
        (("asserts", "0", "value"), "INVALID"),
        (("asserts", "0", "negate"), "INVALID"),
        (("asserts", "1", "max"), "INVALID"),
        (("asserts", "2", "min"), "INVALID"),
        (("asserts", "3", "value"), "INVALID"),
    ]


def test_at_most_fifty_asserts() -> None:
    fifty = [{"type": "contains", "value": str(i)} for i in range(50)]

    assert len(validate_asserts(fifty)) == 50
    assert issues_of([*fifty, {"type": "contains", "value": "x"}]) == [
        (("asserts",), "TOO_MANY")
    ]


def test_not_a_list() -> None:
    assert issues_of({"type": "contains"}) == [(("asserts",), "INVALID")]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- checking


def saved(**raw: Any) -> dict[str, Any]:
    return validate_asserts([raw])[0]


def test_contains_is_case_insensitive_by_default() -> None:
    rule = saved(type="contains", value="refund")

    assert check(rule, "Your REFUND is on its way") == AssertOutcome(
        True, "expected the answer to contain 'refund' (case-insensitive); it does"
    )
    assert check(rule, "We cannot help") == AssertOutcome(
        False, "expected the answer to contain 'refund' (case-insensitive); it does not"
    )


def test_case_sensitive_contains_and_unicode_normalisation() -> None:
    rule = saved(type="contains", value="Café", caseSensitive=True)

    assert check(rule, "Le Cafe\u0301 est ouvert").passed is True  # decomposed é still matches
    assert check(rule, "le café").reason == (
        "expected the answer to contain 'Café' (case-sensitive); it does not"
    )


def test_negation_flips_verdict_and_wording() -> None:
    rule = saved(type="contains", value="refund", negate=True)

    assert check(rule, "Your refund is on its way") == AssertOutcome(
        False, "expected the answer not to contain 'refund' (case-insensitive); it does"
    )
    assert check(rule, "No money back") == AssertOutcome(
        True, "expected the answer not to contain 'refund' (case-insensitive); it does not"
    )


def test_not_contains_and_its_negation() -> None:
    rule = saved(type="not_contains", value="sorry")

    assert check(rule, "Sorry, I can't") == AssertOutcome(
        False, "expected the answer not to contain 'sorry' (case-insensitive); it does"
    )
    assert check({**rule, "negate": True}, "Sorry, I can't") == AssertOutcome(
        True, "expected the answer to contain 'sorry' (case-insensitive); it does"
    )


def test_equals_ignores_surrounding_whitespace_and_shows_the_answer() -> None:
    rule = saved(type="equals", value="Yes")

    assert check(rule, "  yes\n").passed is True
    assert check(rule, "Yes, of course") == AssertOutcome(
        False,
        "expected the answer to equal 'Yes' (case-insensitive, ignoring surrounding "
        "whitespace); it is 'Yes, of course'",
    )


def test_long_values_are_shortened_in_reasons() -> None:
    rule = saved(type="equals", value="x")

    reason = check(rule, "line one\n" + "a" * 200).reason

    assert reason == (
        "expected the answer to equal 'x' (case-insensitive, ignoring surrounding whitespace); "
        "it is 'line one\\n" + "a" * 70 + "…'"
    )


def test_regex_search_and_reason() -> None:
    rule = saved(type="regex", pattern=r"order #\d+")

    assert check(rule, "Your ORDER #123 shipped") == AssertOutcome(
        True, "expected the answer to match the regex 'order #\\d+' (case-insensitive); "
              "it does (matched 'ORDER #123')"
    )
    assert check({**rule, "caseSensitive": True}, "Your ORDER #123 shipped") == AssertOutcome(
        False, "expected the answer to match the regex 'order #\\d+' (case-sensitive); "
               "it does not"
    )


def test_regex_timeout_fails_whatever_the_negation() -> None:
    rule = saved(type="regex", pattern="(a|aa)+$", timeoutMs=20)
    answer = "a" * 5000 + "!"
    reason = ("matching the regex '(a|aa)+$' (case-insensitive) took longer than 20 ms and was "
              "stopped, so the check is counted as failed: simplify the pattern or raise "
              "timeoutMs")

    assert check(rule, answer) == AssertOutcome(False, reason)
    assert check({**rule, "negate": True}, answer) == AssertOutcome(False, reason)


def test_json_schema_checks_parsed_answer() -> None:
    rule = saved(type="json_schema", schema={
        "type": "object",
        "properties": {"id": {"type": "integer"}, "email": {"format": "email"}},
        "required": ["id"],
    })

    assert check(rule, '{"id": 7}') == AssertOutcome(
        True, "expected the answer to be JSON matching the schema; it does"
    )
    assert check(rule, '```json\n{"id": 7}\n```').passed is True
    assert check(rule, '{"id": "7"}') == AssertOutcome(
        False, "expected the answer to be JSON matching the schema; it does not: "
               "'7' is not of type 'integer' (at $.id)"
    )
    assert check(rule, '{"id": 7, "email": "nope"}').reason == (
        "expected the answer to be JSON matching the schema; it does not: "
        "'nope' is not a 'email' (at $.email)"
    )
    assert check(rule, "Sure! {id: 7}") == AssertOutcome(
        False, "expected the answer to be JSON matching the schema; the answer is not valid "
               "JSON (Expecting value at line 1, column 1)"
    )
    assert check({**rule, "negate": True}, '{"id": 7}') == AssertOutcome(
        False, "expected the answer not to be JSON matching the schema; it does"
    )


def test_json_path_equals_uses_json_equality() -> None:
    rule = saved(type="json_path", path="choices.0.message.content", value="Hola")
    answer = '{"choices": [{"message": {"content": "Hola"}}]}'

    assert check(rule, answer) == AssertOutcome(
        True, "expected the value at 'choices.0.message.content' to equal \"Hola\"; "
              "it is \"Hola\""
    )
    flag = saved(type="json_path", path="ok", value=True)
    assert check(flag, '{"ok": 1}') == AssertOutcome(
        False, "expected the value at 'ok' to equal true; it is 1"
    )
    assert check(saved(type="json_path", path="n", value=1), '{"n": 1.0}').passed is True
    assert check(saved(type="json_path", path="a", value={"b": [1, None]}),
                 '{"a": {"b": [1, null]}}').passed is True


def test_json_path_says_where_the_walk_stopped() -> None:
    rule = saved(type="json_path", path="choices.1.text", value="x")

    assert check(rule, '{"choices": [{"text": "x"}]}').reason == (
        "expected the value at 'choices.1.text' to equal \"x\"; 'choices' is a list of 1 items, "
        "so it has no item '1'"
    )
    assert check(rule, '{"data": []}').reason == (
        "expected the value at 'choices.1.text' to equal \"x\"; there is no key 'choices' at "
        "the top level"
    )
    assert check(rule, '{"choices": "none"}').reason == (
        "expected the value at 'choices.1.text' to equal \"x\"; 'choices' is \"none\", which "
        "has no '1'"
    )


def test_json_path_exists_and_negative_index() -> None:
    rule = saved(type="json_path", path="items.-1.id", mode="exists")

    assert check(rule, '{"items": [{"id": 1}, {"id": 2}]}') == AssertOutcome(
        True, "expected the answer to have a value at 'items.-1.id'; it has 2"
    )
    assert check({**rule, "negate": True}, '{"items": []}') == AssertOutcome(
        True, "expected the answer to have no value at 'items.-1.id'; 'items' is a list of 0 "
              "items, so it has no item '-1'"
    )


def test_json_path_indexes_are_plain_digits() -> None:
    items = '{"items": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}'

    assert [check(saved(type="json_path", path=f"items.{index}", mode="exists"), items).reason
            for index in ("10", "1_0", "+1")] == [
        "expected the answer to have a value at 'items.10'; it has 10",
        "expected the answer to have a value at 'items.1_0'; 'items' is a list of 12 items, "
        "so it has no item '1_0'",
        "expected the answer to have a value at 'items.+1'; 'items' is a list of 12 items, "
        "so it has no item '+1'",
    ]


def test_response_time() -> None:
    rule = saved(type="response_time_ms", max=2000)

    assert check(rule, "", response_time_ms=1500) == AssertOutcome(
        True, "expected the response to take at most 2000 ms; it took 1500 ms"
    )
    assert check(rule, "", response_time_ms=2001).passed is False
    assert check({**rule, "negate": True}, "", response_time_ms=2001) == AssertOutcome(
        True, "expected the response to take more than 2000 ms; it took 2001 ms"
    )
    assert check(rule, "") == AssertOutcome(
        False, "the response time was not measured, so the 2000 ms limit could not be "
               "checked; counted as failed"
    )


def test_lengths_count_characters() -> None:
    at_most = saved(type="max_length", max=5)
    at_least = saved(type="min_length", min=3)

    assert check(at_most, "ñandú") == AssertOutcome(
        True, "expected the answer to be at most 5 characters long; it is 5 characters long"
    )
    assert check(at_most, "ñandús").passed is False
    assert check(at_least, "no") == AssertOutcome(
        False, "expected the answer to be at least 3 characters long; it is 2 characters long"
    )
    assert check({**at_least, "negate": True}, "no") == AssertOutcome(
        True, "expected the answer to be fewer than 3 characters long; it is 2 characters long"
    )


def test_language_is_detected_offline() -> None:
    rule = saved(type="language", language="es")

    spanish = check(rule, "Hola, ¿cómo puedo ayudarte con tu reembolso hoy?")
    english = check(rule, "Hello, how can I help you with your refund today?")

    assert spanish == AssertOutcome(
        True, "expected the answer to be in language 'es'; it was detected as 'es' "
              "(confidence 0.96)"
    )
    assert english == AssertOutcome(
        False, "expected the answer to be in language 'es'; it was detected as 'en' "
               "(confidence 1.00)"
    )
    assert check({**rule, "negate": True}, "Hello, how can I help you today?") == AssertOutcome(
        True, "expected the answer not to be in language 'es'; it was detected as 'en' "
              "(confidence 1.00)"
    )


def test_language_detection_is_deterministic() -> None:
    text = "Claro que sí, con gusto te ayudo."

    first = detect_language(text)

    assert first is not None
    assert first.language == "es"
    assert [detect_language(text) for _ in range(3)] == [first, first, first]


def test_language_of_an_answer_without_words_cannot_be_checked() -> None:
    rule = saved(type="language", language="en")
    reason = ("could not tell the language of the answer (it has no words), so 'en' could not "
              "be checked; counted as failed")

    assert check(rule, "12345 !!!") == AssertOutcome(False, reason)
    assert check({**rule, "negate": True}, "") == AssertOutcome(False, reason)


def test_supported_languages_are_the_detectors_iso_639_1_codes() -> None:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)

    assert sorted(SUPPORTED_LANGUAGES) == sorted(
        label for label in identifier.labels if len(label) == 2
    )


def test_unknown_type_fails_with_a_reason() -> None:
    assert check({"type": "sentiment"}, "fine") == AssertOutcome(
        False, "unknown assert type 'sentiment': edit the case and use one of contains, "
               "not_contains, equals, regex, json_schema, json_path, response_time_ms, "
               "max_length, min_length, language, pii_leak"
    )


def test_a_description_with_a_nul_character_is_refused() -> None:
    issue = only_issue({"type": "contains", "value": "x", "description": "a\x00b"})

    assert (issue.path, issue.code) == (("asserts", "0", "description"), "INVALID")
