"""The batch-b built-in evaluators (empathy, security, inappropriate_content, error_handling,
hallucination, data_accuracy): each loads through its entry point, ships a calibration
dataset labelled over the whole score range in English and Spanish, renders every case
with the case's text inside data blocks and no placeholder left over, and skips a case that
lacks what it needs with the exact reason the user will read."""

from __future__ import annotations

import re
from collections import Counter
from string import Template

import pytest

from assay.plugins.registry import evaluators
from assay_evaluators.data_accuracy import DataAccuracyEvaluator
from assay_evaluators.empathy import EmpathyEvaluator
from assay_evaluators.error_handling import ErrorHandlingEvaluator
from assay_evaluators.hallucination import NO_REFERENCE, HallucinationEvaluator
from assay_evaluators.inappropriate_content import InappropriateContentEvaluator
from assay_evaluators.security import SecurityEvaluator
from assay_sdk import EvaluationInput, LLMEvaluator, Requirement, Role, Turn
from assay_sdk.llm import SYSTEM_PROMPT

#: Each slug, its class, and exactly what it declares in ``requires``.
EVALUATORS: dict[str, tuple[type[LLMEvaluator], frozenset[Requirement]]] = {
    "empathy": (EmpathyEvaluator, frozenset()),
    "security": (SecurityEvaluator, frozenset()),
    "inappropriate_content": (InappropriateContentEvaluator, frozenset()),
    "error_handling": (ErrorHandlingEvaluator, frozenset()),
    "hallucination": (HallucinationEvaluator, frozenset()),
    "data_accuracy": (DataAccuracyEvaluator, frozenset({Requirement.EXPECTED_OUTPUT})),
}
SLUGS = sorted(EVALUATORS)

#: The five score bands, [low, high) each, the last one closed: [0.8, 1.0].
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
KNOWN = {"input", "answer", "expected_output", "context", "conversation", "language", "rubric"}
BLOCK = re.compile(r'<data name="[a-z_]+">\n.*?\n</data>', re.DOTALL)
BARE = EvaluationInput(input="Is my card blocked?", answer="Yes, since 9:40 this morning.")


def band(score: float) -> int:
    if score == 1.0:
        return len(BANDS) - 1
    return next(i for i, (low, high) in enumerate(BANDS) if low <= score < high)


def in_block(name: str, text: str) -> str:
    return f'<data name="{name}">\n{text}\n</data>'


@pytest.mark.parametrize("slug", SLUGS)
def test_it_loads_through_its_entry_point_with_its_requirements(slug: str) -> None:
    registry = evaluators()
    cls, requires = EVALUATORS[slug]
    assert [r.reason for r in registry.rejected if r.name == slug] == []
    assert registry.get(slug) is cls
    assert (cls.name, cls.version, cls.uses_judge) == (slug, "1.0.0", True)
    assert cls.requires == requires
    assert 0.5 <= cls.default_threshold <= 0.9


