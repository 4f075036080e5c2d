"""Each detector's calibration dataset: well-formed, in three languages, with hard
negatives, reproducible from the corpus generator, and found exactly by the scanner."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from assay.pii import scan
from assay.plugins.registry import pii_detectors
from tests.pii.corpus import ENTITIES, calibration_records, generate, write_calibration

SLUGS = sorted(pii_detectors().plugins)


def test_every_entity_has_a_detector_with_its_slug() -> None:
    plugins = pii_detectors().plugins
    assert sorted((name, entry.plugin.entity, entry.version) for name, entry in plugins.items()) \
        == sorted((e.lower(), e, "1.0.0") for e in ENTITIES)
    assert pii_detectors().rejected == []


@pytest.mark.parametrize("slug", SLUGS)
def test_the_dataset_is_well_formed_with_positives_and_hard_negatives(slug: str) -> None:
    detector = pii_detectors().get(slug)
    path = detector.calibration_path()  # type: ignore[attr-defined]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    assert len({r["id"] for r in records}) == len(records) == 48
    assert Counter(r["language"] for r in records) == {"en": 16, "es": 16, "pt": 16}
    assert Counter(bool(r["spans"]) for r in records) == {True: 24, False: 24}
    for record in records:
        for span in record["spans"]:
            assert span["type"] == detector.entity
            assert 0 <= span["start"] < span["end"] <= len(record["text"])


@pytest.mark.parametrize("slug", SLUGS)
def test_the_scanner_finds_exactly_the_labelled_spans(slug: str) -> None:
    cases = pii_detectors().get(slug).calibration_cases()  # type: ignore[attr-defined]

    misses = [(text, spans) for text, spans in cases
              if [(f.type, f.start, f.end) for f in scan(text)] != spans]

    assert misses == []


def test_the_datasets_are_what_the_generator_writes(tmp_path: Path) -> None:
    write_calibration(tmp_path)

    for slug in SLUGS:
        shipped = pii_detectors().get(slug).calibration_path()  # type: ignore[attr-defined]
        assert (tmp_path / f"{slug}.jsonl").read_text(encoding="utf-8") == shipped.read_text(
            encoding="utf-8")


def test_the_corpus_is_deterministic_for_a_seed() -> None:
    first, again, other = generate(300, seed=11), generate(300, seed=11), generate(300, seed=12)

    assert first == again
    assert first != other
    assert Counter(d.language for d in first) == {"en": 100, "es": 100, "pt": 100}
    assert 100 < sum(1 for d in first if not d.spans) < 200
    assert calibration_records("EMAIL") == calibration_records("EMAIL")


def test_every_labelled_span_holds_a_value_of_its_entity() -> None:
    for doc in generate(600):
        for span in doc.spans:
            assert span.type in ENTITIES
            value = doc.text[span.start:span.end]
            assert value == value.strip() and len(value) >= 6
