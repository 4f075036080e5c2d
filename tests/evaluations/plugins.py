"""A third-party evaluator distribution made for these tests, installed for real on sys.path.

It declares, through ``assay.evaluators`` entry points: ``answer_length`` (deterministic, no
judge: the answer's length over 40 characters, capped at 1), ``always_raises`` (its
evaluate raises) and ``broken_import`` (its module raises on import, so the registry rejects
it). The host's registry is reloaded while it is installed, and again after.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assay.plugins.registry import evaluators
from tests.plugins.fakes import on_path, write_distribution

PACKAGE = "assay_eval_testkit"
_EVALUATORS = '''
from assay_sdk import Evaluator, scored


class AnswerLengthEvaluator(Evaluator):
    name = "answer_length"
    version = "0.3.0"
    title = "Answer length"
    description = "Longer answers score higher, up to 40 characters."
    default_threshold = 0.5
    uses_judge = False

    async def evaluate(self, item, context):
        score = min(1.0, len(item.answer) / 40)
        return scored(score, context.threshold, f"{len(item.answer)} characters")


class AlwaysRaisesEvaluator(Evaluator):
    name = "always_raises"
    version = "0.1.0"
    title = "Always raises"
    description = "Raises on every case."
    uses_judge = False

    async def evaluate(self, item, context):
        raise ZeroDivisionError("the plugin divided by zero")
'''
_CALIBRATION = json.dumps({"id": "en-01", "language": "en", "input": "Hi", "answer": "Hello",
                           "expected_score": 0.125, "tolerance": 0.05,
                           "reason": "five characters"}) + "\n"


@contextmanager
def installed(root: Path) -> Iterator[None]:
    write_distribution(
        root, name="assay-eval-testkit", version="0.3.0", package=PACKAGE,
        modules={"__init__.py": _EVALUATORS,
                 "broken.py": "raise RuntimeError('this plugin cannot be imported')\n"},
        data={"calibration.jsonl": _CALIBRATION},
        entry_points={"assay.evaluators": {
            "answer_length": f"{PACKAGE}:AnswerLengthEvaluator",
            "always_raises": f"{PACKAGE}:AlwaysRaisesEvaluator",
            "broken_import": f"{PACKAGE}.broken:BrokenEvaluator"}})
    with on_path(root, PACKAGE):
        evaluators.cache_clear()
        try:
            yield
        finally:
            evaluators.cache_clear()
    evaluators.cache_clear()
