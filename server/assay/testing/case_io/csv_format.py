"""CSV documents of test cases: a header row of field names, one row per case; read and written."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from assay.errors import Issue
from assay.testing.case_io.document import MAX_BYTES, Item, fail, issue
from assay.testing.validation import CASE_FIELDS, CaseDraft

#: CSV columns whose cells hold JSON arrays.
JSON_COLUMNS = ("turns", "tags", "asserts")
#: Columns whose cells are read stripped of surrounding spaces.
_TRIMMED_COLUMNS = ("mode", "difficulty", "language", "status")
#: How each JSON column's cell is written, for messages.
_EXAMPLES = {"turns": '["Hi", "I want a refund"]', "tags": '["billing", "refunds"]',
             "asserts": '[{"type": "contains", "value": "refund"}]'}
#: The field of a CSV column whose header was refused (its cells are not read).
_REFUSED = "\x00refused"

# An asserts cell may legitimately exceed the csv module's default 128 KiB field limit.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


def read_csv(text: str) -> list[Item]:
    """The cases of a CSV document, one per non-blank row after the header, with their lines.

    The ``turns``, ``tags`` and ``asserts`` cells hold JSON arrays (tags may also be written
    as plain comma-separated text).
    """
    rows = _rows(text)
    if len(rows) < 2:
        return []
    header_line, header = rows[0]
    columns, header_issues = _columns(header_line, header)
    items = [_item(line, row, columns) for line, row in rows[1:]]
    items[0].problems[:0] = header_issues
    return items


def write_csv(cases: Sequence[CaseDraft]) -> str:
    """A CSV document of ``cases`` that read_csv reads back."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CASE_FIELDS)
    for case in cases:
        raw = case.to_raw()
        writer.writerow([_cell_text(raw[name]) for name in CASE_FIELDS])
    return out.getvalue()


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on; the delimiter is guessed (, ; or tab)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((previous + 1, row))
            previous = reader.line_num
    except csv.Error as exc:
        raise fail(previous + 1, f"the CSV is malformed in the row starting on this line: "
                                 f"{exc}; quote cells that contain the delimiter, a quote or a "
                                 "line break, and double the quotes inside them") from None
    return rows


def _columns(line: int, header: list[str]) -> tuple[list[str], list[Issue]]:
    """The field each column holds ("" for an unnamed or refused one), and the refusals."""
    known = {name.lower(): name for name in CASE_FIELDS}
    columns: list[str] = []
    issues: list[Issue] = []
    for number, cell in enumerate(header, start=1):
        name = cell.strip()
        column = known.get(name.lower().replace("_", "").replace(" ", ""), "") if name else ""
        if name and not column:
            issues.append(issue(line, (name,), f"column {number} is not a test case field: "
                                "the first row must name the columns; rename or remove it "
                                f"(the fields are {', '.join(CASE_FIELDS)})", "UNKNOWN_FIELD"))
            column = _REFUSED
        elif column and column in columns:
            issues.append(issue(line, (column,), f"column {number} repeats {column!r}: keep "
                                "one", "DUPLICATE_COLUMN"))
            column = _REFUSED
        columns.append(column)
    return columns, issues


def _item(line: int, row: list[str], columns: list[str]) -> Item:
    item = Item(line, {})
    if len(row) != len(columns):
        item.problems.append(issue(line, (), f"has {len(row)} cells but the header has "
                                   f"{len(columns)}: quote cells that contain the delimiter, "
                                   "a quote or a line break", "CELL_COUNT"))
    for number, (column, cell) in enumerate(zip(columns, row, strict=False), start=1):
        if column == _REFUSED:
            continue
        if not column:
            if cell.strip():
                item.problems.append(issue(line, (), f"column {number} has no header but "
                                           "holds a value: name the column or clear the cell",
                                           "UNKNOWN_FIELD"))
            continue
        _read_cell(item, column, cell)
    return item


def _read_cell(item: Item, column: str, cell: str) -> None:
    if column in JSON_COLUMNS:
        if cell.strip():
            item.raw[column] = _json_cell(item, column, cell.strip())
    elif column in _TRIMMED_COLUMNS:
        if cell.strip():
            item.raw[column] = cell.strip()
    elif cell:
        item.raw[column] = cell


def _json_cell(item: Item, column: str, cell: str) -> Any:
    if column == "tags" and not cell.startswith("["):
        return [tag.strip() for tag in cell.split(",")]
    try:
        return json.loads(cell)
    except json.JSONDecodeError as exc:
        item.problems.append(issue(item.line, (column,), f"is not a JSON array: {exc.msg} "
                                   f"(character {exc.pos + 1}); write it like "
                                   f"{_EXAMPLES[column]}", "INVALID"))
        item.reported.add(column)
        return None


def _cell_text(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return str(value)
