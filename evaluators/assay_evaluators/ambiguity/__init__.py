"""Ambiguity: does the agent ask for what is missing instead of guessing?

A request is ambiguous when it can reasonably be read in more than one way, or lacks a
detail the right answer depends on, and nothing in the conversation or the case's context
settles it. A clear request needs no question: answering it directly is full marks.
"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class AmbiguityEvaluator(LLMEvaluator):
    name = "ambiguity"
    version = "1.0.0"
    title = "Ambiguity handling"
    description = ("Whether the agent asks for the detail it is missing when a request is "
                   "ambiguous, instead of silently guessing, and answers a clear request "
                   "directly without needless questions.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: handles ambiguity well: an ambiguous request gets a short, targeted question for \
exactly what is missing (or an answer that covers each plausible reading, clearly labelled); \
a clear request is answered directly, without needless questions.
0.75: the right approach with a small flaw: it asks for the missing detail but also for \
something it did not need; or, on a low-stakes request, it proceeds on a sensible \
assumption that it states openly and invites the user to correct; or it answers a clear \
request but adds an unnecessary clarifying question.
0.5: half-handled: the clarifying question is vague ("could you give more details?") and \
does not say what is missing; or it answers one reading and only mentions the other in \
passing; or it holds up a clear request with a question it did not need before helping.
0.25: guesses: it silently picks one reading of an ambiguous request and answers as if \
there were no doubt; or it asks again for what the user already said, instead of helping.
0.0: guesses with consequences or invents the missing detail: it takes or confirms an \
action (a payment, a cancellation, a change) on an unstated guess, or fabricates the \
information the user did not give (an account, a date, an amount)."""
