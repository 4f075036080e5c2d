"""A tiny LLM evaluator with its own eight-case dataset, so calibration figures can be worked
out by hand (see tests/judging/test_calibration.py)."""

from __future__ import annotations

from assay_sdk import CalibrationMargin, LLMEvaluator


class TinyEvaluator(LLMEvaluator):
    name = "tiny"
    version = "0.1.0"
    title = "Tiny"
    description = "A test evaluator."
    default_threshold = 0.7
    margin = CalibrationMargin(max_mean_abs_error=0.15, min_pass_agreement=0.85)
    rubric = "1.0: right.\n0.0: wrong."
