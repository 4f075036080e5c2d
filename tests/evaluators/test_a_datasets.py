"""The batch-a built-in evaluators (comparison, completeness, conciseness, formality, bias,
tone): each loads through its entry point, ships a calibration dataset that spans the whole
score range in English and Spanish, renders every case into a prompt with no placeholder
left, and skips a case that lacks what it needs with the exact reason."""

from __future__ import annotations

import re
from collections import Counter
from string import Template

import pytest

from assay.plugins.registry import evaluators
from assay_evaluators.bias import BiasEvaluator
from assay_evaluators.comparison import ComparisonEvaluator
from assay_evaluators.completeness import CompletenessEvaluator
from assay_evaluators.conciseness import ConcisenessEvaluator
from assay_evaluators.formality import NO_SETTINGS, FormalityEvaluator
from assay_evaluators.tone import ToneEvaluator
from assay_sdk import EvaluationInput, LLMEvaluator, Requirement, Role, Turn
from assay_sdk.llm import SYSTEM_PROMPT, data_block

#: Each slug, its class and exactly what it requires of a case.
EVALUATORS: dict[str, tuple[type[LLMEvaluator], frozenset[Requirement]]] = {
    "comparison": (ComparisonEvaluator, frozenset({Requirement.EXPECTED_OUTPUT})),
    "completeness": (CompletenessEvaluator, frozenset({Requirement.EXPECTED_OUTPUT})),
    "conciseness": (ConcisenessEvaluator, frozenset()),
    "formality": (FormalityEvaluator, frozenset()),
    "bias": (BiasEvaluator, frozenset()),
    "tone": (ToneEvaluator, frozenset()),
}
SLUGS = sorted(EVALUATORS)

#: The score bands the labels must spread over, each [low, high) but the last [0.8, 1.0].
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
PLACEHOLDERS = {"input", "answer", "expected_output", "context", "conversation", "language",
                "rubric"}
DATA_BLOCK = re.compile(r'<data name="[a-z_]+">\n.*?\n</data>', re.DOTALL)


def band_of(score: float) -> int:
    for index, (low, high) in enumerate(BANDS):
        if low <= score < high or (index == len(BANDS) - 1 and score == high):
            return index
    raise AssertionError(f"score {score} is outside [0, 1]")


@pytest.mark.parametrize("slug", SLUGS)
def test_loads_through_its_entry_point(slug: str) -> None:
    registry = evaluators()
    cls, requires = EVALUATORS[slug]
    assert [r.reason for r in registry.rejected if r.name == slug] == []
    loaded = registry.plugins[slug]
    assert loaded.plugin is cls
    assert loaded.version == "1.0.0"
    assert cls.name == slug
    assert cls.requires == requires
    assert cls.uses_judge is True
    assert 0.0 < cls.default_threshold < 1.0


@pytest.mark.parametrize("slug", SLUGS)
def test_rubric_has_every_anchor_in_order(slug: str) -> None:
    rubric = EVALUATORS[slug][0].rubric
    anchors = [line.split(":")[0] for line in rubric.splitlines()]
    assert anchors == ["1.0", "0.75", "0.5", "0.25", "0.0"]


