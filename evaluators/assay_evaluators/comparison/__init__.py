"""Comparison: does the answer mean what the expected answer means?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator, Requirement


class ComparisonEvaluator(LLMEvaluator):
    name = "comparison"
    version = "1.0.0"
    title = "Comparison"
    description = ("Whether the answer says the same thing as the case's expected answer: "
                   "the same facts, conclusion and instructions, whatever the wording.")
    default_threshold = 0.7
    requires = frozenset({Requirement.EXPECTED_OUTPUT})
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: equivalent in meaning: every key fact, figure, condition and the conclusion of the \
expected answer are there, and nothing contradicts it (wording, order, format and extra \
consistent detail do not matter).
0.75: the same conclusion and key facts, with a minor detail of the expected answer missing \
or stated loosely (a secondary condition, a rounded figure), and no contradiction.
0.5: partly equivalent: the main point agrees but a key fact, condition or step is missing \
or differs.
0.25: mostly different: the answer contradicts a key fact or reaches a different \
conclusion, keeping only minor points of agreement; or it is so vague that it conveys none \
of the expected answer's key facts.
0.0: opposite or unrelated meaning: it contradicts the expected answer's conclusion, or \
shares nothing with it."""
