"""Conciseness: does the answer say what is needed without padding?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class ConcisenessEvaluator(LLMEvaluator):
    name = "conciseness"
    version = "1.0.0"
    title = "Conciseness"
    description = ("Whether the answer is as short as the question allows: no filler, "
                   "repetition, needless preamble or tangents; the length the question "
                   "needs is never penalised.")
    default_threshold = 0.6
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: every sentence earns its place; nothing could be cut without losing something the \
user needs (a long answer to a question that needs it is still 1.0).
0.75: tight overall, with a little avoidable padding (a stock greeting or closing, one \
restated sentence).
0.5: noticeably padded: about a quarter to half of the text is filler, repetition, \
boilerplate or a tangent, but the needed content is easy to find.
0.25: mostly padding: the needed content is buried under preambles, repetition, \
disclaimers or unrelated material.
0.0: almost all padding: the few useful words are lost in a wall of filler or the same \
point repeated over and over."""
