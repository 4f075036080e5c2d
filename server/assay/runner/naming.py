"""Plan files spell fields in snake_case; the API's validators speak camelCase.

Keys are turned into camelCase before validation, and the paths and messages of the
problems found are turned back, so every message names the field as the file spells it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from assay.errors import Issue
from assay.runner.problems import Path

_UPPER = re.compile(r"(?<!^)([A-Z])")


def snake(name: str) -> str:
    return _UPPER.sub(r"_\1", name).lower()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@cache
def _field_pattern(names: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})\b")


def message(text: str, fields: Iterable[str]) -> str:
    """``text`` with each camelCase field name of ``fields`` written in snake_case."""
    names = frozenset(name for name in fields if snake(name) != name)
    if not names:
        return text
    return _field_pattern(names).sub(lambda m: snake(m.group(1)), text)


def issue_path(path: Path, fields: Iterable[str], renames: dict[str, str] | None = None
               ) -> Path:
    """The file's path for an API issue path: known camelCase fields in snake_case."""
    known, renames = frozenset(fields), renames or {}
    return tuple(renames.get(part, snake(part) if part in known else part) for part in path)


def file_issue(issue: Issue, fields: Iterable[str], renames: dict[str, str] | None = None
               ) -> tuple[Path, str]:
    """(path, message) of an API issue, as the plan file spells its fields."""
    names = frozenset(fields)
    return issue_path(issue.path, names, renames), message(issue.message, names)