@pytest.mark.parametrize("slug", SLUGS)
def test_the_rubric_has_the_five_anchors_in_order(slug: str) -> None:
    lines = EVALUATORS[slug][0].rubric.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == ["1.0", "0.75", "0.5", "0.25", "0.0"]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_template_uses_only_known_placeholders(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    names = set(Template(cls.template()).get_identifiers())
    assert names <= KNOWN
    assert {"input", "answer", "rubric"} <= names
    if slug in ("hallucination", "data_accuracy"):
        assert {"expected_output", "context"} <= names


@pytest.mark.parametrize("slug", SLUGS)
def test_the_dataset_has_at_least_18_cases_per_language(slug: str) -> None:
    cases = EVALUATORS[slug][0].calibration_cases()
    languages = Counter(case.language for case in cases)
    assert len(cases) >= 40
    assert set(languages) == {"en", "es"}
    assert min(languages.values()) >= 18


@pytest.mark.parametrize("slug", SLUGS)
def test_the_labels_fill_every_band_with_at_least_5_cases(slug: str) -> None:
    per_band = Counter(band(case.expected_score)
                       for case in EVALUATORS[slug][0].calibration_cases())
    assert min(per_band[i] for i in range(len(BANDS))) >= 5, per_band


@pytest.mark.parametrize("slug", SLUGS)
def test_ids_are_unique_and_start_with_the_language(slug: str) -> None:
    cases = EVALUATORS[slug][0].calibration_cases()
    assert len({case.id for case in cases}) == len(cases)
    assert [case.id for case in cases
            if not re.fullmatch(rf"{case.language}-\d\d", case.id)] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_scores_tolerances_and_reasons_are_in_range(slug: str) -> None:
    for case in EVALUATORS[slug][0].calibration_cases():
        assert 0.0 <= case.expected_score <= 1.0, case.id
        assert 0.05 <= case.tolerance <= 0.3, case.id
        assert case.reason.strip() and "\n" not in case.reason, case.id
        assert case.item.input.strip() and case.item.answer.strip(), case.id


@pytest.mark.parametrize("slug", SLUGS)
def test_every_case_has_what_the_evaluator_needs(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    evaluator = cls()
    assert {case.id: evaluator.missing(case.item) for case in cls.calibration_cases()
            if evaluator.missing(case.item) is not None} == {}


@pytest.mark.parametrize("slug", SLUGS)
def test_a_conversation_ends_with_the_input_then_the_answer(slug: str) -> None:
    for case in EVALUATORS[slug][0].calibration_cases():
        turns = case.item.turns
        if turns:
            assert case.item.is_conversation, case.id
            assert [t.role for t in turns] == [Role.USER, Role.AGENT] * (len(turns) // 2)
            assert turns[-2:] == (Turn(role=Role.USER, content=case.item.input),
                                  Turn(role=Role.AGENT, content=case.item.answer)), case.id


@pytest.mark.parametrize("slug", SLUGS)
def test_every_case_renders_its_text_inside_data_blocks(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    evaluator = cls()
    names = set(Template(cls.template()).get_identifiers())
    for case in cls.calibration_cases():
        item = case.item
        assert "</data" not in item.answer + item.input, case.id
        request = evaluator.render(item)
        assert request.system == SYSTEM_PROMPT
        assert in_block("answer", item.answer) in request.prompt, case.id
        assert in_block("input", item.input) in request.prompt, case.id
        for name, text in (("expected_output", item.expected_output),
                           ("context", item.context)):
            if text and name in names:
                assert in_block(name, text) in request.prompt, case.id
        assert evaluator.rubric in request.prompt, case.id
        assert re.search(r"\$[A-Za-z_{]", BLOCK.sub("", request.prompt)) is None, case.id


@pytest.mark.parametrize("slug", ["empathy", "security", "inappropriate_content",
                                  "error_handling"])
def test_a_bare_case_is_judged_by_those_that_need_nothing(slug: str) -> None:
    assert EVALUATORS[slug][0]().missing(BARE) is None


def test_data_accuracy_skips_a_case_without_expected_output() -> None:
    evaluator = DataAccuracyEvaluator()
    reason = "the case has no expected output, which data_accuracy needs"
    assert evaluator.missing(BARE) == reason
    only_context = EvaluationInput(input=BARE.input, answer=BARE.answer,
                                   context="Card blocked at 09:40.", expected_output=" \n")
    assert evaluator.missing(only_context) == reason
    assert evaluator.missing(EvaluationInput(input=BARE.input, answer=BARE.answer,
                                             expected_output="Blocked at 09:40.")) is None


def test_hallucination_skips_a_case_with_neither_reference() -> None:
    evaluator = HallucinationEvaluator()
    assert NO_REFERENCE == ("the case has neither an expected output nor context, which "
                            "hallucination needs: add one of them so the answer's facts can "
                            "be checked against it")
    assert evaluator.missing(BARE) == NO_REFERENCE
    blank = EvaluationInput(input=BARE.input, answer=BARE.answer, expected_output="  ",
                            context="\n")
    assert evaluator.missing(blank) == NO_REFERENCE


def test_hallucination_judges_a_case_with_either_reference() -> None:
    evaluator = HallucinationEvaluator()
    with_expected = EvaluationInput(input=BARE.input, answer=BARE.answer,
                                    expected_output="Blocked at 09:40.")
    with_context = EvaluationInput(input=BARE.input, answer=BARE.answer,
                                   context="Card ****1234: blocked at 09:40.")
    assert evaluator.missing(with_expected) is None
    assert evaluator.missing(with_context) is None
    prompt = evaluator.render(with_context).prompt
    assert in_block("context", "Card ****1234: blocked at 09:40.") in prompt
    assert "The expected answer (a reference):\n(none)" in prompt
