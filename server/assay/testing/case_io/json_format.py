"""JSON documents of test cases: read with the line where each case starts, and written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from assay.testing.case_io.document import (
    TOP_KEY,
    Item,
    cases_document,
    check_top_keys,
    duplicate_key,
    fail,
    json_kind,
    line_of,
    repeated_top_key,
    too_deep,
    wrong_shape,
)
from assay.testing.validation import CaseDraft


class _DuplicateKeys:
    """An object_pairs_hook that builds dicts and remembers keys given twice.

    ``keys`` gathers them over every object decoded since it was cleared; ``last`` holds those
    of the object decoded last (the top-level one, once a whole document is decoded).
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.last: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built: dict[str, Any] = {}
        self.last = []
        for key, value in pairs:
            if key in built:
                self.last.append(key)
                if key not in self.keys:
                    self.keys.append(key)
            built[key] = value
        return built


def read_json(text: str) -> list[Item]:
    """The cases of a JSON document, each with its line; raises on a malformed document."""
    duplicates = _DuplicateKeys()
    try:
        document = json.loads(text, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        raise fail(exc.lineno, f"the JSON is malformed: {exc.msg} (column {exc.colno}); fix "
                               "it and import again") from None
    except RecursionError:
        raise too_deep("JSON") from None
    if isinstance(document, dict) and TOP_KEY in duplicates.last:
        raise repeated_top_key(1)
    start = _list_start(text, document)
    return _items(text, start)


def write_json(cases: Sequence[CaseDraft]) -> str:
    """A JSON document of ``cases`` that read_json reads back."""
    return json.dumps(cases_document(cases), ensure_ascii=False, indent=2) + "\n"


def _list_start(text: str, document: Any) -> int:
    """Where the list of cases opens, after checking the document's shape."""
    opening = _skip_space(text, 0)
    if isinstance(document, list):
        return opening
    if not isinstance(document, dict):
        raise wrong_shape("JSON", line_of(text, opening), document)
    check_top_keys(document.keys(), line_of(text, opening))
    if not isinstance(document[TOP_KEY], list):
        raise fail(line_of(text, opening), f"{TOP_KEY} must be a list of test case objects; "
                                           f"found {json_kind(document[TOP_KEY])}", "SHAPE")
    return _member_start(text, opening)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _member_start(text: str, opening: int) -> int:
    """Where the value of the top-level object's (only) testCases member starts."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, opening + 1)
    _, position = decoder.raw_decode(text, position)
    return _skip_space(text, _skip_space(text, position) + 1)


def _items(text: str, opening: int) -> list[Item]:
    """Decode the list's items one by one to learn the line where each starts."""
    duplicates = _DuplicateKeys()
    decoder = json.JSONDecoder(object_pairs_hook=duplicates)
    items: list[Item] = []
    position, line, counted = _skip_space(text, opening + 1), 1, 0
    while text[position] != "]":
        line += text.count("\n", counted, position)
        counted = position
        duplicates.keys.clear()
        raw, position = decoder.raw_decode(text, position)
        items.append(Item(line, raw, [duplicate_key(line, key) for key in duplicates.keys]))
        position = _skip_space(text, position)
        if text[position] == ",":
            position = _skip_space(text, position + 1)
    return items