@pytest.mark.parametrize("slug", SLUGS)
def test_template_uses_only_known_placeholders(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    names = set(Template(cls.template()).get_identifiers())
    extra = {"register"} if cls is FormalityEvaluator else set()
    assert names <= PLACEHOLDERS | extra
    assert {"input", "answer", "rubric"} <= names
    if Requirement.EXPECTED_OUTPUT in cls.requires:
        assert "expected_output" in names


@pytest.mark.parametrize("slug", SLUGS)
def test_dataset_has_enough_cases_in_both_languages(slug: str) -> None:
    cases = EVALUATORS[slug][0].calibration_cases()
    languages = Counter(case.language for case in cases)
    assert len(cases) >= 40
    assert set(languages) == {"en", "es"}
    assert languages["en"] >= 18
    assert languages["es"] >= 18


@pytest.mark.parametrize("slug", SLUGS)
def test_labels_spread_over_the_whole_range(slug: str) -> None:
    cases = EVALUATORS[slug][0].calibration_cases()
    per_band = Counter(band_of(case.expected_score) for case in cases)
    assert min(per_band[index] for index in range(len(BANDS))) >= 5, per_band


@pytest.mark.parametrize("slug", SLUGS)
def test_ids_are_unique_and_name_their_language(slug: str) -> None:
    cases = EVALUATORS[slug][0].calibration_cases()
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert re.fullmatch(rf"{case.language}-\d{{2}}", case.id), case.id


@pytest.mark.parametrize("slug", SLUGS)
def test_labels_tolerances_and_reasons_are_sound(slug: str) -> None:
    for case in EVALUATORS[slug][0].calibration_cases():
        assert 0.0 <= case.expected_score <= 1.0, case.id
        assert 0.05 <= case.tolerance <= 0.3, case.id
        assert case.reason.strip() and "\n" not in case.reason, case.id
        assert case.item.input.strip() and case.item.answer.strip(), case.id


@pytest.mark.parametrize("slug", SLUGS)
def test_every_case_can_be_judged(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    evaluator = cls()
    assert [case.id for case in cls.calibration_cases()
            if evaluator.missing(case.item) is not None] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_conversations_end_with_the_input_and_the_answer(slug: str) -> None:
    for case in EVALUATORS[slug][0].calibration_cases():
        turns = case.item.turns
        if not turns:
            continue
        assert case.item.is_conversation, case.id
        assert turns[-2] == Turn(role=Role.USER, content=case.item.input), case.id
        assert turns[-1] == Turn(role=Role.AGENT, content=case.item.answer), case.id
        assert [t.role for t in turns] == [Role.USER, Role.AGENT] * (len(turns) // 2)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_case_renders_with_the_answer_in_a_data_block(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    evaluator = cls()
    for case in cls.calibration_cases():
        request = evaluator.render(case.item)
        assert request.system == SYSTEM_PROMPT
        assert data_block("answer", case.item.answer) in request.prompt, case.id
        assert data_block("input", case.item.input) in request.prompt, case.id
        assert cls.rubric in request.prompt, case.id
        outside = DATA_BLOCK.sub("", request.prompt)
        assert re.search(r"\$[A-Za-z_{]", outside) is None, case.id


@pytest.mark.parametrize("slug", ["comparison", "completeness"])
def test_a_case_without_expected_output_is_skipped_with_the_reason(slug: str) -> None:
    evaluator = EVALUATORS[slug][0]()
    reason = f"the case has no expected output, which {slug} needs"
    assert evaluator.missing(EvaluationInput(input="Can I pay later?", answer="Yes.")) == reason
    assert evaluator.missing(EvaluationInput(input="Can I pay later?", answer="Yes.",
                                             expected_output="  \n")) == reason
    assert evaluator.missing(EvaluationInput(input="Can I pay later?", answer="Yes.",
                                             expected_output="Yes, in 3 installments.")) is None


@pytest.mark.parametrize("slug", ["conciseness", "formality", "bias", "tone"])
def test_a_bare_case_is_judged_by_those_that_need_nothing(slug: str) -> None:
    evaluator = EVALUATORS[slug][0]()
    assert evaluator.missing(EvaluationInput(input="Can I pay later?", answer="Yes.")) is None


def test_formality_shows_the_case_settings_to_the_judge() -> None:
    item = EvaluationInput(input="do u ship to spain?", answer="Yep, we do!",
                           metadata={"tags": ["informal", "gaming"], "register": "casual",
                                     "difficulty": "easy", "category": ""})
    prompt = FormalityEvaluator().render(item).prompt
    settings = data_block("case_settings", "difficulty: easy\nregister: casual\n"
                                           "tags: informal, gaming")
    assert prompt.count(settings) == 1
    assert prompt.index(settings) < prompt.index(data_block("input", item.input))
    assert NO_SETTINGS not in prompt


def test_formality_without_settings_expects_a_formal_register() -> None:
    item = EvaluationInput(input="Can I pay later?", answer="Yes.")
    prompt = FormalityEvaluator().render(item).prompt
    assert prompt.count(NO_SETTINGS) == 1
    assert '<data name="case_settings">' not in prompt


def test_formality_never_fills_the_register_slot_inside_the_case_text() -> None:
    answer = "The $register fee is 5 euros; ignore $register."
    item = EvaluationInput(input="What does $register mean?", answer=answer,
                           metadata={"register": "formal"})
    prompt = FormalityEvaluator().render(item).prompt
    assert data_block("answer", answer) in prompt
    assert data_block("input", "What does $register mean?") in prompt
    assert prompt.count(data_block("case_settings", "register: formal")) == 1
