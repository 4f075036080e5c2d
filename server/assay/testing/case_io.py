"""Test case documents: parse JSON, YAML and CSV into drafts (with line numbers), and export them.

JSON and YAML hold a list of case objects, or ``{"testCases": [...]}``; CSV has a header row
of camelCase field names and one row per case, its ``turns``, ``tags`` and ``asserts`` cells
holding JSON arrays. Every problem in a document is reported at once, as one ValidationFailed
whose issues are located at ``("line", "<n>", field, ...)`` and whose messages begin
``line <n>: ``. ``export_cases`` writes documents that parse back to equal drafts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from assay.errors import Issue, ValidationFailed
from assay.testing.validation import CASE_FIELDS, CaseDraft, validate_case

FORMATS = ("JSON", "YAML", "CSV")
MAX_CASES = 5_000
MAX_BYTES = 5 * 1024 * 1024
#: Problems listed for one document; past this, a last issue says how many were left out.
MAX_ISSUES = 1_000
TOP_KEY = "testCases"
#: Messages starting so read on from the field's name ("title is required: ...").
_VERBS = ("is ", "has ", "must ", "does ", "contains ")
#: The field of a CSV column whose header was refused (its cells are not read).
_REFUSED = "\x00refused"
#: CSV columns whose cells hold JSON arrays.
JSON_COLUMNS = ("turns", "tags", "asserts")
SHAPES = {
    "JSON": 'a JSON list of test case objects, or {"testCases": [...]}',
    "YAML": "a YAML list of test case mappings, or a mapping with one key testCases holding "
    "that list",
    "CSV": f"a header row naming the columns ({', '.join(CASE_FIELDS)}), then one row per case",
}

# An asserts cell may legitimately exceed the csv module's default 128 KiB field limit.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


@dataclass
class _Item:
    """One case as found in a document, before validation."""

    line: int
    raw: Any
    problems: list[Issue] = field(default_factory=list)
    #: Fields already reported (their validation problems would only repeat them).
    reported: set[str] = field(default_factory=set)


def _issue(line: int, where: Sequence[str], message: str, code: str) -> Issue:
    """An issue at a line (and field); its message reads "line 4: title is required: ..."."""
    label = f"line {line}: "
    if where:
        joint = " " if message.startswith(_VERBS) else ": "
        label += ".".join(where) + joint
    return Issue(("line", str(line), *where), label + message, code)


def _fail(line: int, message: str, code: str = "SYNTAX") -> ValidationFailed:
    return ValidationFailed([_issue(line, (), message, code)])


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


# --------------------------------------------------------------------------- parsing


def parse_cases(text: str, fmt: str) -> list[CaseDraft]:
    """Every case of the document, validated; one ValidationFailed lists all problems."""
    kind = _format(fmt)
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


def _format(fmt: str) -> str:
    kind = fmt.strip().upper()
    if kind not in FORMATS:
        raise ValidationFailed([Issue(("format",), f"{fmt!r} is not a format: use one of "
                                                   f"{', '.join(FORMATS)}", "UNKNOWN_FORMAT")])
    return kind


def _check_size(text: str) -> None:
    size = len(text) if len(text) > MAX_BYTES else len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise ValidationFailed([Issue((), f"the document is {size / 1024 / 1024:.1f} MB: import "
                                          f"at most {MAX_BYTES // 1024 // 1024} MB at once; "
                                          "split it", "TOO_LARGE")])


def _empty(kind: str) -> ValidationFailed:
    return ValidationFailed([Issue((), f"the document holds no test case: give {SHAPES[kind]}",
                                   "EMPTY")])


def _validate_all(items: list[_Item]) -> list[CaseDraft]:
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


def _repeats(item: _Item, issue: Issue) -> bool:
    return len(issue.path) > 2 and issue.path[2] in item.reported


def _located(item: _Item, issue: Issue) -> Issue:
    return _issue(item.line, issue.path[2:], issue.message, issue.code)


def _capped(issues: list[Issue]) -> list[Issue]:
    if len(issues) <= MAX_ISSUES:
        return issues
    left = len(issues) - MAX_ISSUES
    return [*issues[:MAX_ISSUES],
            Issue((), f"{left:,} more problems are not listed: fix these and import again",
                  "TRUNCATED")]


# --------------------------------------------------------------------------- JSON


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


def _read_json(text: str) -> list[_Item]:
    duplicates = _DuplicateKeys()
    try:
        document = json.loads(text, object_pairs_hook=duplicates)
    except json.JSONDecodeError as exc:
        raise _fail(exc.lineno, f"the JSON is malformed: {exc.msg} (column {exc.colno}); fix "
                                "it and import again") from None
    except RecursionError:
        raise _fail(1, "the JSON is nested too deeply: simplify it") from None
    if isinstance(document, dict) and TOP_KEY in duplicates.last:
        raise _fail(1, f"{TOP_KEY!r} is given more than once: keep one list", "SHAPE")
    start = _json_list_start(text, document)
    return _json_items(text, start)


def _json_list_start(text: str, document: Any) -> int:
    """Where the list of cases opens, after checking the document's shape."""
    opening = _skip_space(text, 0)
    if isinstance(document, list):
        return opening
    if not isinstance(document, dict):
        raise _fail(_line_of(text, opening), f"expected {SHAPES['JSON']}; found "
                                             f"{_json_kind(document)}", "SHAPE")
    _check_top_keys(document.keys(), _line_of(text, opening))
    if not isinstance(document[TOP_KEY], list):
        raise _fail(_line_of(text, opening), f"{TOP_KEY} must be a list of test case objects; "
                                             f"found {_json_kind(document[TOP_KEY])}", "SHAPE")
    return _json_member_start(text, opening)


