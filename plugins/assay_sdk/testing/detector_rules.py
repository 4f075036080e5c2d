"""Rules for PII detectors: metadata, robustness, valid findings, recall on their labels.

A detector's labelled texts come from its ``calibration_cases()`` classmethod when it has
one (items ``{"id", "text", "spans"}`` mappings, ``(text, spans)`` pairs, or objects with
``text`` and ``spans``; spans as ``{"type", "start", "end"}`` mappings, ``(type, start,
end)`` or ``(start, end[, type])`` tuples, or objects), else from ``calibration.jsonl``
next to its module, lines ``{"id", "language", "text", "spans": [{"type", "start",
"end"}]}``. Only spans of the detector's own entity count towards its recall; hard
negatives (texts with no span) count against its precision, which is reported.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from assay_sdk.pii import PiiDetector, PiiFinding
from assay_sdk.testing.common_rules import REGISTRY, fail_if, identity_problems
from assay_sdk.testing.hostile import HOSTILE_TEXTS
from assay_sdk.testing.model import ConformanceFailure, Rule, Target
from assay_sdk.testing.running import run_with_deadline

#: The recall a detector must reach on its own labels unless it declares ``min_recall``.
DEFAULT_MIN_RECALL = 0.9
#: Seconds one detect() call may take on the largest hostile text (1 MB).
DETECT_TIMEOUT_S = 60.0
ENTITY = re.compile(r"[A-Z][A-Z0-9_]*")
LANGUAGE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class LabelledText:
    id: str
    text: str
    spans: tuple[Span, ...]


def detector(target: Target) -> PiiDetector:
    plugin = target.load()
    try:
        instance: PiiDetector = plugin()
    except Exception as exc:
        raise ConformanceFailure(f"it cannot be created with no arguments: "
                                 f"{type(exc).__name__}: {exc}") from exc
    return instance


def _field(item: Any, name: str, index: int) -> Any:
    if isinstance(item, Mapping):
        return item[name]
    if isinstance(item, tuple | list):
        return item[index]
    return getattr(item, name)


def _span(raw: Any, entity: str) -> Span:
    if isinstance(raw, Mapping):
        return Span(int(raw["start"]), int(raw["end"]), str(raw.get("type", entity)))
    if isinstance(raw, tuple | list) and raw and isinstance(raw[0], str):
        return Span(int(raw[1]), int(raw[2]), raw[0])
    if isinstance(raw, tuple | list):
        return Span(int(raw[0]), int(raw[1]), str(raw[2]) if len(raw) > 2 else entity)
    return Span(int(raw.start), int(raw.end), str(getattr(raw, "type", entity)))


def _raw_cases(plugin: type[PiiDetector]) -> list[Any]:
    loader = getattr(plugin, "calibration_cases", None)
    if callable(loader):
        return list(loader())
    package = plugin.data_package or plugin.__module__
    text = resources.files(package).joinpath("calibration.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def labelled(target: Target) -> list[LabelledText]:
    plugin = target.load()
    entity = str(getattr(plugin, "entity", ""))
    try:
        raw = _raw_cases(plugin)
    except FileNotFoundError as exc:
        raise ConformanceFailure(
            "it ships no labelled texts: give it a calibration_cases() classmethod or a "
            f"calibration.jsonl next to its module ({exc})") from exc
    except Exception as exc:
        raise ConformanceFailure(f"its labelled texts cannot be read: {type(exc).__name__}: "
                                 f"{exc}") from exc
    texts = []
    for number, item in enumerate(raw, 1):
        try:
            text = str(_field(item, "text", 0))
            spans = tuple(_span(s, entity) for s in _field(item, "spans", 1))
            ident = str(item.get("id", number)) if isinstance(item, Mapping) else str(number)
        except (KeyError, IndexError, AttributeError, TypeError, ValueError) as exc:
            raise ConformanceFailure(f"labelled text {number} is malformed: "
                                     f"{type(exc).__name__}: {exc}") from exc
        texts.append(LabelledText(ident, text, spans))
    if not texts:
        raise ConformanceFailure("its calibration data has no labelled text")
    return texts


def _detect(target: Target, instance: PiiDetector, text: str, label: str) -> list[PiiFinding]:
    try:
        found: Any = run_with_deadline(lambda: instance.detect(text), timeout_s=DETECT_TIMEOUT_S,
                                       what=f"detect() on {label}")
    except ConformanceFailure:
        raise
    except Exception as exc:
        raise ConformanceFailure(f"detect() raised {type(exc).__name__} on {label}: "
                                 f"{exc}") from exc
    problem = findings_problem(found, text, str(instance.entity))
    if problem:
        raise ConformanceFailure(f"on {label}: {problem}")
    findings: list[PiiFinding] = found
    return findings


def findings_problem(found: Any, text: str, entity: str) -> str | None:
    """What is wrong with ``found`` as the findings of a detector of ``entity`` in ``text``."""
    if not isinstance(found, list):
        return f"detect() returned {type(found).__name__}, not a list"
    for finding in found:
        if not isinstance(finding, PiiFinding):
            return f"detect() returned a {type(finding).__name__}, not a PiiFinding"
        if not 0 <= finding.start < finding.end <= len(text):
            return (f"a finding at [{finding.start}, {finding.end}) is outside the text of "
                    f"{len(text)} characters or empty (need 0 <= start < end <= length)")
        if finding.type != entity:
            return f"a finding has type {finding.type!r}, not the declared entity {entity!r}"
        if not isinstance(finding.score, int | float) or not 0.0 <= finding.score <= 1.0:
            return f"a finding scores {finding.score!r}, outside [0, 1]"
    order = [(f.start, f.end) for f in found]
    if order != sorted(order):
        return f"findings are not sorted by position: {order[:10]}"
    return None


def check_metadata(target: Target) -> str | None:
    plugin = target.load()
    problems = identity_problems(target, plugin)
    entity = getattr(plugin, "entity", None)
    if not isinstance(entity, str) or not ENTITY.fullmatch(entity):
        problems.append(f"entity {entity!r} is not an upper-case type name such as EMAIL")
    languages = getattr(plugin, "languages", None)
    if (not isinstance(languages, tuple) or not languages
            or not all(isinstance(x, str) and LANGUAGE.fullmatch(x) for x in languages)):
        problems.append(f"languages {languages!r} is not a non-empty tuple of codes such as "
                        "('en', 'es')")
    fail_if(problems)
    return None


def check_hostile_input(target: Target) -> str | None:
    instance = detector(target)
    timings = []
    for label, text in HOSTILE_TEXTS.items():
        started = time.perf_counter()
        _detect(target, instance, text, f"hostile input ({label})")
        timings.append((time.perf_counter() - started, label))
    slowest, label = max(timings)
    return f"slowest: {label} in {slowest:.2f} s"


def check_findings_valid(target: Target) -> str | None:
    instance = detector(target)
    for case in labelled(target):
        _detect(target, instance, case.text, f"labelled text {case.id}")
    return None


def check_recall(target: Target) -> str | None:
    instance = detector(target)
    entity = str(instance.entity)
    wanted = getattr(type(instance), "min_recall", DEFAULT_MIN_RECALL)
    expected = found = reported = 0
    missed = []
    for case in labelled(target):
        spans = {(s.start, s.end) for s in case.spans if s.type == entity}
        findings = {(f.start, f.end)
                    for f in _detect(target, instance, case.text, f"labelled text {case.id}")}
        expected += len(spans)
        found += len(spans & findings)
        reported += len(findings)
        missed += [f"{case.id} {case.text[s:e]!r} at [{s}, {e})"
                   for s, e in sorted(spans - findings)]
    if expected == 0:
        raise ConformanceFailure(f"its labelled texts hold no span of its entity {entity}: "
                                 "label the occurrences it must find")
    recall = found / expected
    precision = found / reported if reported else 1.0
    figures = f"recall {recall:.2f} ({found}/{expected}), precision {precision:.2f}"
    if recall < wanted:
        raise ConformanceFailure(f"it finds too few of its labelled {entity} spans: {figures}, "
                                 f"below its min_recall {wanted:g}; missed: "
                                 f"{'; '.join(missed[:10])}")
    return figures


RULES = (
    REGISTRY,
    Rule("metadata", "slug, semantic version, entity, languages", check_metadata),
    Rule("hostile-input", "detect() never raises, and stays valid, on empty, 1 MB, control "
         "characters, unpaired surrogates and other hostile text", check_hostile_input),
    Rule("findings-valid", "on its labelled texts: offsets within the text, end > start, "
         "sorted, the declared entity, scores in [0, 1]", check_findings_valid),
    Rule("calibration-recall", "it finds its labelled spans (recall at least its min_recall, "
         "0.9 by default)", check_recall),
)
