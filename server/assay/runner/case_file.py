"""The ``cases:`` section of a plan file: each case validated as the API validates one.

A case's ``id`` names it in the file, in the summary and in JUnit; it becomes the test
case's title, which is how the next run of the same file finds the case again (and writes
a new version of it when its content changed).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assay.errors import ValidationFailed
from assay.runner import naming
from assay.runner.problems import Collector, Path
from assay.testing.asserts.catalog import ALL_KEYS
from assay.testing.validation import CASE_FIELDS, MAX_TITLE_CHARS, CaseDraft, validate_case

SECTION = ("cases",)
#: A case's keys in a plan file (the mode follows from input or turns).
KEYS = ("id", "input", "turns", "expected_output", "context", "tags", "category",
        "difficulty", "language", "asserts")
#: The most cases one file may hold.
MAX_CASES = 5_000
_API_FIELDS = frozenset({*CASE_FIELDS, *ALL_KEYS})
_RENAMES = {"title": "id"}


@dataclass(frozen=True)
class FileCase:
    id: str
    draft: CaseDraft


def read_cases(raw: object, out: Collector) -> list[FileCase]:
    if not isinstance(raw, list) or not raw:
        what = "is required" if raw is None else "must be a list of at least one test case"
        out.add(SECTION, f"{what}: give each case an id and an input (or turns for a "
                "conversation)")
        return []
    if len(raw) > MAX_CASES:
        out.add(SECTION, f"holds {len(raw):,} cases: a plan file holds at most {MAX_CASES:,}; "
                "split it into several files")
        return []
    seen: dict[str, int] = {}
    cases = [_read_case(item, (*SECTION, str(i)), seen, out) for i, item in enumerate(raw)]
    return [case for case in cases if case is not None]


def _read_case(raw: object, path: Path, seen: dict[str, int], out: Collector
               ) -> FileCase | None:
    if not isinstance(raw, Mapping):
        out.add(path, "must be a mapping with an id and an input (or turns), like "
                "{id: refund-window, input: How long do refunds take?}")
        return None
    known = len(out.problems)
    for key in raw:
        if key not in KEYS:
            out.add((*path, str(key)), f"is not a field of a test case: remove it "
                    f"({_hint(str(key))})")
    case_id = _case_id(raw.get("id"), path, seen, out)
    skip = _message_shape(raw, path, out)
    api_raw = _api_raw(raw, case_id or "case")
    try:
        draft = validate_case(api_raw, path=path)
    except ValidationFailed as failed:
        renames = {**_assert_keys(raw), **_RENAMES}
        for issue in failed.issues:
            where, message = naming.file_issue(issue, _API_FIELDS, renames)
            if where not in skip:
                out.add(where, message)
        return None
    if case_id is None or len(out.problems) > known:
        return None
    return FileCase(case_id, draft)


def _assert_keys(raw: Mapping[str, Any]) -> dict[str, str]:
    """camelCase -> the file's spelling, for every key the case's asserts use."""
    asserts = raw.get("asserts")
    items = asserts if isinstance(asserts, list) else []
    return {naming.camel(str(key)): str(key) for item in items if isinstance(item, Mapping)
            for key in item}


def _hint(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"the fields are {', '.join(KEYS)}"


def _case_id(raw: object, path: Path, seen: dict[str, int], out: Collector) -> str | None:
    where = (*path, "id")
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        out.add(where, "is required: give each case a short unique id, like refund-window")
        return None
    case_id = str(raw).strip()
    if not case_id or len(case_id) > MAX_TITLE_CHARS or "\x00" in case_id:
        out.add(where, f"give an id of 1 to {MAX_TITLE_CHARS} characters")
        return None
    if case_id in seen:
        out.add(where, f"{case_id!r} is already the id of cases[{seen[case_id]}]: give each "
                "case its own id")
        return None
    seen[case_id] = int(path[-1])
    return case_id


def _message_shape(raw: Mapping[str, Any], path: Path, out: Collector) -> set[Path]:
    """Input xor turns; returns the paths whose API problems then say nothing more."""
    has_input, has_turns = raw.get("input") is not None, raw.get("turns") is not None
    if has_input and has_turns:
        out.add(path, "has both input and turns: give input for a single message, or turns "
                "for a conversation, not both")
        return {(*path, "input"), (*path, "turns")}
    if not has_input and not has_turns:
        out.add(path, "give input (a single message to the agent) or turns (the user's "
                "messages of a conversation, in order)")
        return {(*path, "input"), (*path, "turns")}
    return set()


def _api_raw(raw: Mapping[str, Any], title: str) -> dict[str, Any]:
    """The case as the API's validator reads it: camelCase keys, the id as title."""
    api: dict[str, Any] = {"title": title}
    for key, value in raw.items():
        if key in KEYS and key != "id":
            api[naming.camel(key)] = value
    if raw.get("turns") is not None:
        api.pop("input", None)
    asserts = api.get("asserts")
    if isinstance(asserts, list):
        api["asserts"] = [
            {naming.camel(str(k)): v for k, v in item.items()} if isinstance(item, Mapping)
            else item for item in asserts]
    return api