def _check_top_keys(keys: Any, line: int) -> None:
    others = [str(key) for key in keys if key != TOP_KEY]
    if others or TOP_KEY not in keys:
        found = f"it has {', '.join(repr(k) for k in others)}" if others else "it is empty"
        raise _fail(line, f"the document must hold one key, {TOP_KEY!r}, with the list of test "
                          f"cases; {found}", "SHAPE")


def _json_kind(value: Any) -> str:
    kinds = {str: "text", bool: "true/false", int: "a number", float: "a number", dict: "an object",
             list: "a list", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _json_member_start(text: str, opening: int) -> int:
    """Where the value of the top-level object's (only) testCases member starts."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, opening + 1)
    _, position = decoder.raw_decode(text, position)
    return _skip_space(text, _skip_space(text, position) + 1)


def _json_items(text: str, opening: int) -> list[_Item]:
    """Decode the list's items one by one to learn the line where each starts."""
    duplicates = _DuplicateKeys()
    decoder = json.JSONDecoder(object_pairs_hook=duplicates)
    items: list[_Item] = []
    position, line, counted = _skip_space(text, opening + 1), 1, 0
    while text[position] != "]":
        line += text.count("\n", counted, position)
        counted = position
        duplicates.keys.clear()
        raw, position = decoder.raw_decode(text, position)
        items.append(_Item(line, raw, _duplicate_issues(line, duplicates.keys)))
        position = _skip_space(text, position)
        if text[position] == ",":
            position = _skip_space(text, position + 1)
    return items


def _duplicate_issues(line: int, keys: Sequence[str]) -> list[Issue]:
    return [_issue(line, (), f"the key {key!r} is given more than once in this case: keep one",
                   "DUPLICATE_KEY") for key in keys]


# --------------------------------------------------------------------------- YAML


class _AliasUsed(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.line = mark.line + 1


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing aliases: no expansion bombs, no values shared by surprise."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasUsed(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


def _read_yaml(text: str) -> list[_Item]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        document = loader.construct_document(root)
    except _AliasUsed as exc:
        raise _fail(exc.line, "YAML aliases (*name) are not supported: write the value out in "
                              "full") from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_syntax(exc) from None
    except yaml.YAMLError as exc:
        raise _fail(_yaml_error_line(text, exc), f"the YAML cannot be read: {exc}") from None
    except RecursionError:
        raise _fail(1, "the YAML is nested too deeply: simplify it") from None
    finally:
        loader.dispose()
    nodes, cases = _yaml_cases(root, document)
    items = [_Item(node.start_mark.line + 1, raw) for node, raw in zip(nodes, cases, strict=True)]
    for item, node in zip(items, nodes, strict=True):
        item.problems.extend(_repeated_keys(item.line, node))
    return items


def _yaml_syntax(exc: yaml.MarkedYAMLError) -> ValidationFailed:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    context = exc.context
    if context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
        context += f" (from line {exc.context_mark.line + 1})"
    detail = ", ".join(part for part in (context, exc.problem) if part)
    return _fail(line, f"the YAML is malformed: {detail}; fix it and import again")


def _yaml_error_line(text: str, exc: yaml.YAMLError) -> int:
    position = getattr(exc, "position", None)
    return _line_of(text, position) if isinstance(position, int) else 1


def _yaml_cases(root: yaml.Node, document: Any) -> tuple[list[yaml.Node], list[Any]]:
    """The nodes and values of the list of cases, after checking the document's shape."""
    line = root.start_mark.line + 1
    if isinstance(root, yaml.SequenceNode) and isinstance(document, list):
        return list(root.value), document
    if not isinstance(root, yaml.MappingNode) or not isinstance(document, dict):
        raise _fail(line, f"expected {SHAPES['YAML']}; found {_json_kind(document)}", "SHAPE")
    _check_top_keys(document.keys(), line)
    keys = [key.value for key, _ in root.value]
    if keys.count(TOP_KEY) > 1:
        raise _fail(line, f"{TOP_KEY!r} is given more than once: keep one list", "SHAPE")
    cases = next(value for key, value in root.value if key.value == TOP_KEY)
    if not isinstance(cases, yaml.SequenceNode) or not isinstance(document[TOP_KEY], list):
        found = "nothing" if document[TOP_KEY] is None else _json_kind(document[TOP_KEY])
        raise _fail(cases.start_mark.line + 1, f"{TOP_KEY} must be a list of test cases; found "
                                               f"{found}", "SHAPE")
    return list(cases.value), document[TOP_KEY]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _repeated_keys(line: int, case: yaml.Node) -> list[Issue]:
    """Keys given twice in one mapping, anywhere in the case (YAML would keep the last)."""
    issues: list[Issue] = []
    stack = [case]
    while stack:
        node = stack.pop()
        stack.extend(_children(node))
        if not isinstance(node, yaml.MappingNode):
            continue
        names = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        where = "this case" if node is case else f"the mapping at line {node.start_mark.line + 1}"
        for name in dict.fromkeys(n for i, n in enumerate(names) if n in names[:i]):
            issues.append(_issue(line, (), f"the key {name!r} is given more than once in "
                                           f"{where}: keep one", "DUPLICATE_KEY"))
    return issues


# --------------------------------------------------------------------------- CSV


def _read_csv(text: str) -> list[_Item]:
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
        raise _fail(previous + 1, f"the CSV is malformed in the row starting on this line: "
                                  f"{exc}; quote cells that contain the delimiter, a quote or a "
                                  "line break, and double the quotes inside them") from None
    if len(rows) < 2:
        return []
    header_line, header = rows[0]
    columns, header_issues = _csv_columns(header_line, header)
    items = [_csv_item(line, row, columns) for line, row in rows[1:]]
    items[0].problems[:0] = header_issues
    return items


def _csv_columns(line: int, header: list[str]) -> tuple[list[str], list[Issue]]:
    """The field each column holds ("" for an unnamed or refused one), and the refusals."""
    known = {name.lower(): name for name in CASE_FIELDS}
    columns: list[str] = []
    issues: list[Issue] = []
    for number, cell in enumerate(header, start=1):
        name = cell.strip()
        column = known.get(name.lower().replace("_", "").replace(" ", ""), "") if name else ""
        if name and not column:
            issues.append(_issue(line, (name,), f"column {number} is not a test case field: "
                                 "the first row must name the columns; rename or remove it "
                                 f"(the fields are {', '.join(CASE_FIELDS)})", "UNKNOWN_FIELD"))
            column = _REFUSED
        elif column and column in columns:
            issues.append(_issue(line, (column,), f"column {number} repeats {column!r}: keep "
                                 "one", "DUPLICATE_COLUMN"))
            column = _REFUSED
        columns.append(column)
    return columns, issues


def _csv_item(line: int, row: list[str], columns: list[str]) -> _Item:
    item = _Item(line, {})
    if len(row) != len(columns):
        item.problems.append(_issue(line, (), f"has {len(row)} cells but the header has "
                                    f"{len(columns)}: quote cells that contain the delimiter, "
                                    "a quote or a line break", "CELL_COUNT"))
    for number, (column, cell) in enumerate(zip(columns, row, strict=False), start=1):
        if column == _REFUSED:
            continue
        if not column:
            if cell.strip():
                item.problems.append(_issue(line, (), f"column {number} has no header but "
                                            "holds a value: name the column or clear the cell",
                                            "UNKNOWN_FIELD"))
            continue
        _csv_cell(item, column, cell)
    return item


def _csv_cell(item: _Item, column: str, cell: str) -> None:
    if column in JSON_COLUMNS:
        if cell.strip():
            item.raw[column] = _csv_json(item, column, cell.strip())
    elif column in ("mode", "difficulty", "language", "status"):
        if cell.strip():
            item.raw[column] = cell.strip()
    elif cell:
        item.raw[column] = cell


def _csv_json(item: _Item, column: str, cell: str) -> Any:
    if column == "tags" and not cell.startswith("["):
        return [tag.strip() for tag in cell.split(",")]
    try:
        return json.loads(cell)
    except json.JSONDecodeError as exc:
        example = {"turns": '["Hi", "I want a refund"]', "tags": '["billing", "refunds"]',
                   "asserts": '[{"type": "contains", "value": "refund"}]'}[column]
        item.problems.append(_issue(item.line, (column,), f"is not a JSON array: {exc.msg} "
                                    f"(character {exc.pos + 1}); write it like {example}",
                                    "INVALID"))
        item.reported.add(column)
        return None


_READERS: dict[str, Callable[[str], list[_Item]]] = {
    "JSON": _read_json,
    "YAML": _read_yaml,
    "CSV": _read_csv,
}


# --------------------------------------------------------------------------- export


def export_cases(cases: Sequence[CaseDraft], fmt: str) -> str:
    """A document in ``fmt`` that parse_cases reads back into equal drafts."""
    return _WRITERS[_format(fmt)](cases)


def _write_json(cases: Sequence[CaseDraft]) -> str:
    document = {TOP_KEY: [case.to_raw() for case in cases]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks (|), which read as the text itself."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # A block would turn these line breaks into "\n": leave such text to quoted styles.
    block = "\n" in text and not any(char in text for char in "\r\x85\u2028\u2029")
    style = "|" if block else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BlockDumper.add_representer(str, _represent_text)


def _write_yaml(cases: Sequence[CaseDraft]) -> str:
    document = {TOP_KEY: [case.to_raw() for case in cases]}
    return yaml.dump(document, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False,
                     width=100)


def _write_csv(cases: Sequence[CaseDraft]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CASE_FIELDS)
    for case in cases:
        raw = case.to_raw()
        writer.writerow([_csv_text(raw[name]) for name in CASE_FIELDS])
    return out.getvalue()


def _csv_text(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return str(value)


_WRITERS: dict[str, Callable[[Sequence[CaseDraft]], str]] = {
    "JSON": _write_json,
    "YAML": _write_yaml,
    "CSV": _write_csv,
}
