"""Reading a plan file's YAML safely, remembering the line of every value for messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from assay.runner.problems import Path, Problem
from assay.safe_yaml import AliasUsed, NoAliasLoader


@dataclass
class YamlDocument:
    value: Any
    #: Path of every mapping value and list item -> its 1-based line.
    lines: dict[Path, int] = field(default_factory=dict)
    #: Keys given twice in one mapping (YAML would silently keep the last).
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor the file has."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


class YamlUnreadable(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_yaml(text: str) -> YamlDocument:
    """The document with its line map; raises YamlUnreadable when it is not valid YAML."""
    loader = NoAliasLoader(text)
    try:
        root = loader.get_single_node()
        value = None if root is None else loader.construct_document(root)
    except AliasUsed as exc:
        raise YamlUnreadable(Problem((), "YAML aliases (*name) are not supported: write the "
                                         "value out in full", exc.line)) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlUnreadable(_syntax_problem(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlUnreadable(Problem((), f"the file is not valid YAML: {exc}", 1)) from None
    except RecursionError:
        raise YamlUnreadable(Problem((), "the YAML is nested too deeply", 1)) from None
    finally:
        loader.dispose()
    document = YamlDocument(value)
    if root is not None:
        _walk(root, (), document)
    return document


def _syntax_problem(exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = f", column {mark.column + 1}" if mark is not None else ""
    detail = ", ".join(part for part in (exc.context, exc.problem) if part)
    return Problem((), f"the YAML is malformed at line {line}{column}: {detail}", line)


def _walk(node: yaml.Node, path: Path, document: YamlDocument) -> None:
    """Record lines depth-first, with an explicit stack (documents can be long)."""
    stack: list[tuple[yaml.Node, Path]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        document.lines.setdefault(where, current.start_mark.line + 1)
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, (*where, str(i))) for i, child in enumerate(current.value))
        elif isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, child in current.value:
                name = str(key.value)
                line = key.start_mark.line + 1
                if name in seen:
                    document.problems.append(Problem(
                        (*where, name), f"is given twice (lines {seen[name]} and {line}): "
                        "keep one", line))
                seen.setdefault(name, line)
                stack.append((child, (*where, name)))
                document.lines.setdefault((*where, name), line)
