"""Dotted paths into JSON (``choices.0.message.content``): checking their syntax, walking them."""

from __future__ import annotations

import re
from typing import Any

from assay.testing.asserts.json_values import json_text

_INDEX = re.compile(r"-?[0-9]+")


def path_problem(path: str) -> str | None:
    """Why ``path`` is not a usable dotted path, or None."""
    segments = path.split(".")
    if any(segment.strip() == "" for segment in segments):
        return f"{path!r} has an empty segment: write keys and list indexes separated by " \
               "single dots, like choices.0.message.content"
    if any(segment != segment.strip() for segment in segments):
        return f"{path!r} has spaces around a segment: remove them"
    return None


def resolve(document: Any, path: str) -> tuple[bool, Any, str]:
    """Walk ``a.0.b``: keys of objects, indexes (negative from the end) of lists."""
    current = document
    walked: list[str] = []
    for segment in path.split("."):
        where = repr(".".join(walked)) if walked else "the top level"
        if isinstance(current, dict):
            if segment not in current:
                return False, None, f"there is no key {segment!r} at {where}"
            current = current[segment]
        elif isinstance(current, list):
            index = _index(segment, len(current))
            if index is None:
                return False, None, f"{where} is a list of {len(current)} items, so it has no " \
                                    f"item {segment!r}"
            current = current[index]
        else:
            return False, None, f"{where} is {json_text(current)}, which has no {segment!r}"
        walked.append(segment)
    return True, current, ""


def _index(segment: str, size: int) -> int | None:
    """The list index ``segment`` names: plain digits, or ``-`` and digits from the end."""
    if not _INDEX.fullmatch(segment):  # int() also takes "+1", "1_0", non-ASCII digits
        return None
    index = int(segment)
    if index < 0:
        index += size
    return index if 0 <= index < size else None
