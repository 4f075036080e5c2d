"""Parsing a document of test cases: every case validated, every problem reported at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assay.errors import Issue, ValidationFailed
from assay.testing.case_io.csv_format import read_csv
from assay.testing.case_io.document import (
    MAX_BYTES,
    MAX_CASES,
    SHAPES,
    Item,
    format_of,
    issue,
)
from assay.testing.case_io.json_format import read_json
from assay.testing.case_io.yaml_format import read_yaml
from assay.testing.validation import CaseDraft, validate_case

#: Problems listed for one document; past this, a last issue says how many were left out.
MAX_ISSUES = 1_000

_READERS: dict[str, Callable[[str], list[Item]]] = {
    "JSON": read_json,
    "YAML": read_yaml,
    "CSV": read_csv,
}


def parse_cases(text: str, fmt: str) -> list[CaseDraft]:
    """Every case of the document, validated; one ValidationFailed lists all problems.

    Issues are located at ``("line", "<n>", field, ...)`` and their messages begin
    ``line <n>: ``; a problem with the whole document (size, format, count) has an empty path.
    """
    kind = format_of(fmt)
    _check_size(text)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _empty(kind)
    items = _READERS[kind](text)
    if not items:
        raise _empty(kind)
    if len(items) > MAX_CASES:
        raise ValidationFailed([Issue((), f"the document holds {len(items):,} test cases: import "
                                          f"at most {MAX_CASES:,} at once; split it", "TOO_MANY")])
    return _validate_all(items)


def _check_size(text: str) -> None:
    size = len(text) if len(text) > MAX_BYTES else len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise ValidationFailed([Issue((), f"the document is {size / 1024 / 1024:.1f} MB: import "
                                          f"at most {MAX_BYTES // 1024 // 1024} MB at once; "
                                          "split it", "TOO_LARGE")])


def _empty(kind: str) -> ValidationFailed:
    return ValidationFailed([Issue((), f"the document holds no test case: give {SHAPES[kind]}",
                                   "EMPTY")])


def _validate_all(items: list[Item]) -> list[CaseDraft]:
    drafts: list[CaseDraft] = []
    issues: list[Issue] = []
    for item in items:
        issues.extend(item.problems)
        try:
            draft = validate_case(item.raw, path=("line", str(item.line)))
        except ValidationFailed as exc:
            issues.extend(_located(item, i) for i in exc.issues if not _repeats(item, i))
        else:
            drafts.append(replace(draft, line=item.line))
    if issues:
        raise ValidationFailed(_capped(issues))
    return drafts


def _repeats(item: Item, problem: Issue) -> bool:
    """True when the problem is in a field the reader already reported."""
    return len(problem.path) > 2 and problem.path[2] in item.reported


def _located(item: Item, problem: Issue) -> Issue:
    """A validation problem re-worded to begin with the case's line."""
    return issue(item.line, problem.path[2:], problem.message, problem.code)


def _capped(issues: list[Issue]) -> list[Issue]:
    if len(issues) <= MAX_ISSUES:
        return issues
    left = len(issues) - MAX_ISSUES
    return [*issues[:MAX_ISSUES],
            Issue((), f"{left:,} more problems are not listed: fix these and import again",
                  "TRUNCATED")]
