"""Data accuracy: are the answer's figures, prices, dates and quantities right?"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator, Requirement


class DataAccuracyEvaluator(LLMEvaluator):
    name = "data_accuracy"
    version = "1.0.0"
    title = "Data accuracy"
    description = ("Whether the figures, prices, amounts, dates, times, percentages and "
                   "quantities in the answer are correct against the expected output (and "
                   "the context, when the case has one), including any arithmetic done "
                   "with them.")
    default_threshold = 0.75
    requires = frozenset({Requirement.EXPECTED_OUTPUT})
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: every figure, price, date, time, quantity, percentage, unit and currency the answer \
states is correct, including any arithmetic (totals, differences, days counted); \
equivalent forms (1,500 and 1.500; 15/03 and 15 March) and omitted figures are not \
penalised.
0.75: the key figures are right, with a minor imprecision that does not mislead: harmless \
rounding ("about 20 euros" for 19.90), a secondary figure slightly off, or a unit or \
currency left implicit where it is obvious.
0.5: mixed: one key figure is wrong while others are right, or a figure the user asked \
for is given so vaguely that it cannot be used ("a small fee" for a 35 euro fee), or \
a calculation is wrong though its inputs are right.
0.25: mostly wrong: the main figure the user asked for is wrong (another price, date, \
limit or amount), or most of the figures are wrong.
0.0: every figure that matters is wrong or invented, or an error could cause direct harm \
(a wrong amount to pay, a wrong deadline that makes the user lose a right, a wrong dose)."""
