"""Completeness: does the answer cover every point it should?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator, Requirement


class CompletenessEvaluator(LLMEvaluator):
    name = "completeness"
    version = "1.0.0"
    title = "Completeness"
    description = ("Whether the answer covers every point of the expected answer and every "
                   "part of the user's question, leaving nothing the user needs unsaid.")
    default_threshold = 0.7
    requires = frozenset({Requirement.EXPECTED_OUTPUT})
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: covers every point of the expected answer and every part of the question.
0.75: covers all the essential points; one secondary point (a detail, a caveat, an \
optional step) is missing.
0.5: covers about half: one essential point or one part of a multi-part question is \
missing, or several secondary points are.
0.25: covers only a small part: most essential points or most parts of the question are \
missing.
0.0: covers none of the points (an empty, evasive or off-topic answer)."""
