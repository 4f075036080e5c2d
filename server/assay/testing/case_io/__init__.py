"""Test case documents: JSON, YAML and CSV parsed into drafts (with line numbers) and exported."""

from __future__ import annotations

from assay.testing.case_io.document import FORMATS, MAX_BYTES, MAX_CASES, format_of
from assay.testing.case_io.exporting import export_cases
from assay.testing.case_io.parsing import MAX_ISSUES, parse_cases

__all__ = ["FORMATS", "MAX_BYTES", "MAX_CASES", "MAX_ISSUES", "export_cases", "format_of",
           "parse_cases"]
