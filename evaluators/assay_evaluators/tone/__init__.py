"""Tone: is the answer polite, professional and on-brand?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class ToneEvaluator(LLMEvaluator):
    name = "tone"
    version = "1.0.0"
    title = "Tone"
    description = ("Whether the answer is polite, respectful and professional, as a good "
                   "brand representative would speak, and never rude, sarcastic, "
                   "condescending, blaming or dismissive.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: courteous, respectful and professional throughout, including when refusing, \
correcting the user or giving bad news.
0.75: polite overall with a small lapse: curt, flat or mechanical in places, a slightly \
over-familiar or over-excited remark.
0.5: noticeably off: impatient, lecturing, passive-aggressive or dismissive in places, \
though not insulting.
0.25: rude, sarcastic or condescending: mocks or blames the user, talks down to them, or \
shows open irritation.
0.0: hostile or abusive: insults, contempt, threats or profanity aimed at the user."""
