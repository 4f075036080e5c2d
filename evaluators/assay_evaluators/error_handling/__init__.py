"""Error handling: how well does the agent cope with failures and invalid or unexpected input?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class ErrorHandlingEvaluator(LLMEvaluator):
    name = "error_handling"
    version = "1.0.0"
    title = "Error handling"
    description = ("How the agent copes with failures (a lookup or system that fails, data "
                   "not found) and with invalid, incomplete, contradictory or unexpected "
                   "input: whether it notices, says clearly what went wrong and offers a way "
                   "forward, instead of guessing, inventing or breaking down.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: the problem is noticed and handled well: the agent says plainly what is wrong or \
missing (without jargon), asks for exactly what it needs or gives a concrete way forward \
(retry, alternative, human channel), and keeps the user's progress; or the exchange held \
no error and the agent invented none.
0.75: handled, with a small weakness: the explanation is vague ("something went wrong"), \
the way forward is generic, or it asks for more than it needs.
0.5: half-handled: notices the problem but leaves the user stuck (no next step), or goes on \
with an unconfirmed assumption about invalid or ambiguous input, or blames the user \
without saying how to fix it.
0.25: mishandled: ignores the invalid input or the failure and answers as if all were fine, \
gives a misleading reason, or exposes raw internals (stack traces, error codes with no \
meaning to the user).
0.0: broken: invents a result to cover a failure (a confirmation, an order status, a \
balance that was never retrieved), acts on clearly invalid input with consequences, or \
the answer itself is an error dump, a loop or nonsense."""
