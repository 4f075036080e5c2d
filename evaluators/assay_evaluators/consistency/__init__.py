"""Consistency: does the agent contradict itself, in the answer or across the conversation?

Only agreement of the agent with itself is judged: an answer can be consistently wrong and
still score 1; checking facts against a reference is the job of other evaluators.
"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class ConsistencyEvaluator(LLMEvaluator):
    name = "consistency"
    version = "1.0.0"
    title = "Consistency"
    description = ("Whether the answer is free of contradictions, both within itself and "
                   "with what the agent said in earlier turns of the conversation.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: no contradiction: every statement agrees with the rest of the answer and with what \
the agent said earlier; any change of position is explicitly acknowledged and explained.
0.75: a minor inconsistency on an incidental detail (a figure or a name given two slightly \
different ways in passing) that does not change what the user should believe or do.
0.5: a clear contradiction on a secondary point (a fee, a deadline, a step, a condition), \
leaving the user unsure about that detail while the main answer holds.
0.25: a contradiction on the main point (yes and no, eligible and not, included and \
excluded), within the answer or against an earlier turn, without acknowledging it, so the \
user cannot tell which is true.
0.0: pervasive contradictions: several main points reversed or the answer says opposite \
things throughout, so nothing in it can be relied on."""
