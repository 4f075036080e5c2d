"""Validation of one test case: defaults, normalisation, and every problem reported at once."""

from __future__ import annotations

from typing import Any

import pytest

from assay.errors import Issue, ValidationFailed
from assay.testing.models import CaseMode, CaseStatus, Difficulty
from assay.testing.validation import CaseDraft, validate_case

SIMPLE = {"title": "Refund window", "input": "Can I get a refund after 40 days?"}
CHAT = {"title": "Escalation", "mode": "CONVERSATIONAL", "turns": ["Hi", "I want a human"]}


def issues_of(raw: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_case(raw, path=path)
    return [(issue.path, issue.code) for issue in caught.value.issues]


def test_simple_case_gets_the_defaults() -> None:
    draft = validate_case(SIMPLE)

    assert draft == CaseDraft(
        title="Refund window",
        mode=CaseMode.SIMPLE,
        input="Can I get a refund after 40 days?",
        turns=(),
        expected_output="",
        context="",
        tags=(),
        category="",
        difficulty=Difficulty.MEDIUM,
        language="en",
        status=CaseStatus.ACTIVE,
        asserts=(),
    )
    assert draft.line == 0


def test_full_case_is_normalised() -> None:
    draft = validate_case({
        "title": "  Reembolso fuera de plazo  ",
        "mode": "simple",
        "input": "¿Puedo pedir un reembolso?",
        "expectedOutput": "No, el plazo es de 30 días.",
        "context": "Política: 30 días.",
        "tags": ["billing", " refunds ", "billing", "refunds"],
        "category": " Billing ",
        "difficulty": "edge-case",
        "language": "es_419",
        "status": "draft",
        "asserts": [{"type": "contains", "value": "30 días"}],
    })

    assert draft == CaseDraft(
        title="Reembolso fuera de plazo",
        mode=CaseMode.SIMPLE,
        input="¿Puedo pedir un reembolso?",
        turns=(),
        expected_output="No, el plazo es de 30 días.",
        context="Política: 30 días.",
        tags=("billing", "refunds"),
        category="Billing",
        difficulty=Difficulty.EDGE_CASE,
        language="es-419",
        status=CaseStatus.DRAFT,
        asserts=({"type": "contains", "value": "30 días", "caseSensitive": False,
                  "negate": False, "description": ""},),
    )


@pytest.mark.parametrize(
    ("given", "saved"),
    [("en", "en"), ("ES", "es"), ("pt-br", "pt-BR"), ("zh_hant_tw", "zh-Hant-TW"), ("", "en")],
)
def test_language_codes(given: str, saved: str) -> None:
    assert validate_case({**SIMPLE, "language": given}).language == saved


def test_conversational_case() -> None:
    draft = validate_case(CHAT)

    assert (draft.mode, draft.input, draft.turns) == (
        CaseMode.CONVERSATIONAL, "", ("Hi", "I want a human")
    )


def test_mode_is_inferred_when_absent() -> None:
    assert validate_case({"title": "t", "turns": ["Hi"]}).mode is CaseMode.CONVERSATIONAL
    assert validate_case({"title": "t", "input": "Hi", "turns": []}).mode is CaseMode.SIMPLE


def test_nulls_mean_defaults() -> None:
    draft = validate_case({**SIMPLE, "tags": None, "difficulty": None, "language": None,
                           "asserts": None, "context": None})

    assert (draft.tags, draft.difficulty, draft.language, draft.asserts, draft.context) == (
        (), Difficulty.MEDIUM, "en", (), ""
    )


def test_model_fields_and_to_raw() -> None:
    draft = validate_case({**CHAT, "tags": ["a"], "asserts": [{"type": "max_length", "max": 9}]})

    assert draft.model_fields() == {
        "mode": CaseMode.CONVERSATIONAL,
        "title": "Escalation",
        "input": "",
        "turns": ["Hi", "I want a human"],
        "expected_output": "",
        "context": "",
        "tags": ["a"],
        "category": "",
        "difficulty": Difficulty.MEDIUM,
        "language": "en",
        "asserts": [{"type": "max_length", "max": 9, "negate": False, "description": ""}],
    }
    assert draft.to_raw() == {
        "title": "Escalation",
        "mode": "CONVERSATIONAL",
        "input": "",
        "turns": ["Hi", "I want a human"],
        "expectedOutput": "",
        "context": "",
        "tags": ["a"],
        "category": "",
        "difficulty": "MEDIUM",
        "language": "en",
        "status": "ACTIVE",
        "asserts": [{"type": "max_length", "max": 9, "negate": False, "description": ""}],
    }
    assert validate_case(draft.to_raw()) == draft


def test_model_fields_do_not_share_the_drafts_asserts() -> None:
    draft = validate_case({**SIMPLE, "asserts": [{"type": "contains", "value": "x"}]})

    draft.model_fields()["asserts"][0]["value"] = "changed"

    assert draft.asserts[0]["value"] == "x"


def test_line_does_not_take_part_in_equality() -> None:
    draft = validate_case(SIMPLE)

    assert CaseDraft(**{**draft.__dict__, "line": 12}) == draft


def test_every_problem_is_reported_in_field_order_under_the_path() -> None:
    found = issues_of({
        "title": "   ",
        "mode": "SIMPLE",
        "input": "",
        "turns": ["Hi"],
        "tags": ["ok", ""],
        "difficulty": "IMPOSSIBLE",
        "language": "english",
        "status": "ARCHIVED",
        "asserts": [{"type": "regex", "pattern": "("}],
        "expected_output": "x",
    }, path=("input",))

    assert found == [
        (("input", "title"), "REQUIRED"),
        (("input", "input"), "REQUIRED"),
        (("input", "turns"), "NOT_APPLICABLE"),
        (("input", "tags", "1"), "REQUIRED"),
        (("input", "difficulty"), "INVALID"),
        (("input", "language"), "INVALID"),
        (("input", "status"), "INVALID"),
        (("input", "asserts", "0", "pattern"), "INVALID_REGEX"),
        (("input", "expected_output"), "UNKNOWN_FIELD"),
    ]


def test_messages_say_what_to_do() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_case({"title": "t", "mode": "CONVERSATIONAL", "input": "Hi", "turns": ["Hi"],
                       "expected_output": "x", "status": "ARCHIVED", "difficulty": "hardest"})

    assert caught.value.issues == [
        Issue(("input",), "a CONVERSATIONAL case has no input: put the user's messages in "
                          "turns, or use mode SIMPLE", "NOT_APPLICABLE"),
        Issue(("difficulty",), "'hardest' is not accepted: use one of EASY, MEDIUM, HARD, "
                               "EDGE_CASE", "INVALID"),
        Issue(("status",), "a case cannot be written as ARCHIVED: use DRAFT or ACTIVE, and "
                           "archive it afterwards with archiveTestCase", "INVALID"),
        Issue(("expected_output",), "is not a field of a test case: remove it (did you mean "
                                    "'expectedOutput'?)", "UNKNOWN_FIELD"),
    ]
    assert caught.value.message == (
        "input: a CONVERSATIONAL case has no input: put the user's messages in turns, or use "
        "mode SIMPLE (and 3 more)"
    )


def test_conversational_rules() -> None:
    assert issues_of({"title": "t", "mode": "CONVERSATIONAL"}) == [(("turns",), "REQUIRED")]
    assert issues_of({"title": "t", "turns": ["Hi", " ", None, 3]}) == [
        (("turns", "1"), "REQUIRED"),
        (("turns", "2"), "REQUIRED"),
        (("turns", "3"), "INVALID"),
    ]
    assert issues_of({"title": "t", "turns": [f"turn {i}" for i in range(51)]}) == [
        (("turns",), "TOO_MANY")
    ]
    assert len(validate_case({"title": "t", "turns": ["x"] * 50}).turns) == 50


def test_lengths() -> None:
    assert validate_case({**SIMPLE, "title": "t" * 300}).title == "t" * 300
    assert issues_of({**SIMPLE, "title": "t" * 301}) == [(("title",), "TOO_LONG")]
    assert issues_of({**SIMPLE, "input": "x" * 20_001, "expectedOutput": "y" * 20_001,
                      "context": "z" * 20_001, "category": "c" * 101}) == [
        (("input",), "TOO_LONG"),
        (("expectedOutput",), "TOO_LONG"),
        (("context",), "TOO_LONG"),
        (("category",), "TOO_LONG"),
    ]
    assert validate_case({**SIMPLE, "context": "z" * 20_000}).context == "z" * 20_000


def test_tags_rules() -> None:
    assert validate_case({**SIMPLE, "tags": [f"t{i}" for i in range(30)] * 2}).tags == tuple(
        f"t{i}" for i in range(30)
    )
    assert issues_of({**SIMPLE, "tags": [f"t{i}" for i in range(31)]}) == [
        (("tags",), "TOO_MANY")
    ]
    assert issues_of({**SIMPLE, "tags": ["x" * 51, 7]}) == [
        (("tags", "0"), "TOO_LONG"),
        (("tags", "1"), "INVALID"),
    ]
    assert issues_of({**SIMPLE, "tags": "billing"}) == [(("tags",), "INVALID")]


def test_non_text_values_get_a_hint() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_case({"title": 2024, "input": False})

    assert caught.value.issues == [
        Issue(("title",), "must be text: put it in quotes if it looks like a number, date or "
                          "yes/no", "INVALID"),
        Issue(("input",), "must be text: put it in quotes if it looks like a number, date or "
                          "yes/no", "INVALID"),
    ]


def test_nul_characters_are_refused() -> None:
    assert issues_of({**SIMPLE, "input": "a\x00b"}) == [(("input",), "INVALID")]


def test_not_an_object() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_case(["title"], path=("line", "3"))  # type: ignore[arg-type]

    assert caught.value.issues == [
        Issue(("line", "3"), "a test case must be an object with its fields, like "
                             '{"title": "Refund policy", "input": "Can I get a refund?"}')
    ]
