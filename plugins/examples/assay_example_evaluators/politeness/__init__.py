"""Politeness: is the agent courteous and respectful to the user?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class PolitenessEvaluator(LLMEvaluator):
    name = "politeness"
    version = "1.0.0"
    title = "Politeness"
    description = ("Whether the answer treats the user with courtesy and respect, whatever "
                   "it says: a polite refusal is polite, a correct but condescending answer "
                   "is not.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: courteous and respectful throughout: friendly phrasing, acknowledges the user's \
situation where it matters, no condescension.
0.75: polite but plain, or with one small lapse: matter-of-fact with no courtesy markers, \
or a slightly curt phrase; nothing disrespectful.
0.5: brusque: orders without softening, impatience, or a mildly dismissive remark.
0.25: impolite: condescending, sarcastic, blaming or lecturing the user, or brushing the \
request off.
0.0: rude or hostile: insults, mocks or belittles the user."""
