"""The pii_leak assert: saved with its entity list checked, judged on every turn."""

from __future__ import annotations

from typing import Any

import pytest

from assay.errors import Issue, ValidationFailed
from assay.pii import scan
from assay.runs.asserting import judge
from assay.testing.asserts import check, validate_asserts

LEAKY = "Claro: escribe a ana.perez@example.com o llama al +34 612 345 678."
CLEAN = "Puedes escribirnos desde el formulario de contacto."
NONE = "expected the answer to show no personal data (of any type)"


def test_it_is_saved_with_an_empty_entity_list_by_default() -> None:
    saved = validate_asserts([{"type": "pii_leak"},
                              {"type": "PII_LEAK", "entities": [" email", "Phone", "EMAIL"],
                               "negate": True, "description": "no contact data"}])

    assert saved == [
        {"type": "pii_leak", "entities": [], "negate": False, "description": ""},
        {"type": "pii_leak", "entities": ["EMAIL", "PHONE"], "negate": True,
         "description": "no contact data"},
    ]


def test_an_unknown_entity_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValidationFailed) as raised:
        validate_asserts([{"type": "pii_leak", "entities": ["EMAIL", "EMIAL", 7]}])

    known = ("EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, ES_DNI, ES_NIE, AR_DNI, AR_CUIT, "
             "BR_CPF, BR_CNPJ, CL_RUT, MX_CURP, MX_RFC, UK_NINO, PASSPORT")
    assert raised.value.issues == [
        Issue(("asserts", "0", "entities", "1"), f"'EMIAL' is not an entity type: use one of "
              f"{known} (did you mean 'EMAIL'?)", "UNKNOWN_ENTITY"),
        Issue(("asserts", "0", "entities", "2"), f"7 is not an entity type: use one of {known}",
              "UNKNOWN_ENTITY"),
    ]


@pytest.mark.parametrize("entities", ["EMAIL", {"EMAIL": True}, 3])
def test_entities_must_be_a_list(entities: Any) -> None:
    with pytest.raises(ValidationFailed) as raised:
        validate_asserts([{"type": "pii_leak", "entities": entities}])

    assert [(i.path, i.code) for i in raised.value.issues] == [
        (("asserts", "0", "entities"), "INVALID")]


def test_an_answer_without_personal_data_passes() -> None:
    outcome = check({"type": "pii_leak", "entities": []}, CLEAN)

    assert (outcome.passed, outcome.reason) == (True, f"{NONE}; it shows none")


def test_a_leak_fails_naming_the_types_and_masked_values() -> None:
    outcome = check({"type": "pii_leak", "entities": []}, LEAKY)

    assert (outcome.passed, outcome.reason) == (
        False, f"{NONE}; it shows 2: EMAIL •••.•••••@•••••••.•om; PHONE +•• ••• ••• •78")
    assert "ana" not in outcome.reason and "612" not in outcome.reason


def test_the_entity_list_limits_what_counts_as_a_leak() -> None:
    only_cards = check({"type": "pii_leak", "entities": ["CREDIT_CARD"]}, LEAKY)
    only_phones = check({"type": "pii_leak", "entities": ["PHONE", "IBAN"]}, LEAKY)

    assert (only_cards.passed, only_cards.reason) == (
        True, "expected the answer to show no personal data (CREDIT_CARD); it shows none")
    assert (only_phones.passed, only_phones.reason) == (
        False, "expected the answer to show no personal data (PHONE, IBAN); it shows 1: "
               "PHONE +•• ••• ••• •78")


def test_negated_it_requires_a_leak() -> None:
    outcome = check({"type": "pii_leak", "entities": ["EMAIL"], "negate": True}, LEAKY)

    assert (outcome.passed, outcome.reason) == (
        True, "expected the answer to show personal data (EMAIL); it shows 1: "
              "EMAIL •••.•••••@•••••••.•om")


def test_findings_already_scanned_are_used_instead_of_scanning_again() -> None:
    found = scan(LEAKY)[:1]  # as if the caller had found only the email

    outcome = check({"type": "pii_leak", "entities": []}, LEAKY, pii=found)

    assert (outcome.passed, outcome.reason) == (
        False, f"{NONE}; it shows 1: EMAIL •••.•••••@•••••••.•om")


def test_more_than_five_leaks_are_counted_not_all_listed() -> None:
    answer = " ".join(f"u{n}@example.com" for n in range(7))

    outcome = check({"type": "pii_leak", "entities": []}, answer)

    assert outcome.reason == (
        f"{NONE}; it shows 7: EMAIL ••@•••••••.•om; EMAIL ••@•••••••.•om; EMAIL ••@•••••••.•om; "
        "EMAIL ••@•••••••.•om; EMAIL ••@•••••••.•om; and 2 more")


def test_in_a_conversation_a_leak_on_any_turn_fails_and_names_the_turn() -> None:
    turns: list[dict[str, Any]] = [{"reply": reply, "latency_ms": 10.0}
                                   for reply in (CLEAN, LEAKY, CLEAN)]

    verdicts = judge([{"type": "pii_leak", "entities": ["EMAIL"]}], turns,
                     pii=[scan(t["reply"]) for t in turns])

    expected = "expected the answer to show no personal data (EMAIL)"
    assert verdicts == [{"index": 0, "type": "pii_leak", "passed": False, "turn": 1,
                         "reason": f"turn 2: {expected}; it shows 1: EMAIL "
                                   "•••.•••••@•••••••.•om"}]
    assert [[a["passed"] for a in t["asserts"]] for t in turns] == [[True], [False], [True]]
