"""Exporting test cases as a JSON, YAML or CSV document that parses back to equal drafts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assay.testing.case_io.csv_format import write_csv
from assay.testing.case_io.document import format_of
from assay.testing.case_io.json_format import write_json
from assay.testing.case_io.yaml_format import write_yaml
from assay.testing.validation import CaseDraft

_WRITERS: dict[str, Callable[[Sequence[CaseDraft]], str]] = {
    "JSON": write_json,
    "YAML": write_yaml,
    "CSV": write_csv,
}


def export_cases(cases: Sequence[CaseDraft], fmt: str) -> str:
    """A document in ``fmt`` that parse_cases reads back into equal drafts."""
    return _WRITERS[format_of(fmt)](cases)
