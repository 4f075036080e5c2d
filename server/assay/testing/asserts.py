"""Deterministic asserts: validated when a test case is saved, checked against an agent's answer.

Saved form: one camelCase dict per assert with every default filled, e.g.
``{"type": "contains", "value": "refund", "caseSensitive": False, "negate": False,
"description": ""}``. ``validate_asserts`` produces it (collecting every problem into one
ValidationFailed); ``check`` judges one answer and says exactly what it expected and found.
"""

from __future__ import annotations

import difflib
import json
import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import jsonschema
import regex
from jsonschema.exceptions import SchemaError, best_match
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
from referencing.exceptions import Unresolvable

from assay.errors import Issue, ValidationFailed

ASSERT_TYPES = (
    "contains",
    "not_contains",
    "equals",
    "regex",
    "json_schema",
    "json_path",
    "response_time_ms",
    "max_length",
    "min_length",
    "language",
)
MAX_ASSERTS = 50
MAX_VALUE_CHARS = 20_000
MAX_PATTERN_CHARS = 2_000
MAX_DESCRIPTION_CHARS = 500
MAX_SCHEMA_CHARS = 100_000
MAX_PATH_CHARS = 500
MAX_JSON_DEPTH = 64
REGEX_TIMEOUT_MS = 100
MAX_REGEX_TIMEOUT_MS = 1_000
MAX_RESPONSE_TIME_MS = 3_600_000
MAX_LENGTH_LIMIT = 1_000_000
JSON_PATH_MODES = ("equals", "exists")

CASE_SENSITIVE_TYPES = frozenset({"contains", "not_contains", "equals", "regex"})
COMMON_KEYS = ("type", "negate", "description")
SPECIFIC_KEYS: dict[str, tuple[str, ...]] = {
    "contains": ("value",),
    "not_contains": ("value",),
    "equals": ("value",),
    "regex": ("pattern", "timeoutMs"),
    "json_schema": ("schema",),
    "json_path": ("path", "mode", "value"),
    "response_time_ms": ("max",),
    "max_length": ("max",),
    "min_length": ("min",),
    "language": ("language",),
}
ALL_KEYS = frozenset(
    {*COMMON_KEYS, "caseSensitive", *(k for keys in SPECIFIC_KEYS.values() for k in keys)}
)


@dataclass(frozen=True)
class AssertOutcome:
    passed: bool
    reason: str


# --------------------------------------------------------------------------- language detection

#: ISO 639-1 codes the offline detector (py3langid, deterministic, ships its model) knows.
SUPPORTED_LANGUAGES = (
    "af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy",
    "da", "de", "dz", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fo", "fr", "fy", "ga",
    "gd", "gl", "gu", "ha", "he", "hi", "hr", "ht", "hu", "hy", "id", "ig", "is", "it", "ja",
    "jv", "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lv",
    "mg", "mk", "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "oc", "om", "or",
    "pa", "pl", "ps", "pt", "qu", "ro", "ru", "rw", "sa", "se", "si", "sk", "sl", "sn", "so",
    "sq", "sr", "st", "sv", "sw", "ta", "te", "tg", "th", "tk", "tl", "tr", "tt", "ug", "uk",
    "ur", "uz", "vi", "vo", "wa", "xh", "yo", "zh", "zu",
)
#: The detector's label for text with no linguistic content (numbers, symbols).
NO_LANGUAGE = "zxx"
#: Detection reads at most this much of an answer: plenty to tell a language.
DETECTION_CHARS = 10_000


@dataclass(frozen=True)
class DetectedLanguage:
    language: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([*SUPPORTED_LANGUAGES, NO_LANGUAGE])
    return identifier


def detect_language(text: str) -> DetectedLanguage | None:
    """The most likely ISO 639-1 language of ``text``, or None when it has no words."""
    sample = text[:DETECTION_CHARS]
    if not any(char.isalpha() for char in sample):
        return None
    language, confidence = _identifier().classify(sample)
    if language == NO_LANGUAGE:
        return None
    return DetectedLanguage(str(language), float(confidence))


