"""Validation of one test case: camelCase input in, a normalised CaseDraft or every problem out."""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from assay.errors import Issue, ValidationFailed
from assay.testing.asserts import collect_asserts
from assay.testing.models import CaseMode, CaseStatus, Difficulty

MAX_TITLE_CHARS = 300
MAX_TEXT_CHARS = 20_000
MAX_TURNS = 50
MAX_TAGS = 30
MAX_TAG_CHARS = 50
MAX_CATEGORY_CHARS = 100
DEFAULT_LANGUAGE = "en"
#: The keys a case may have, in the order documents list them.
CASE_FIELDS = (
    "title",
    "mode",
    "input",
    "turns",
    "expectedOutput",
    "context",
    "tags",
    "category",
    "difficulty",
    "language",
    "status",
    "asserts",
)
#: language[-Script][-REGION]: en, es, pt-BR, zh-Hant, es-419 (case and _ are forgiven).
_LANGUAGE = re.compile(r"([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|[0-9]{3}))?", re.I)
_NOT_TEXT = "must be text: put it in quotes if it looks like a number, date or yes/no"

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class CaseDraft:
    """A validated test case, ready to be written (``line``: where an import found it)."""

    title: str
    mode: CaseMode
    input: str
    turns: tuple[str, ...]
    expected_output: str
    context: str
    tags: tuple[str, ...]
    category: str
    difficulty: Difficulty
    language: str
    status: CaseStatus
    asserts: tuple[dict[str, Any], ...]
    line: int = field(default=0, compare=False)

    def model_fields(self) -> dict[str, Any]:
        """Keyword arguments for the content columns of TestCase / TestCaseVersion (no status)."""
        return {
            "mode": self.mode,
            "title": self.title,
            "input": self.input,
            "turns": list(self.turns),
            "expected_output": self.expected_output,
            "context": self.context,
            "tags": list(self.tags),
            "category": self.category,
            "difficulty": self.difficulty,
            "language": self.language,
            "asserts": copy.deepcopy(list(self.asserts)),
        }

    def to_raw(self) -> dict[str, Any]:
        """The camelCase dict validate_case reads back into an equal draft."""
        return {
            "title": self.title,
            "mode": self.mode.name,
            "input": self.input,
            "turns": list(self.turns),
            "expectedOutput": self.expected_output,
            "context": self.context,
            "tags": list(self.tags),
            "category": self.category,
            "difficulty": self.difficulty.name,
            "language": self.language,
            "status": self.status.name,
            "asserts": copy.deepcopy(list(self.asserts)),
        }


class _Reader:
    """Reads a case's fields, recording every problem instead of stopping at the first."""

    def __init__(self, raw: Mapping[str, Any], path: tuple[str, ...]) -> None:
        self.raw = raw
        self.path = path
        self.issues: list[Issue] = []

    def fail(self, where: tuple[str, ...], message: str, code: str = "INVALID") -> None:
        self.issues.append(Issue((*self.path, *where), message, code))

    def text(self, key: str, limit: int = MAX_TEXT_CHARS) -> str:
        """An optional text field (None and absent mean empty)."""
        return self.check_text(self.raw.get(key), (key,), limit)

    def blank(self, key: str) -> bool:
        """True when the field is absent, null or text of only whitespace."""
        value = self.raw.get(key)
        return value is None or (isinstance(value, str) and not value.strip())

    def check_text(self, value: object, where: tuple[str, ...], limit: int) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(where, _NOT_TEXT)
            return ""
        if len(value) > limit:
            self.fail(where, f"is {len(value):,} characters long: shorten it to at most "
                             f"{limit:,}", "TOO_LONG")
        if "\x00" in value:
            self.fail(where, "contains a NUL character (\\u0000), which cannot be stored: "
                             "remove it")
        return value

    def choice(self, key: str, enum: type[E], allowed: tuple[E, ...], default: E) -> E:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        names = ", ".join(member.name for member in allowed)
        if not isinstance(value, str):
            self.fail((key,), f"must be one of {names}")
            return default
        name = value.strip().upper().replace("-", "_").replace(" ", "_")
        member = next((m for m in allowed if m.name == name), None)
        if member is None:
            self.fail((key,), f"{value!r} is not accepted: use one of {names}")
            return default
        return member

    def strings(self, key: str, example: str) -> list[str] | None:
        """A list of text items (absent means empty); None when it is not a list."""
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            self.fail((key,), f"must be a list of text items, like {example}")
            return None
        return [self.check_text(item, (key, str(i)), MAX_TEXT_CHARS) for i, item in
                enumerate(value)]


