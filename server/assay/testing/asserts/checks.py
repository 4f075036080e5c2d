"""Checking answers: one saved assert against one answer, with a verdict that says why."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex
from jsonschema.exceptions import best_match
from referencing.exceptions import Unresolvable

from assay.testing.asserts.catalog import ASSERT_TYPES, REGEX_TIMEOUT_MS
from assay.testing.asserts.json_values import json_equal, json_text, parse_answer
from assay.testing.asserts.jsonpath import resolve
from assay.testing.asserts.language import detect_language
from assay.testing.asserts.patterns import compiled, regex_problem
from assay.testing.asserts.pii import leak_verdict
from assay.testing.asserts.schemas import schema_validator
from assay.testing.asserts.text import comparable, quote
from assay_sdk import PiiFinding


@dataclass(frozen=True)
class AssertOutcome:
    passed: bool
    reason: str


@dataclass(frozen=True)
class _Finding:
    """What one check saw. ``holds`` is None when the assert could not be checked at all."""

    holds: bool | None
    expected: str = ""
    negated: str = ""
    found: str = ""


Checker = Callable[[Mapping[str, Any], str, int | None], _Finding]


def check(
    assertion: Mapping[str, Any], answer: str, *, response_time_ms: int | None = None,
    pii: Sequence[PiiFinding] | None = None,
) -> AssertOutcome:
    """Judge one answer against one saved assert; negation flips verdict and wording.

    ``pii``: the answer's PII findings when the caller scanned it already (a run scans each
    answer once); a ``pii_leak`` assert scans the answer itself otherwise.
    """
    checker = _CHECKERS.get(str(assertion.get("type")))
    if checker is None:
        return AssertOutcome(False, f"unknown assert type {assertion.get('type')!r}: edit the "
                                    f"case and use one of {', '.join(ASSERT_TYPES)}")
    if pii is not None and assertion.get("type") == "pii_leak":
        finding = _Finding(*leak_verdict(assertion, answer, pii))
    else:
        finding = checker(assertion, answer, response_time_ms)
    if finding.holds is None:
        return AssertOutcome(False, finding.found)
    negate = assertion.get("negate") is True
    expected = finding.negated if negate else finding.expected
    return AssertOutcome(finding.holds != negate, f"expected {expected}; {finding.found}")


def _case_note(assertion: Mapping[str, Any]) -> str:
    return "case-sensitive" if assertion.get("caseSensitive") is True else "case-insensitive"


def _check_contains(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    value = str(assertion.get("value", ""))
    sensitive = assertion.get("caseSensitive") is True
    holds = comparable(value, sensitive) in comparable(answer, sensitive)
    what = f"{quote(value)} ({_case_note(assertion)})"
    return _Finding(holds, f"the answer to contain {what}", f"the answer not to contain {what}",
                    "it does" if holds else "it does not")


def _check_not_contains(assertion: Mapping[str, Any], answer: str, rt: int | None) -> _Finding:
    found = _check_contains(assertion, answer, rt)
    return _Finding(not found.holds, found.negated, found.expected, found.found)


def _check_equals(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    value = str(assertion.get("value", ""))
    sensitive = assertion.get("caseSensitive") is True
    holds = comparable(value.strip(), sensitive) == comparable(answer.strip(), sensitive)
    what = f"{quote(value)} ({_case_note(assertion)}, ignoring surrounding whitespace)"
    found = "it does" if holds else f"it is {quote(answer.strip())}"
    return _Finding(holds, f"the answer to equal {what}", f"the answer not to equal {what}",
                    found)


def _check_regex(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    pattern = str(assertion.get("pattern", ""))
    timeout_ms = int(assertion.get("timeoutMs") or REGEX_TIMEOUT_MS)
    what = f"{quote(pattern)} ({_case_note(assertion)})"
    try:
        match = compiled(pattern, assertion.get("caseSensitive") is True).search(
            answer, timeout=timeout_ms / 1000
        )
    except regex.error as exc:
        return _Finding(None, found=f"the regex {quote(pattern)} does not compile "
                                    f"({regex_problem(exc)}); "
                                    "the check is counted as failed: fix the pattern")
    except TimeoutError:
        return _Finding(None, found=f"matching the regex {what} took longer than {timeout_ms} ms "
                                    "and was stopped, so the check is counted as failed: "
                                    "simplify the pattern or raise timeoutMs")
    found = f"it does (matched {quote(match.group(0))})" if match else "it does not"
    return _Finding(match is not None, f"the answer to match the regex {what}",
                    f"the answer not to match the regex {what}", found)


def _check_json_schema(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    expected = "the answer to be JSON matching the schema"
    negated = "the answer not to be JSON matching the schema"
    ok, document, why = parse_answer(answer)
    if not ok:
        return _Finding(False, expected, negated, why)
    try:
        error = best_match(schema_validator(json.dumps(assertion.get("schema"))).iter_errors(
            document))
    except Unresolvable as exc:
        return _Finding(None, found=f"the schema has a reference that cannot be resolved "
                                    f"({exc}); the check is counted as failed: fix the schema")
    if error is None:
        return _Finding(True, expected, negated, "it does")
    return _Finding(False, expected, negated,
                    f"it does not: {error.message} (at {error.json_path})")


def _check_json_path(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    path = str(assertion.get("path", ""))
    exists = assertion.get("mode") == "exists"
    if exists:
        expected = f"the answer to have a value at {path!r}"
        negated = f"the answer to have no value at {path!r}"
    else:
        value = json_text(assertion.get("value"))
        expected = f"the value at {path!r} to equal {value}"
        negated = f"the value at {path!r} not to equal {value}"
    ok, document, why = parse_answer(answer)
    if not ok:
        return _Finding(False, expected, negated, why)
    present, found, why = resolve(document, path)
    if not present:
        return _Finding(False, expected, negated, why)
    if exists:
        return _Finding(True, expected, negated, f"it has {json_text(found)}")
    holds = json_equal(found, assertion.get("value"))
    return _Finding(holds, expected, negated, f"it is {json_text(found)}")


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


def _check_pii_leak(assertion: Mapping[str, Any], answer: str, _: int | None) -> _Finding:
    return _Finding(*leak_verdict(assertion, answer, None))


#: The check of each assert type.
_CHECKERS: dict[str, Checker] = {
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
    "pii_leak": _check_pii_leak,
}