# --------------------------------------------------------------------------- validation


class _Fields:
    """Reads the fields of one assert, recording a problem instead of stopping at the first."""

    def __init__(
        self, raw: Mapping[str, Any], path: tuple[str, ...], issues: list[Issue]
    ) -> None:
        self.raw = raw
        self.path = path
        self.issues = issues

    def fail(self, key: str, message: str, code: str = "INVALID") -> None:
        self.issues.append(Issue((*self.path, key), message, code))

    def text(self, key: str, what: str, limit: int) -> str:
        value = self.raw.get(key)
        if value is None or value == "":
            self.fail(key, f"is required: give {what}", "REQUIRED")
            return ""
        if not isinstance(value, str):
            self.fail(key, f"must be text: give {what}")
            return ""
        if len(value) > limit:
            self.fail(
                key,
                f"is {len(value):,} characters long: shorten it to at most {limit:,}",
                "TOO_LONG",
            )
        if "\x00" in value:
            self.fail(key, "contains a NUL character (\\u0000), which cannot be stored: remove it")
        return value

    def whole(self, key: str, what: str, low: int, high: int, default: int | None = None) -> int:
        value = self.raw.get(key)
        if value is None:
            if default is not None:
                return default
            self.fail(key, f"is required: give {what}", "REQUIRED")
            return 0
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be a whole number: give {what}")
            return 0
        if not low <= value <= high:
            self.fail(key, f"is {value}: give {what} from {low:,} to {high:,}", "OUT_OF_RANGE")
        return value

    def flag(self, key: str) -> bool:
        value = self.raw.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return False
        return value


def validate_asserts(
    raw: Sequence[Any], *, path: tuple[str, ...] = ("asserts",)
) -> list[dict[str, Any]]:
    """Normalise a list of asserts; raise one ValidationFailed listing every problem."""
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
    fields = _Fields(raw, path, issues)
    kind = _assert_type(fields)
    if kind is None:
        return {}
    _refuse_foreign_keys(fields, kind)
    saved: dict[str, Any] = {"type": kind, **_SPECIFIC_READERS[kind](fields)}
    if kind in CASE_SENSITIVE_TYPES:
        saved["caseSensitive"] = fields.flag("caseSensitive")
    saved["negate"] = fields.flag("negate")
    saved["description"] = _description(fields)
    return saved


def _assert_type(fields: _Fields) -> str | None:
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


def _refuse_foreign_keys(fields: _Fields, kind: str) -> None:
    allowed = {*COMMON_KEYS, *SPECIFIC_KEYS[kind]}
    if kind in CASE_SENSITIVE_TYPES:
        allowed.add("caseSensitive")
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


def _description(fields: _Fields) -> str:
    value = fields.raw.get("description")
    if value is None:
        return ""
    if not isinstance(value, str):
        fields.fail("description", "must be text: say in a few words what the assert checks")
        return ""
    if len(value) > MAX_DESCRIPTION_CHARS:
        fields.fail("description", f"is {len(value):,} characters long: shorten it to at most "
                                   f"{MAX_DESCRIPTION_CHARS}", "TOO_LONG")
    return value.strip()


def _read_value(fields: _Fields) -> dict[str, Any]:
    return {"value": fields.text("value", "the text to look for", MAX_VALUE_CHARS)}


def _read_regex(fields: _Fields) -> dict[str, Any]:
    pattern = fields.text("pattern", "a regular expression, like \\border \\d+", MAX_PATTERN_CHARS)
    timeout = fields.whole("timeoutMs", "the time limit in milliseconds", 1,
                           MAX_REGEX_TIMEOUT_MS, default=REGEX_TIMEOUT_MS)
    case_sensitive = fields.raw.get("caseSensitive") is True
    if pattern:
        try:
            _compiled(pattern, case_sensitive)
        except regex.error as exc:
            fields.fail("pattern", f"does not compile: {_regex_problem(exc)}; fix the regular "
                                   "expression (Python syntax)", "INVALID_REGEX")
    return {"pattern": pattern, "timeoutMs": timeout}


