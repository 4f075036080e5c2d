"""The stored form of a finding never shows more than the value's last two characters."""

from __future__ import annotations

import pytest

from assay.pii import scan, stored_findings
from assay.pii.masking import stored_finding
from assay_sdk import PiiFinding


def test_a_stored_finding_has_its_place_type_score_and_masked_value() -> None:
    text = "Mail ana.perez@example.com now"
    finding = PiiFinding(start=5, end=26, type="EMAIL", score=0.9, detector="email")

    assert stored_finding(finding, text, turn=2) == {
        "type": "EMAIL", "turn": 2, "start": 5, "end": 26, "score": 0.9,
        "masked": "•••.•••••@•••••••.•om"}


@pytest.mark.parametrize(("text", "masked"), [
    ("Tu DNI es 12345678Z.", "•••••••8Z"),
    ("Call +34 612 345 678 now", "+•• ••• ••• •78"),
    ("Card 4111-1111-1111-1111 declined", "••••-••••-••••-••11"),
    ("IBAN ES91 2100 0418 4502 0005 1332 ok", "•••• •••• •••• •••• •••• ••32"),
    ("CPF 123.456.789-09 ok", "•••.•••.•••-09"),
    ("RUT 9.876.545-K ok", "•.•••.••5-K"),
])
def test_masking_never_shows_more_than_the_last_two_characters(text: str, masked: str) -> None:
    stored = stored_findings(scan(text), text, turn=0)

    assert [f["masked"] for f in stored] == [masked]
    value = text[stored[0]["start"]:stored[0]["end"]]
    shown = [c for c, m in zip(value, masked, strict=True) if c.isalnum() and c == m]
    assert len(shown) == 2
    assert "".join(shown) == "".join(c for c in value if c.isalnum())[-2:]
