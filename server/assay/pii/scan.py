"""Scanning a text with every installed PII detector.

Each detector reports what it finds on its own; the scanner then drops findings that
overlap a date, a time, a timestamp or an order/reference number (see
:mod:`assay.pii.suppress`), and resolves overlaps between detectors: of two overlapping
findings the higher score wins, then the longer span, then the earlier one. Detectors are
called through the plugin guard (assay.plugins.guard): one that raises or returns findings
that do not fit the text is skipped and reported there, and never hides the others'.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from assay.pii.suppress import suppressed
from assay.plugins.guard import PluginFailure, call_detector, create
from assay.plugins.registry import pii_detectors
from assay_sdk import PiiDetector, PiiFinding

#: The score from which a finding counts as labelled: a valid checksum and a context word
#: (see assay_evaluators.pii.base); an order word before it does not suppress it.
LABELLED = 0.95

_loaded: tuple[PiiDetector, ...] | None = None


def installed() -> tuple[PiiDetector, ...]:
    """One instance of every loaded detector (detectors are stateless), made once."""
    global _loaded
    if _loaded is None:
        made = (create(entry.plugin) for _, entry in sorted(pii_detectors().plugins.items()))
        _loaded = tuple(made_one for made_one in made if not isinstance(made_one, PluginFailure))
    return _loaded


def _fits(found: object, size: int, entity: object) -> bool:
    """Whether a detector's answer is a list of findings of its entity inside the text."""
    return isinstance(found, list) and all(
        isinstance(f, PiiFinding) and f.type == entity and isinstance(f.start, int)
        and isinstance(f.end, int) and 0 <= f.start < f.end <= size
        and isinstance(f.score, int | float) and 0.0 <= f.score <= 1.0 for f in found)


def _detect(detector: PiiDetector, text: str) -> list[PiiFinding]:
    """The detector's findings; [] when it fails (the guard reports why).

    The guard costs as much as a detector, so a detector is called directly, and only when
    it raises or answers something that does not fit is it called again through the guard,
    which records the failure.
    """
    try:
        found = detector.detect(text)
        if type(found) is list and not found:  # the common case, first
            return found
        if _fits(found, len(text), detector.entity):
            return sorted(found)
    except (Exception, SystemExit):
        pass
    checked = call_detector(detector, text)
    return [] if isinstance(checked, PluginFailure) else checked


class Spans:
    """Non-overlapping spans, sorted, answering "does this span overlap one?" in log time."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already here."""
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def resolve(findings: Iterable[PiiFinding]) -> list[PiiFinding]:
    """Non-overlapping findings, in text order: of overlapping ones, the higher score, then
    the longer span, then the earlier start is kept."""
    ranked = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    kept: list[PiiFinding] = []
    taken = Spans()
    for finding in ranked:
        if not taken.overlaps(finding.start, finding.end):
            kept.append(finding)
            taken.add(finding.start, finding.end)
    return sorted(kept, key=lambda f: (f.start, f.end))


def scan(text: str, detectors: Sequence[PiiDetector] | None = None) -> list[PiiFinding]:
    """Every piece of personal data in ``text``, non-overlapping and in text order."""
    if not text:
        return []
    found = [finding for detector in (installed() if detectors is None else detectors)
             for finding in _detect(detector, text)]
    if not found:
        return []
    return resolve(f for f in found
                   if not suppressed(text, f.start, f.end, labelled=f.score >= LABELLED))