def _regex_problem(exc: regex.error) -> str:
    message, position = getattr(exc, "msg", str(exc)), getattr(exc, "pos", None)
    return f"{message} at position {position}" if position is not None else str(message)


def _read_schema(fields: _Fields) -> dict[str, Any]:
    schema = fields.raw.get("schema")
    if schema is None:
        fields.fail("schema", "is required: give a JSON Schema object, like "
                              "{\"type\": \"object\", \"required\": [\"id\"]}", "REQUIRED")
        return {"schema": {}}
    problem = _schema_problem(schema)
    if problem:
        fields.fail("schema", problem, "INVALID_JSON_SCHEMA")
    return {"schema": schema}


def _schema_problem(schema: object) -> str | None:
    if not isinstance(schema, Mapping):
        return "must be a JSON Schema object, like {\"type\": \"object\"}"
    problem = _json_problem(schema)
    if problem:
        return problem
    if len(json.dumps(schema)) > MAX_SCHEMA_CHARS:
        return f"is larger than {MAX_SCHEMA_CHARS:,} characters as JSON: simplify it"
    if _has_remote_ref(schema):
        return "refers to another document with $ref: only local references like " \
               "\"#/$defs/item\" work; copy the referenced schema in"
    validator = _validator_class(schema)
    if validator is None:
        return f"names an unknown $schema {schema['$schema']!r}: use a JSON Schema draft URI " \
               "such as https://json-schema.org/draft/2020-12/schema, or leave $schema out"
    try:
        validator.check_schema(dict(schema))
    except SchemaError as exc:
        return f"is not a valid JSON Schema: {exc.message} (at {exc.json_path}); fix that keyword"
    return None


def _has_remote_ref(node: object) -> bool:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return True
        return any(_has_remote_ref(value) for value in node.values())
    if isinstance(node, list):
        return any(_has_remote_ref(value) for value in node)
    return False


class _UnknownDraft:
    """Marks a $schema that jsonschema does not know."""


def _validator_class(schema: Mapping[str, Any]) -> type[jsonschema.protocols.Validator] | None:
    default = cast(type[jsonschema.protocols.Validator], _UnknownDraft)
    if "$schema" not in schema:
        return jsonschema.Draft202012Validator
    found = jsonschema.validators.validator_for(schema, default=default)
    return None if found is default else found


def _read_json_path(fields: _Fields) -> dict[str, Any]:
    path = fields.text("path", "the path to the value, like choices.0.message.content",
                       MAX_PATH_CHARS)
    if path and (problem := _path_problem(path)):
        fields.fail("path", problem, "INVALID_PATH")
    mode = _json_path_mode(fields)
    saved: dict[str, Any] = {"path": path, "mode": mode}
    if mode == "exists":
        if "value" in fields.raw:
            fields.fail("value", "does not apply when mode is \"exists\": remove it, or use "
                                 "mode \"equals\"", "NOT_APPLICABLE")
        return saved
    if "value" not in fields.raw:
        fields.fail("value", "is required when mode is \"equals\": give the JSON value "
                             "expected at the path (null is allowed)", "REQUIRED")
    elif problem := _json_problem(fields.raw["value"]):
        fields.fail("value", problem)
    saved["value"] = fields.raw.get("value")
    return saved


def _json_path_mode(fields: _Fields) -> str:
    mode = fields.raw.get("mode")
    if mode is None:
        return "equals"
    if not isinstance(mode, str) or mode.strip().lower() not in JSON_PATH_MODES:
        fields.fail("mode", f"is {mode!r}: use \"equals\" (the value at the path equals "
                            "\"value\") or \"exists\" (there is a value at the path)")
        return "equals"
    return mode.strip().lower()


