"""PII detection on a generated, labelled corpus: precision, recall and F1 per entity, and
throughput on one core.

Run on demand: ``pytest -m benchmark -s tests/benchmarks/test_pii_detection.py``. The corpus
(tests/pii/corpus.py) is generated from a fixed seed, so the figures are reproducible; they
are printed, never asserted (the target is at least 1 MB/s).

Matching is strict: a finding counts only when its type, start and end equal a labelled
span's. The detectors run in this process, one at a time: one core.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence

import pytest

from assay.pii.scan import installed, scan
from tests.pii.corpus import ENTITIES, Doc, generate

#: Documents in the corpus: with about 135 bytes each, over 2 MB.
DOCUMENTS = 17_000
#: Timed passes over the corpus; the median is reported.
PASSES = 3


def _counts(docs: Sequence[Doc]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    true_pos: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    for doc in docs:
        expected = {(s.type, s.start, s.end) for s in doc.spans}
        found = {(f.type, f.start, f.end) for f in scan(doc.text)}
        for kind, *_ in expected & found:
            true_pos[kind] += 1
        for kind, *_ in found - expected:
            false_pos[kind] += 1
        for kind, *_ in expected - found:
            false_neg[kind] += 1
    return true_pos, false_pos, false_neg


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _row(name: str, tp: int, fp: int, fn: int) -> str:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (f"{name:<12} {tp + fn:>7} {tp:>6} {fp:>6} {fn:>6} "
            f"{precision:>9.4f} {recall:>7.4f} {f1:>7.4f}")


@pytest.mark.benchmark
def test_pii_detection_accuracy_and_throughput() -> None:
    docs = generate(DOCUMENTS)
    size = sum(len(doc.text.encode()) for doc in docs)
    started = time.perf_counter()
    installed()
    scan("warm up: ana@example.com +34 612 345 678")
    cold = time.perf_counter() - started

    true_pos, false_pos, false_neg = _counts(docs)
    print(f"\nPII detection on {len(docs):,} generated documents ({size / 1e6:.2f} MB; "
          f"{sum(1 for d in docs if not d.spans):,} without personal data)")
    print(f"{'entity':<12} {'labelled':>7} {'tp':>6} {'fp':>6} {'fn':>6} "
          f"{'precision':>9} {'recall':>7} {'f1':>7}")
    for entity in ENTITIES:
        print(_row(entity, true_pos[entity], false_pos[entity], false_neg[entity]))
    print(_row("overall", sum(true_pos.values()), sum(false_pos.values()),
               sum(false_neg.values())))

    timings = []
    for _ in range(PASSES):
        started = time.perf_counter()
        for doc in docs:
            scan(doc.text)
        timings.append(time.perf_counter() - started)
    median = sorted(timings)[len(timings) // 2]
    print(f"throughput: {size / median / 1e3:,.0f} KB/s on one core (median of {PASSES} "
          f"passes over {size / 1e6:.2f} MB, {len(installed())} detectors); loading the "
          f"detectors took {cold * 1e3:.0f} ms")
    assert sum(true_pos.values()) > 0
