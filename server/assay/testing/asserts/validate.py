"""Saving asserts: a list of raw asserts in, their saved form (every default filled) out."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from assay.errors import Issue, ValidationFailed
from assay.testing.asserts.catalog import (
    ALL_KEYS,
    ASSERT_TYPES,
    CASE_SENSITIVE_TYPES,
    MAX_ASSERTS,
    MAX_DESCRIPTION_CHARS,
    SPECIFIC_KEYS,
    allowed_keys,
)
from assay.testing.asserts.fields import Fields
from assay.testing.asserts.readers import READERS


def validate_asserts(
    raw: Sequence[Any], *, path: tuple[str, ...] = ("asserts",)
) -> list[dict[str, Any]]:
    """Normalise a list of asserts; raise one ValidationFailed listing every problem.

    The saved form is one camelCase dict per assert with every default filled, e.g.
    ``{"type": "contains", "value": "refund", "caseSensitive": False, "negate": False,
    "description": ""}``.
    """
    saved, issues = collect_asserts(raw, path=path)
    if issues:
        raise ValidationFailed(issues)
    return saved


def collect_asserts(
    raw: object, *, path: tuple[str, ...] = ("asserts",)
) -> tuple[list[dict[str, Any]], list[Issue]]:
    """Like validate_asserts, but return the problems instead of raising them."""
    issues: list[Issue] = []
    if raw is None:
        return [], issues
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, Sequence):
        issues.append(Issue(path, "must be a list of asserts, like [{\"type\": \"contains\", "
                                  "\"value\": \"refund\"}]"))
        return [], issues
    if len(raw) > MAX_ASSERTS:
        issues.append(Issue(path, f"has {len(raw)} asserts: a case holds at most {MAX_ASSERTS}; "
                                  "split it into several cases", "TOO_MANY"))
    saved = [_normalise_one(item, (*path, str(i)), issues) for i, item in enumerate(raw)]
    return saved, issues


def _normalise_one(raw: object, path: tuple[str, ...], issues: list[Issue]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        issues.append(Issue(path, "must be an object with a \"type\", like {\"type\": "
                                  "\"contains\", \"value\": \"refund\"}"))
        return {}
    fields = Fields(raw, path, issues)
    kind = _assert_type(fields)
    if kind is None:
        return {}
    _refuse_foreign_keys(fields, kind)
    saved: dict[str, Any] = {"type": kind, **READERS[kind](fields)}
    if kind in CASE_SENSITIVE_TYPES:
        saved["caseSensitive"] = fields.flag("caseSensitive")
    saved["negate"] = fields.flag("negate")
    saved["description"] = fields.optional_text(
        "description", "say in a few words what the assert checks", MAX_DESCRIPTION_CHARS
    ).strip()
    return saved


def _assert_type(fields: Fields) -> str | None:
    kind = fields.raw.get("type")
    if kind is None or kind == "":
        fields.fail("type", f"is required: give one of {', '.join(ASSERT_TYPES)}", "REQUIRED")
        return None
    if not isinstance(kind, str):
        fields.fail("type", f"must be text: give one of {', '.join(ASSERT_TYPES)}")
        return None
    normal = kind.strip().lower()
    if normal not in SPECIFIC_KEYS:
        fields.fail("type", f"{kind!r} is not an assert type: use one of "
                            f"{', '.join(ASSERT_TYPES)}{_did_you_mean(normal, ASSERT_TYPES)}",
                    "UNKNOWN_TYPE")
        return None
    return normal


def _refuse_foreign_keys(fields: Fields, kind: str) -> None:
    allowed = allowed_keys(kind)
    for key in fields.raw:
        if key in allowed:
            continue
        if key in ALL_KEYS:
            fields.fail(str(key), f"does not apply to a {kind!r} assert: remove it",
                        "NOT_APPLICABLE")
        else:
            hint = _did_you_mean(str(key), sorted(allowed))
            fields.fail(str(key), f"is not a field of a {kind!r} assert: remove it{hint}",
                        "UNKNOWN_FIELD")


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