def validate_case(raw: Mapping[str, Any], *, path: tuple[str, ...] = ()) -> CaseDraft:
    """Normalise one case; raise one ValidationFailed naming every bad field under ``path``."""
    if not isinstance(raw, Mapping):
        raise ValidationFailed([Issue(path, "a test case must be an object with its fields, "
                                            "like {\"title\": \"Refund policy\", \"input\": "
                                            "\"Can I get a refund?\"}")])
    reader = _Reader(raw, path)
    _refuse_unknown_keys(reader)
    turns = reader.strings("turns", '["Hi", "I want a refund"]')
    mode = _mode(reader, turns)
    draft = CaseDraft(
        title=_title(reader),
        mode=mode,
        input=_input(reader, mode),
        turns=_turns(reader, mode, turns),
        expected_output=reader.text("expectedOutput"),
        context=reader.text("context"),
        tags=_tags(reader),
        category=reader.text("category", MAX_CATEGORY_CHARS).strip(),
        difficulty=reader.choice("difficulty", Difficulty, tuple(Difficulty), Difficulty.MEDIUM),
        language=_language(reader),
        status=_status(reader),
        asserts=_asserts(reader),
    )
    if reader.issues:
        raise ValidationFailed(sorted(reader.issues, key=lambda i: _field_rank(i, len(path))))
    return draft


def _field_rank(issue: Issue, depth: int) -> tuple[int, tuple[tuple[int, str], ...]]:
    """Issues in document order: by field (unknown ones last), then by position in a list."""
    name = issue.path[depth] if len(issue.path) > depth else ""
    rank = CASE_FIELDS.index(name) if name in CASE_FIELDS else len(CASE_FIELDS)
    rest = tuple((int(part), "") if part.isdigit() else (-1, part)
                 for part in issue.path[depth + 1:])
    return rank, rest


def _refuse_unknown_keys(reader: _Reader) -> None:
    for key in reader.raw:
        if key in CASE_FIELDS:
            continue
        close = difflib.get_close_matches(str(key), CASE_FIELDS, n=1, cutoff=0.6)
        fields = ", ".join(CASE_FIELDS)
        hint = f"did you mean {close[0]!r}?" if close else f"the fields are {fields}"
        reader.fail((str(key),), f"is not a field of a test case: remove it ({hint})",
                    "UNKNOWN_FIELD")


def _title(reader: _Reader) -> str:
    if reader.blank("title"):
        reader.fail(("title",), f"is required: give the case a title of 1 to {MAX_TITLE_CHARS} "
                                "characters", "REQUIRED")
        return ""
    title = reader.check_text(reader.raw["title"], ("title",), len(str(reader.raw["title"])))
    title = title.strip()
    if len(title) > MAX_TITLE_CHARS:
        reader.fail(("title",), f"is {len(title):,} characters long: shorten it to at most "
                                f"{MAX_TITLE_CHARS}", "TOO_LONG")
    return title


def _mode(reader: _Reader, turns: list[str] | None) -> CaseMode:
    """The given mode; when absent, CONVERSATIONAL if the case has turns, else SIMPLE."""
    inferred = CaseMode.CONVERSATIONAL if turns else CaseMode.SIMPLE
    return reader.choice("mode", CaseMode, tuple(CaseMode), inferred)


