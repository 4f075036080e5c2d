"""Deterministic asserts: validated when a test case is saved, checked against an agent's answer."""

from __future__ import annotations

from assay.testing.asserts.catalog import ASSERT_TYPES, MAX_ASSERTS
from assay.testing.asserts.checks import AssertOutcome, check
from assay.testing.asserts.language import SUPPORTED_LANGUAGES, DetectedLanguage, detect_language
from assay.testing.asserts.validate import collect_asserts, validate_asserts

__all__ = [
    "ASSERT_TYPES",
    "MAX_ASSERTS",
    "SUPPORTED_LANGUAGES",
    "AssertOutcome",
    "DetectedLanguage",
    "check",
    "collect_asserts",
    "detect_language",
    "validate_asserts",
]
