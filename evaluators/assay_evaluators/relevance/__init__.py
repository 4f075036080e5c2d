"""Relevance: does the answer address what the user asked?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class RelevanceEvaluator(LLMEvaluator):
    name = "relevance"
    version = "1.0.0"
    title = "Relevance"
    description = ("Whether the answer addresses what the user actually asked, without "
                   "drifting to another topic or answering a different question.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: addresses exactly what was asked; every part of the answer serves the question.
0.75: addresses the question, with some content that does not serve it.
0.5: addresses it only in part, or buries the answer under unrelated material.
0.25: touches the topic but does not answer what was asked.
0.0: unrelated to the question, or answers a different question."""
