"""Reading ease: can the user read the answer at a glance?

A deterministic evaluator (no judge): it measures the answer's average sentence length in
words and average word length in letters, the two things that make a text slow to read in
English and Spanish alike, maps each onto [0, 1] between an easy and a hard bound, and
scores their geometric mean.
"""

from __future__ import annotations

import math
import re

from assay_sdk import (
    CalibrationMargin,
    EvaluationContext,
    EvaluationInput,
    EvaluationResult,
    Evaluator,
    scored,
)

#: A word: letters or digits, with inner apostrophes or hyphens ("don't", "e-mail").
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
#: Where a sentence ends: terminal punctuation followed by a space or the end, or a line
#: break (a list item reads as a sentence of its own).
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n+")

#: Average words per sentence: easy at or below the first, unreadable at the second.
SENTENCE_WORDS = (14.0, 50.0)
#: Average letters per word, likewise.
WORD_LETTERS = (4.5, 8.0)


def _ease(value: float, bounds: tuple[float, float]) -> float:
    easy, hard = bounds
    return min(1.0, max(0.0, (hard - value) / (hard - easy)))


class ReadingEaseEvaluator(Evaluator):
    name = "reading_ease"
    version = "1.0.0"
    title = "Reading ease"
    description = ("How easy the answer is to read, from its average sentence length and "
                   "word length: short sentences of everyday words score high.")
    default_threshold = 0.6
    uses_judge = False
    margin = CalibrationMargin(max_mean_abs_error=0.1, min_pass_agreement=0.85)

    async def evaluate(self, item: EvaluationInput, context: EvaluationContext
                       ) -> EvaluationResult:
        sentences = [s for s in SENTENCE_END.split(item.answer) if WORD.search(s)]
        words = WORD.findall(item.answer)
        if not words:
            return scored(0.0, context.threshold, "The answer has no words to read.",
                          {"sentences": 0, "words": 0})
        per_sentence = len(words) / len(sentences)
        letters = sum(len(word) for word in words) / len(words)
        # The geometric mean: either long sentences or long words make a text hard to read.
        score = round(math.sqrt(_ease(per_sentence, SENTENCE_WORDS)
                                * _ease(letters, WORD_LETTERS)), 2)
        explanation = (f"{len(sentences)} sentence(s) of {per_sentence:.1f} words on average, "
                       f"words of {letters:.1f} letters on average.")
        return scored(score, context.threshold, explanation,
                      {"sentences": len(sentences), "words": len(words),
                       "words_per_sentence": round(per_sentence, 2),
                       "letters_per_word": round(letters, 2)})
