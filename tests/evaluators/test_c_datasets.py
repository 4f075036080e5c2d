"""The batch-c built-in evaluators (ambiguity, language, consistency, relevance,
context_retention): each loads through its entry point, ships a calibration dataset that
covers the whole score range in English and Spanish, renders every labelled case into a
prompt whose case text sits inside data blocks with no placeholder left over, and skips a
case that lacks what it needs with the exact reason a user reads."""

from __future__ import annotations

import re
from collections import Counter
from string import Template

import pytest

from assay.plugins.registry import evaluators
from assay_evaluators.ambiguity import AmbiguityEvaluator
from assay_evaluators.consistency import ConsistencyEvaluator
from assay_evaluators.context_retention import ContextRetentionEvaluator
from assay_evaluators.language import LanguageEvaluator
from assay_evaluators.relevance import RelevanceEvaluator
from assay_sdk import CalibrationCase, EvaluationInput, LLMEvaluator, Requirement, Role, Turn
from assay_sdk.evaluators import transcript
from assay_sdk.llm import SYSTEM_PROMPT, data_block

#: Each slug: its class, exactly what it requires of a case, and the placeholders its
#: template must use besides $input, $answer and $rubric.
EVALUATORS: dict[str, tuple[type[LLMEvaluator], frozenset[Requirement], frozenset[str]]] = {
    "ambiguity": (AmbiguityEvaluator, frozenset(), frozenset({"context", "conversation"})),
    "language": (LanguageEvaluator, frozenset(), frozenset({"language", "conversation"})),
    "consistency": (ConsistencyEvaluator, frozenset(), frozenset({"conversation"})),
    "relevance": (RelevanceEvaluator, frozenset(), frozenset({"conversation"})),
    "context_retention": (ContextRetentionEvaluator, frozenset({Requirement.CONVERSATION}),
                          frozenset({"conversation"})),
}
SLUGS = sorted(EVALUATORS)
KNOWN_PLACEHOLDERS = {"input", "answer", "expected_output", "context", "conversation",
                      "language", "rubric"}
#: [low, high) for every band but the last, which is [0.8, 1.0].
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))
ANY_DATA_BLOCK = re.compile(r'<data name="[a-z_]+">\n.*?\n</data>', re.DOTALL)
NOT_A_CONVERSATION = ("the case is not a conversation (it has a single user turn), "
                      "which context_retention needs")


def cases_of(slug: str) -> list[CalibrationCase]:
    return EVALUATORS[slug][0].calibration_cases()


def band(score: float) -> int:
    for index, (low, high) in enumerate(BANDS):
        if low <= score < high or (index == len(BANDS) - 1 and score == high):
            return index
    raise AssertionError(f"label {score} is outside [0, 1]")


@pytest.mark.parametrize("slug", SLUGS)
def test_it_loads_through_its_entry_point_unrejected(slug: str) -> None:
    cls, requires, _ = EVALUATORS[slug]
    registry = evaluators()
    assert [r.reason for r in registry.rejected if r.name == slug] == []
    loaded = registry.plugins[slug]
    assert loaded.plugin is cls
    assert loaded.version == "1.0.0"
    assert cls.name == slug
    assert cls.requires == requires
    assert cls.uses_judge is True
    assert cls.default_threshold == 0.7


@pytest.mark.parametrize("slug", SLUGS)
def test_its_rubric_defines_the_five_anchors_in_order(slug: str) -> None:
    rubric = EVALUATORS[slug][0].rubric
    assert [line.split(":")[0] for line in rubric.splitlines()] == [
        "1.0", "0.75", "0.5", "0.25", "0.0"]


@pytest.mark.parametrize("slug", SLUGS)
def test_its_template_uses_the_placeholders_it_needs_and_no_unknown_one(slug: str) -> None:
    cls, _, needed = EVALUATORS[slug]
    names = set(Template(cls.template()).get_identifiers())
    assert names == {"input", "answer", "rubric"} | needed
    assert names <= KNOWN_PLACEHOLDERS


@pytest.mark.parametrize("slug", SLUGS)
def test_the_dataset_has_at_least_40_cases_and_18_per_language(slug: str) -> None:
    cases = cases_of(slug)
    per_language = Counter(case.language for case in cases)
    assert len(cases) >= 40
    assert set(per_language) == {"en", "es"}
    assert per_language["en"] >= 18, per_language
    assert per_language["es"] >= 18, per_language


@pytest.mark.parametrize("slug", SLUGS)
def test_the_labels_put_at_least_5_cases_in_every_band(slug: str) -> None:
    per_band = Counter(band(case.expected_score) for case in cases_of(slug))
    short = {BANDS[index]: per_band[index] for index in range(len(BANDS))
             if per_band[index] < 5}
    assert short == {}


