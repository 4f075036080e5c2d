"""YAML documents of test cases: read safely (no aliases) with their lines, and written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from assay.errors import Issue, ValidationFailed
from assay.safe_yaml import AliasUsed, NoAliasLoader
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


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks (|), which read as the text itself."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # A block would turn these line breaks into "\n": leave such text to quoted styles.
    block = "\n" in text and not any(char in text for char in "\r\x85\u2028\u2029")
    style = "|" if block else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BlockDumper.add_representer(str, _represent_text)


def read_yaml(text: str) -> list[Item]:
    """The cases of a YAML document, each with its line; raises on a malformed document."""
    loader = NoAliasLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        document = loader.construct_document(root)
    except AliasUsed as exc:
        raise fail(exc.line, "YAML aliases (*name) are not supported: write the value out in "
                             "full") from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except yaml.YAMLError as exc:
        raise fail(_error_line(text, exc), f"the YAML cannot be read: {exc}") from None
    except RecursionError:
        raise too_deep("YAML") from None
    finally:
        loader.dispose()
    nodes, cases = _cases(root, document)
    items = [Item(node.start_mark.line + 1, raw) for node, raw in zip(nodes, cases, strict=True)]
    for item, node in zip(items, nodes, strict=True):
        item.problems.extend(_repeated_keys(item.line, node))
    return items


def write_yaml(cases: Sequence[CaseDraft]) -> str:
    """A YAML document of ``cases`` that read_yaml reads back."""
    return yaml.dump(cases_document(cases), Dumper=_BlockDumper, allow_unicode=True,
                     sort_keys=False, width=100)


def _syntax_error(exc: yaml.MarkedYAMLError) -> ValidationFailed:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    context = exc.context
    if context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
        context += f" (from line {exc.context_mark.line + 1})"
    detail = ", ".join(part for part in (context, exc.problem) if part)
    return fail(line, f"the YAML is malformed: {detail}; fix it and import again")


def _error_line(text: str, exc: yaml.YAMLError) -> int:
    position = getattr(exc, "position", None)
    return line_of(text, position) if isinstance(position, int) else 1


def _cases(root: yaml.Node, document: Any) -> tuple[list[yaml.Node], list[Any]]:
    """The nodes and values of the list of cases, after checking the document's shape."""
    line = root.start_mark.line + 1
    if isinstance(root, yaml.SequenceNode) and isinstance(document, list):
        return list(root.value), document
    if not isinstance(root, yaml.MappingNode) or not isinstance(document, dict):
        raise wrong_shape("YAML", line, document)
    check_top_keys(document.keys(), line)
    keys = [key.value for key, _ in root.value]
    if keys.count(TOP_KEY) > 1:
        raise repeated_top_key(line)
    cases = next(value for key, value in root.value if key.value == TOP_KEY)
    if not isinstance(cases, yaml.SequenceNode) or not isinstance(document[TOP_KEY], list):
        found = "nothing" if document[TOP_KEY] is None else json_kind(document[TOP_KEY])
        raise fail(cases.start_mark.line + 1, f"{TOP_KEY} must be a list of test cases; found "
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
            issues.append(duplicate_key(line, name, where))
    return issues
