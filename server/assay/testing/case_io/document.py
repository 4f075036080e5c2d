"""What every document format shares: its limits and shape, and problems located at a line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assay.errors import Issue, ValidationFailed
from assay.testing.validation import CASE_FIELDS, CaseDraft

FORMATS = ("JSON", "YAML", "CSV")
MAX_CASES = 5_000
MAX_BYTES = 5 * 1024 * 1024
#: The key of a JSON or YAML document's list of cases, when the list is not the document.
TOP_KEY = "testCases"
#: What a document of each format looks like, for messages saying what to give.
SHAPES = {
    "JSON": 'a JSON list of test case objects, or {"testCases": [...]}',
    "YAML": "a YAML list of test case mappings, or a mapping with one key testCases holding "
    "that list",
    "CSV": f"a header row naming the columns ({', '.join(CASE_FIELDS)}), then one row per case",
}
#: Messages starting so read on from the field's name ("title is required: ...").
_VERBS = ("is ", "has ", "must ", "does ", "contains ")


@dataclass
class Item:
    """One case as found in a document, before validation."""

    line: int
    raw: Any
    problems: list[Issue] = field(default_factory=list)
    #: Fields already reported (their validation problems would only repeat them).
    reported: set[str] = field(default_factory=set)


def format_of(fmt: str) -> str:
    """The format named by ``fmt`` (any case), or a ValidationFailed at ``format``."""
    kind = fmt.strip().upper()
    if kind not in FORMATS:
        raise ValidationFailed([Issue(("format",), f"{fmt!r} is not a format: use one of "
                                                   f"{', '.join(FORMATS)}", "UNKNOWN_FORMAT")])
    return kind


def issue(line: int, where: Sequence[str], message: str, code: str) -> Issue:
    """An issue at a line (and field); its message reads "line 4: title is required: ..."."""
    label = f"line {line}: "
    if where:
        joint = " " if message.startswith(_VERBS) else ": "
        label += ".".join(where) + joint
    return Issue(("line", str(line), *where), label + message, code)


def fail(line: int, message: str, code: str = "SYNTAX") -> ValidationFailed:
    """The error for a whole document that cannot be read past ``line``."""
    return ValidationFailed([issue(line, (), message, code)])


def line_of(text: str, position: int) -> int:
    """The line number of a character position in ``text``."""
    return text.count("\n", 0, position) + 1


def too_deep(kind: str) -> ValidationFailed:
    return fail(1, f"the {kind} is nested too deeply: simplify it")


def duplicate_key(line: int, key: str, where: str = "this case") -> Issue:
    """A key given twice in one object of the case at ``line``."""
    return issue(line, (), f"the key {key!r} is given more than once in {where}: keep one",
                 "DUPLICATE_KEY")


def json_kind(value: Any) -> str:
    """What ``value`` is, in words ("text", "a list", ...)."""
    kinds = {str: "text", bool: "true/false", int: "a number", float: "a number", dict: "an object",
             list: "a list", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def check_top_keys(keys: Iterable[Any], line: int) -> None:
    """Refuse a top-level mapping that is not exactly ``{"testCases": ...}``."""
    keys = list(keys)
    others = [str(key) for key in keys if key != TOP_KEY]
    if others or TOP_KEY not in keys:
        found = f"it has {', '.join(repr(k) for k in others)}" if others else "it is empty"
        raise fail(line, f"the document must hold one key, {TOP_KEY!r}, with the list of test "
                         f"cases; {found}", "SHAPE")


def repeated_top_key(line: int) -> ValidationFailed:
    return fail(line, f"{TOP_KEY!r} is given more than once: keep one list", "SHAPE")


def cases_document(cases: Sequence[CaseDraft]) -> dict[str, list[dict[str, Any]]]:
    """The ``{"testCases": [...]}`` object that JSON and YAML exports write."""
    return {TOP_KEY: [case.to_raw() for case in cases]}


def wrong_shape(kind: str, line: int, document: Any) -> ValidationFailed:
    """The error for a ``kind`` document that is neither a list nor a testCases mapping."""
    return fail(line, f"expected {SHAPES[kind]}; found {json_kind(document)}", "SHAPE")