@pytest.mark.parametrize("slug", SLUGS)
def test_ids_are_unique_and_start_with_the_case_language(slug: str) -> None:
    cases = cases_of(slug)
    ids = [case.id for case in cases]
    assert sorted(set(ids)) == sorted(ids)
    assert [case.id for case in cases
            if re.fullmatch(rf"{case.language}-\d\d", case.id) is None] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_label_has_a_sound_tolerance_and_a_one_line_reason(slug: str) -> None:
    for case in cases_of(slug):
        assert 0.0 <= case.expected_score <= 1.0, case.id
        assert 0.05 <= case.tolerance <= 0.3, case.id
        assert case.reason.strip() == case.reason and case.reason, case.id
        assert "\n" not in case.reason, case.id
        assert case.item.input.strip() and case.item.answer.strip(), case.id


@pytest.mark.parametrize("slug", SLUGS)
def test_every_conversation_ends_with_the_cases_input_and_answer(slug: str) -> None:
    for case in cases_of(slug):
        turns = case.item.turns
        if not turns:
            continue
        assert case.item.is_conversation, case.id
        assert turns[-2:] == (Turn(role=Role.USER, content=case.item.input),
                              Turn(role=Role.AGENT, content=case.item.answer)), case.id
        assert [turn.role for turn in turns] == [Role.USER, Role.AGENT] * (len(turns) // 2)


@pytest.mark.parametrize("slug", SLUGS)
def test_no_labelled_case_is_skipped(slug: str) -> None:
    evaluator = EVALUATORS[slug][0]()
    assert [(case.id, evaluator.missing(case.item)) for case in cases_of(slug)
            if evaluator.missing(case.item) is not None] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_case_renders_with_its_text_inside_data_blocks(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    evaluator = cls()
    for case in cls.calibration_cases():
        request = evaluator.render(case.item)
        assert request.system == SYSTEM_PROMPT
        assert request.samples == 1
        assert data_block("answer", case.item.answer) in request.prompt, case.id
        assert data_block("input", case.item.input) in request.prompt, case.id
        assert cls.rubric in request.prompt, case.id
        outside = ANY_DATA_BLOCK.sub("", request.prompt)
        assert re.search(r"\$[A-Za-z_{]", outside) is None, case.id


def test_the_language_dataset_calibrates_both_ways_of_knowing_the_language() -> None:
    """Some cases name the expected language; the others leave the judge to take the
    user's. The two whose user writes in another language than the one expected must name
    it, or their labels would be wrong."""
    evaluator = LanguageEvaluator()
    cases = LanguageEvaluator.calibration_cases()
    named = {case.id for case in cases if case.item.language is not None}
    assert {"en-03", "es-04"} <= named
    assert len(named) >= 6
    assert len(cases) - len(named) >= 6
    for case in cases:
        prompt = evaluator.render(case.item).prompt
        if case.id in named:
            assert case.item.language == case.language, case.id
            assert data_block("language", case.language) in prompt, case.id
        else:
            assert '<data name="language">' not in prompt, case.id
            assert "(not specified)" in prompt, case.id


def test_the_language_prompt_without_a_language_says_it_is_not_specified() -> None:
    item = EvaluationInput(input="¿Abrís el domingo?", answer="Sí, de 10:00 a 14:00.")
    prompt = LanguageEvaluator().render(item).prompt
    assert "(not specified)" in prompt
    assert '<data name="language">' not in prompt


@pytest.mark.parametrize("slug", ["consistency", "context_retention", "relevance"])
def test_conversations_reach_the_judge_as_a_transcript(slug: str) -> None:
    cls = EVALUATORS[slug][0]
    conversations = [case for case in cls.calibration_cases() if case.item.is_conversation]
    assert len(conversations) >= 6
    for case in conversations:
        block = data_block("conversation", transcript(case.item.turns))
        assert block in cls().render(case.item).prompt, case.id


def test_context_retention_is_calibrated_on_conversations_only() -> None:
    cases = ContextRetentionEvaluator.calibration_cases()
    assert [case.id for case in cases if not case.item.is_conversation] == []


def test_context_retention_skips_a_case_that_is_not_a_conversation() -> None:
    evaluator = ContextRetentionEvaluator()
    single = EvaluationInput(input="Can I pay later?", answer="Yes, in three instalments.")
    one_user_turn = EvaluationInput(
        input="Can I pay later?", answer="Yes, in three instalments.",
        turns=(Turn(role=Role.USER, content="Can I pay later?"),
               Turn(role=Role.AGENT, content="Yes, in three instalments.")))
    two_user_turns = EvaluationInput(
        input="And by card?", answer="Yes, by card too.",
        turns=(Turn(role=Role.USER, content="Can I pay later?"),
               Turn(role=Role.AGENT, content="Yes, in three instalments."),
               Turn(role=Role.USER, content="And by card?"),
               Turn(role=Role.AGENT, content="Yes, by card too.")))
    assert evaluator.missing(single) == NOT_A_CONVERSATION
    assert evaluator.missing(one_user_turn) == NOT_A_CONVERSATION
    assert evaluator.missing(two_user_turns) is None


@pytest.mark.parametrize("slug", ["ambiguity", "language", "consistency", "relevance"])
def test_those_that_need_nothing_judge_a_bare_single_turn_case(slug: str) -> None:
    evaluator = EVALUATORS[slug][0]()
    assert evaluator.missing(EvaluationInput(input="Can I pay later?", answer="Yes.")) is None
