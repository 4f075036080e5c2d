"""Empathy: does the answer acknowledge the user's feelings or situation when it calls for it?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class EmpathyEvaluator(LLMEvaluator):
    name = "empathy"
    version = "1.0.0"
    title = "Empathy"
    description = ("Whether the answer recognises the user's feelings or situation (worry, "
                   "frustration, loss, urgency) when the message shows them, and responds to "
                   "the person as well as to the request; a neutral factual question needs "
                   "no empathy and loses nothing without it.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: as much empathy as the situation calls for: a distressing or stressful situation is \
acknowledged specifically and sincerely and the help is shaped by it (urgency, reassurance, \
flexibility); or the question is neutral and the answer is plainly considerate.
0.75: the situation is acknowledged, but generically or briefly ("sorry for the \
inconvenience" where more was warranted), or the acknowledgement does not shape the help.
0.5: the feelings or situation the user expressed are ignored: a correct but purely \
transactional answer to someone who said they are upset, worried or in trouble; or the \
empathy is so formulaic or exaggerated that it rings hollow.
0.25: cold or invalidating: minimises the user's situation ("it's only a small fee"), \
answers a clear distress signal with bare policy, or mistakes the user's mood badly \
(cheerful to someone grieving).
0.0: callous: dismisses, mocks or blames the user for their distress, or shows indifference \
to a serious situation (bereavement, fraud, a health or safety emergency)."""
