"""Language: is the answer in the expected language, and well written in it?

The expected language is the case's ``language`` when it names one, else the language the
user writes in. Quality means grammar, spelling (accents included) and natural phrasing,
not content, tone or register.
"""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class LanguageEvaluator(LLMEvaluator):
    name = "language"
    version = "1.0.0"
    title = "Language"
    description = ("Whether the answer is written in the expected language (the case's, "
                   "else the user's) with sound grammar, correct spelling and natural "
                   "phrasing.")
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = """\
1.0: entirely in the expected language, grammatical, correctly spelt (accents and \
punctuation included) and natural, as a fluent writer would put it.
0.75: in the expected language with a few minor slips that do not hinder reading: a \
missing accent, a typo, one awkward or literally translated phrase, a stray word in another \
language.
0.5: in the expected language but poorly written: frequent grammar or spelling errors, or \
stilted machine-translation phrasing throughout; or a substantial part (a sentence or more \
of the substance) in another language.
0.25: mostly in the wrong language, with only fragments in the expected one; or in the \
expected language but so broken that it is hard to understand.
0.0: entirely in a language other than the expected one, or unintelligible."""
