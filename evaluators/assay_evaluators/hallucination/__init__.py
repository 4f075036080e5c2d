"""Hallucination: does the answer state facts its references do not support?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, EvaluationInput, LLMEvaluator, Requirement

#: Why a case without either reference cannot be judged (said to the user as is).
NO_REFERENCE = ("the case has neither an expected output nor context, which hallucination "
                "needs: add one of them so the answer's facts can be checked against it")


class HallucinationEvaluator(LLMEvaluator):
    """Needs the expected output OR the context, so it declares neither in ``requires``
    (that would demand both) and says what is missing in :meth:`missing` instead."""

    name = "hallucination"
    version = "1.0.0"
    title = "Hallucination"
    description = ("Whether every fact the answer states is supported by the case's expected "
                   "output or context (or is common knowledge); extra correct detail is not "
                   "penalised; 1.0 means no hallucination.")
    default_threshold = 0.75
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: no hallucination: every claim is supported by the references, follows from them, or is \
common knowledge; extra detail that is consistent and correct, rewording, hedged \
suggestions and omissions are not penalised.
0.75: a minor unsupported detail that does not change the substance or mislead (an \
invented but harmless specific such as a plausible menu path, a softened or slightly \
embellished condition).
0.5: a material unsupported claim next to correct content: an invented fee, deadline, \
figure, feature, requirement or policy the references do not contain, which the user might \
act on.
0.25: a claim that contradicts the references on a key point, or several material \
invented claims, with only some of the answer grounded.
0.0: the answer is essentially fabricated: its key claims contradict the references or \
have no basis in them (an invented policy, product, or outcome presented as fact)."""

    def missing(self, item: EvaluationInput) -> str | None:
        if not (item.has(Requirement.EXPECTED_OUTPUT) or item.has(Requirement.CONTEXT)):
            return NO_REFERENCE
        return super().missing(item)