def _path_problem(path: str) -> str | None:
    segments = path.split(".")
    if any(segment.strip() == "" for segment in segments):
        return f"{path!r} has an empty segment: write keys and list indexes separated by " \
               "single dots, like choices.0.message.content"
    if any(segment != segment.strip() for segment in segments):
        return f"{path!r} has spaces around a segment: remove them"
    return None


def _json_problem(value: object, depth: int = 0) -> str | None:
    if depth > MAX_JSON_DEPTH:
        return f"is nested deeper than {MAX_JSON_DEPTH} levels: simplify it"
    if isinstance(value, str):
        return "contains a NUL character (\\u0000), which cannot be stored" if "\x00" in value \
            else None
    if value is None or isinstance(value, bool | int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else "must be a finite number (not NaN or infinity)"
    if isinstance(value, list):
        return next((p for v in value if (p := _json_problem(v, depth + 1))), None)
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) and "\x00" not in key for key in value):
            return "must use text keys only (without NUL characters): quote every key"
        return next((p for v in value.values() if (p := _json_problem(v, depth + 1))), None)
    return f"must be a JSON value (text, number, true/false, null, list or object), not " \
           f"{type(value).__name__}: quote it if it is meant as text"


def _read_max_time(fields: _Fields) -> dict[str, Any]:
    what = "the longest acceptable response time in milliseconds"
    return {"max": fields.whole("max", what, 1, MAX_RESPONSE_TIME_MS)}


def _read_max_length(fields: _Fields) -> dict[str, Any]:
    what = "the largest acceptable number of characters"
    return {"max": fields.whole("max", what, 0, MAX_LENGTH_LIMIT)}


def _read_min_length(fields: _Fields) -> dict[str, Any]:
    what = "the smallest acceptable number of characters"
    return {"min": fields.whole("min", what, 1, MAX_LENGTH_LIMIT)}


def _read_language(fields: _Fields) -> dict[str, Any]:
    code = fields.text("language", "the expected ISO 639-1 code, like en or es", 16)
    if not code:
        return {"language": ""}
    normal = code.strip().lower()
    if len(normal) != 2 or not normal.isascii() or not normal.isalpha():
        hint = f" (here {normal[:2]!r})" if normal[2:3] in ("-", "_") else ""
        fields.fail("language", f"{code!r} is not an ISO 639-1 code: give the two-letter "
                                f"language code, like en, es or pt, without a region{hint}")
    elif normal not in SUPPORTED_LANGUAGES:
        fields.fail("language", f"{code!r} is not a language the detector knows: use one of "
                                f"{', '.join(SUPPORTED_LANGUAGES)}", "OUT_OF_RANGE")
    return {"language": normal}


_SPECIFIC_READERS: dict[str, Callable[[_Fields], dict[str, Any]]] = {
    "contains": _read_value,
    "not_contains": _read_value,
    "equals": _read_value,
    "regex": _read_regex,
    "json_schema": _read_schema,
    "json_path": _read_json_path,
    "response_time_ms": _read_max_time,
    "max_length": _read_max_length,
    "min_length": _read_min_length,
    "language": _read_language,
}


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class _Finding:
    """What one check saw. ``holds`` is None when the assert could not be checked at all."""

    holds: bool | None
    expected: str = ""
    negated: str = ""
    found: str = ""


def check(
    assertion: Mapping[str, Any], answer: str, *, response_time_ms: int | None = None
) -> AssertOutcome:
    """Judge one answer against one saved assert; negation flips verdict and wording."""
    checker = _CHECKERS.get(str(assertion.get("type")))
    if checker is None:
        return AssertOutcome(False, f"unknown assert type {assertion.get('type')!r}: edit the "
                                    f"case and use one of {', '.join(ASSERT_TYPES)}")
    finding = checker(assertion, answer, response_time_ms)
    if finding.holds is None:
        return AssertOutcome(False, finding.found)
    negate = assertion.get("negate") is True
    expected = finding.negated if negate else finding.expected
    return AssertOutcome(finding.holds != negate, f"expected {expected}; {finding.found}")