def _input(reader: _Reader, mode: CaseMode) -> str:
    text = reader.text("input")
    if mode is CaseMode.CONVERSATIONAL:
        if text.strip():
            reader.fail(("input",), "a CONVERSATIONAL case has no input: put the user's "
                                    "messages in turns, or use mode SIMPLE", "NOT_APPLICABLE")
        return ""
    if reader.blank("input"):
        reader.fail(("input",), "is required for a SIMPLE case: give the message sent to the "
                                "agent", "REQUIRED")
    return text


def _turns(reader: _Reader, mode: CaseMode, turns: list[str] | None) -> tuple[str, ...]:
    if turns is None:
        return ()
    if mode is CaseMode.SIMPLE:
        if turns:
            reader.fail(("turns",), "a SIMPLE case has no turns: put the message in input, or "
                                    "use mode CONVERSATIONAL", "NOT_APPLICABLE")
        return ()
    if not turns:
        reader.fail(("turns",), "is required for a CONVERSATIONAL case: give 1 to "
                                f"{MAX_TURNS} user messages, in order", "REQUIRED")
    elif len(turns) > MAX_TURNS:
        reader.fail(("turns",), f"has {len(turns)} turns: a conversation has at most "
                                f"{MAX_TURNS}; split it into several cases", "TOO_MANY")
    for i, turn in enumerate(turns):
        if not turn.strip() and isinstance(reader.raw["turns"][i], str | None):
            reader.fail(("turns", str(i)), "is empty: write the user's message, or remove "
                                           "the turn", "REQUIRED")
    return tuple(turns)


def _tags(reader: _Reader) -> tuple[str, ...]:
    value = reader.raw.get("tags")
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        reader.fail(("tags",), 'must be a list of tags, like ["billing", "refunds"]')
        return ()
    tags: dict[str, None] = {}
    for i, item in enumerate(value):
        tag = reader.check_text(item, ("tags", str(i)), MAX_TEXT_CHARS).strip()
        if isinstance(item, str | None) and not 1 <= len(tag) <= MAX_TAG_CHARS:
            reader.fail(("tags", str(i)), f"give a tag of 1 to {MAX_TAG_CHARS} characters, or "
                                          "remove it", "TOO_LONG" if tag else "REQUIRED")
        tags[tag] = None
    if len(tags) > MAX_TAGS:
        reader.fail(("tags",), f"has {len(tags)} different tags: keep at most {MAX_TAGS}",
                    "TOO_MANY")
    return tuple(tags)


def _language(reader: _Reader) -> str:
    value = reader.text("language", limit=16).strip()
    if not value:
        return DEFAULT_LANGUAGE
    match = _LANGUAGE.fullmatch(value)
    if match is None:
        reader.fail(("language",), f"{value!r} is not a language code: give one like en, es "
                                   "or pt-BR")
        return value
    language, script, region = match.groups()
    parts = [language.lower(), script.title() if script else "", region.upper() if region else ""]
    return "-".join(part for part in parts if part)


def _status(reader: _Reader) -> CaseStatus:
    value = reader.raw.get("status")
    if isinstance(value, str) and value.strip().upper() == CaseStatus.ARCHIVED.name:
        reader.fail(("status",), "a case cannot be written as ARCHIVED: use DRAFT or ACTIVE, "
                                 "and archive it afterwards with archiveTestCase")
        return CaseStatus.ACTIVE
    allowed = (CaseStatus.DRAFT, CaseStatus.ACTIVE)
    return reader.choice("status", CaseStatus, allowed, CaseStatus.ACTIVE)


def _asserts(reader: _Reader) -> tuple[dict[str, Any], ...]:
    saved, issues = collect_asserts(reader.raw.get("asserts"), path=(*reader.path, "asserts"))
    reader.issues.extend(issues)
    return tuple(saved)
