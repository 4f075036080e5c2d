"""Scanning: every installed detector, overlaps resolved, suppressions, a failing plugin."""

from __future__ import annotations

import logging

import pytest

from assay.pii.scan import installed, resolve, scan
from assay_sdk import PiiDetector, PiiFinding


class Fixed(PiiDetector):
    """A detector plugin that reports what it was built with, as its entity."""

    name = "fixed"
    version = "1.0.0"
    entity = "FIXED"

    def __init__(self, entity: str, *spans: tuple[int, int, float]) -> None:
        self.entity = entity  # type: ignore[misc]  # one instance per entity here
        self.findings = [PiiFinding(type=entity, start=s, end=e, score=sc, detector=self.name)
                         for s, e, sc in spans]

    def detect(self, text: str) -> list[PiiFinding]:
        return list(self.findings)


class Broken(PiiDetector):
    name = "broken"
    version = "1.0.0"
    entity = "BROKEN"

    def detect(self, text: str) -> list[PiiFinding]:
        raise RuntimeError("the detector's own bug")


def spans(findings: list[PiiFinding]) -> list[tuple[str, int, int, float]]:
    return [(f.type, f.start, f.end, f.score) for f in findings]


def test_every_installed_detector_runs_once_per_scan() -> None:
    assert sorted(d.entity for d in installed()) == sorted([
        "AR_CUIT", "AR_DNI", "BR_CNPJ", "BR_CPF", "CL_RUT", "CREDIT_CARD", "EMAIL", "ES_DNI",
        "ES_NIE", "IBAN", "MX_CURP", "MX_RFC", "PASSPORT", "PHONE", "UK_NINO", "US_SSN"])
    assert installed() is installed()


def test_of_overlapping_findings_the_higher_score_wins() -> None:
    text = "x" * 40
    detectors = [Fixed("PHONE", (5, 20, 0.7)), Fixed("BR_CPF", (8, 22, 0.95)),
                 Fixed("EMAIL", (30, 35, 0.5))]

    assert spans(scan(text, detectors)) == [("BR_CPF", 8, 22, 0.95), ("EMAIL", 30, 35, 0.5)]


def test_of_overlapping_findings_with_one_score_the_longer_wins_then_the_earlier() -> None:
    findings = [PiiFinding(type="A", start=0, end=10, score=0.8),
                PiiFinding(type="B", start=5, end=20, score=0.8),
                PiiFinding(type="C", start=25, end=30, score=0.8),
                PiiFinding(type="D", start=28, end=33, score=0.8)]

    assert spans(resolve(findings)) == [("B", 5, 20, 0.8), ("C", 25, 30, 0.8)]


def test_touching_findings_do_not_overlap() -> None:
    findings = [PiiFinding(type="A", start=0, end=5, score=0.5),
                PiiFinding(type="B", start=5, end=9, score=0.9)]

    assert spans(resolve(findings)) == [("A", 0, 5, 0.5), ("B", 5, 9, 0.9)]


def test_a_checksum_id_beats_a_phone_reading_of_the_same_digits() -> None:
    text = "Llámame o usa mi CUIT 20-12345678-6."

    assert spans(scan(text)) == [("AR_CUIT", 22, 35, 0.95)]


def test_a_detector_that_raises_is_skipped_and_reported(
        caplog: pytest.LogCaptureFixture) -> None:
    text = "write to ana@example.com"
    with caplog.at_level(logging.DEBUG, logger="assay.plugins.guard"):
        result = scan(text, [Broken(), *installed()])

    assert spans(result) == [("EMAIL", 9, 24, 0.9)]
    assert [r.getMessage() for r in caplog.records if r.exc_info is None] == [
        "plugin broken failed: broken raised RuntimeError in detect(): the detector's own bug"]


def test_a_detector_reporting_outside_the_text_is_skipped_whole() -> None:
    detectors = [Fixed("A", (1, 3, 0.9), (2, 99, 0.9)), Fixed("B", (0, 2, 0.8)),
                 Fixed("C", (4, 4, 0.9))]

    assert spans(scan("hello", detectors)) == [("B", 0, 2, 0.8)]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Delivered on 2024-03-15, thanks.", 13, 23),
    ("Entregado el 15/03/2024 a las 10:30.", 13, 23),
    ("Entregue em 15.03.2024 10:30.", 12, 27),
    ("Logged at 2024-03-15T10:30:00+01:00.", 10, 35),
    ("The timestamp was 1710441234567 then.", 18, 31),
    ("Your order #55512345678 has shipped.", 12, 23),
    ("Seu pedido nº 1234567 foi enviado.", 14, 21),
    ("La factura FAC-2024-00123 está pagada.", 11, 25),
])
def test_dates_timestamps_and_order_numbers_suppress_what_overlaps_them(
        text: str, start: int, end: int) -> None:
    detector = Fixed("PHONE", (start, end, 0.9))

    assert scan(text, [detector]) == []


def test_a_finding_next_to_a_date_is_kept() -> None:
    text = "On 2024-03-15 write to ana@example.com."

    assert spans(scan(text)) == [("EMAIL", 23, 38, 0.9)]


def test_an_id_labelled_by_its_own_word_survives_an_order_word() -> None:
    assert spans(scan("The DNI on the booking is 12345678Z.")) == [("ES_DNI", 26, 35, 0.95)]
    assert spans(scan("The booking is 12345678Z.")) == []


def test_empty_text_costs_nothing() -> None:
    assert scan("", [Broken()]) == []
