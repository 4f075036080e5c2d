"""Context retention: does the agent remember and use what the user said earlier?

Only conversations can show it, so a single-turn case is skipped with that reason.
"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator, Requirement


class ContextRetentionEvaluator(LLMEvaluator):
    name = "context_retention"
    version = "1.0.0"
    title = "Context retention"
    description = ("Whether, in a conversation, the agent remembers and uses what the user "
                   "said in earlier turns (facts, choices, constraints) instead of forgetting "
                   "them, asking again or contradicting them.")
    default_threshold = 0.7
    requires = frozenset({Requirement.CONVERSATION})
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: uses everything relevant the user said earlier (names, numbers, choices, preferences, \
constraints) correctly; asks for nothing already given; or the last message needs nothing \
from earlier turns and the answer takes nothing wrongly from them.
0.75: keeps the key earlier facts, but misses or blurs a minor detail the user gave that \
would have made the answer better fit.
0.5: keeps some of the earlier context but loses an important part: it asks again for \
something the user already gave, or drops a constraint the user stated, or mixes up one \
earlier detail.
0.25: largely ignores the earlier turns: it treats the last message as if it stood alone, \
asks again for several things already given, or answers against a stated constraint.
0.0: has lost the conversation: it contradicts what the user said (wrong name, wrong order, \
the option the user ruled out), acts on the wrong earlier detail, or says it was never told \
what the user plainly told it."""