def _quote(text: str, limit: int = 80) -> str:
    """``text`` in single quotes, shortened, with line breaks and tabs shown as escapes."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + short.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'"


def _case_note(assertion: Mapping[str, Any]) -> str:
    return "case-sensitive" if assertion.get("caseSensitive") is True else "case-insensitive"


def _comparable(text: str, case_sensitive: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    return text if case_sensitive else text.casefold()


def _check_contains(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    value = str(assertion.get("value", ""))
    sensitive = assertion.get("caseSensitive") is True
    holds = _comparable(value, sensitive) in _comparable(answer, sensitive)
    what = f"{_quote(value)} ({_case_note(assertion)})"
    return _Finding(holds, f"the answer to contain {what}", f"the answer not to contain {what}",
                    "it does" if holds else "it does not")


def _check_not_contains(assertion: Mapping[str, Any], answer: str, rt: int | None) -> _Finding:
    found = _check_contains(assertion, answer, rt)
    return _Finding(not found.holds, found.negated, found.expected, found.found)


def _check_equals(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    value = str(assertion.get("value", ""))
    sensitive = assertion.get("caseSensitive") is True
    holds = _comparable(value.strip(), sensitive) == _comparable(answer.strip(), sensitive)
    what = f"{_quote(value)} ({_case_note(assertion)}, ignoring surrounding whitespace)"
    found = "it does" if holds else f"it is {_quote(answer.strip())}"
    return _Finding(holds, f"the answer to equal {what}", f"the answer not to equal {what}",
                    found)


@lru_cache(maxsize=512)
def _compiled(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    return regex.compile(pattern, 0 if case_sensitive else regex.IGNORECASE)


def _check_regex(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    pattern = str(assertion.get("pattern", ""))
    timeout_ms = int(assertion.get("timeoutMs") or REGEX_TIMEOUT_MS)
    what = f"{_quote(pattern)} ({_case_note(assertion)})"
    try:
        match = _compiled(pattern, assertion.get("caseSensitive") is True).search(
            answer, timeout=timeout_ms / 1000
        )
    except regex.error as exc:
        return _Finding(None, found=f"the regex {_quote(pattern)} does not compile "
                                    f"({_regex_problem(exc)}); "
                                    "the check is counted as failed: fix the pattern")
    except TimeoutError:
        return _Finding(None, found=f"matching the regex {what} took longer than {timeout_ms} ms "
                                    "and was stopped, so the check is counted as failed: "
                                    "simplify the pattern or raise timeoutMs")
    found = f"it does (matched {_quote(match.group(0))})" if match else "it does not"
    return _Finding(match is not None, f"the answer to match the regex {what}",
                    f"the answer not to match the regex {what}", found)


def _parse_answer(answer: str) -> tuple[bool, Any, str]:
    """Parse the answer as JSON (a whole-answer ``` fence is unwrapped); say why if not."""
    text = answer.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        text = text[3:-3].split("\n", 1)[1] if "\n" in text[3:-3] else text[3:-3]
    try:
        return True, json.loads(text), ""
    except json.JSONDecodeError as exc:
        return False, None, f"the answer is not valid JSON ({exc.msg} at line {exc.lineno}, " \
                            f"column {exc.colno})"
    except RecursionError:
        return False, None, "the answer is JSON nested too deeply to read"


def _check_json_schema(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    expected = "the answer to be JSON matching the schema"
    negated = "the answer not to be JSON matching the schema"
    ok, document, why = _parse_answer(answer)
    if not ok:
        return _Finding(False, expected, negated, why)
    try:
        error = best_match(_schema_validator(json.dumps(assertion.get("schema"))).iter_errors(
            document))
    except Unresolvable as exc:
        return _Finding(None, found=f"the schema has a reference that cannot be resolved "
                                    f"({exc}); the check is counted as failed: fix the schema")
    if error is None:
        return _Finding(True, expected, negated, "it does")
    return _Finding(False, expected, negated,
                    f"it does not: {error.message} (at {error.json_path})")


@lru_cache(maxsize=256)
def _schema_validator(schema_json: str) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_json)
    cls = _validator_class(schema) if isinstance(schema, dict) else None
    cls = cls or jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _resolve(document: Any, path: str) -> tuple[bool, Any, str]:
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
            return False, None, f"{where} is {_json_text(current)}, which has no {segment!r}"
        walked.append(segment)
    return True, current, ""


def _index(segment: str, size: int) -> int | None:
    try:
        index = int(segment)
    except ValueError:
        return None
    if index < 0:
        index += size
    return index if 0 <= index < size else None


def _json_text(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json_equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, 1 equals 1.0, objects compare by keys and values."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _check_json_path(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    path = str(assertion.get("path", ""))
    exists = assertion.get("mode") == "exists"
    if exists:
        expected = f"the answer to have a value at {path!r}"
        negated = f"the answer to have no value at {path!r}"
    else:
        value = _json_text(assertion.get("value"))
        expected = f"the value at {path!r} to equal {value}"
        negated = f"the value at {path!r} not to equal {value}"
    ok, document, why = _parse_answer(answer)
    if not ok:
        return _Finding(False, expected, negated, why)
    present, found, why = _resolve(document, path)
    if not present:
        return _Finding(False, expected, negated, why)
    if exists:
        return _Finding(True, expected, negated, f"it has {_json_text(found)}")
    holds = _json_equal(found, assertion.get("value"))
    return _Finding(holds, expected, negated, f"it is {_json_text(found)}")


def _check_response_time(assertion: Mapping[str, Any], _: str, rt: int | None) -> _Finding:
    limit = int(assertion.get("max") or 0)
    if rt is None:
        return _Finding(None, found="the response time was not measured, so the "
                                    f"{limit} ms limit could not be checked; counted as failed")
    return _Finding(rt <= limit, f"the response to take at most {limit} ms",
                    f"the response to take more than {limit} ms", f"it took {rt} ms")


def _check_max_length(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    limit = int(assertion.get("max") or 0)
    return _Finding(len(answer) <= limit,
                    f"the answer to be at most {limit:,} characters long",
                    f"the answer to be more than {limit:,} characters long",
                    f"it is {len(answer):,} characters long")


def _check_min_length(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    limit = int(assertion.get("min") or 0)
    return _Finding(len(answer) >= limit,
                    f"the answer to be at least {limit:,} characters long",
                    f"the answer to be fewer than {limit:,} characters long",
                    f"it is {len(answer):,} characters long")


def _check_language(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    code = str(assertion.get("language", ""))
    detected = detect_language(answer)
    if detected is None:
        return _Finding(None, found=f"could not tell the language of the answer (it has no "
                                    f"words), so {code!r} could not be checked; counted as failed")
    found = f"it was detected as {detected.language!r} (confidence {detected.confidence:.2f})"
    return _Finding(detected.language == code, f"the answer to be in language {code!r}",
                    f"the answer not to be in language {code!r}", found)


_CHECKERS: dict[str, Callable[[Mapping[str, Any], str, int | None], _Finding]] = {
    "contains": _check_contains,
    "not_contains": _check_not_contains,
    "equals": _check_equals,
    "regex": _check_regex,
    "json_schema": _check_json_schema,
    "json_path": _check_json_path,
    "response_time_ms": _check_response_time,
    "max_length": _check_max_length,
    "min_length": _check_min_length,
    "language": _check_language,
}
