"""The signature scheme a receiver checks: v1=HMAC-SHA256("<timestamp>.<raw body>")."""

from __future__ import annotations

import hashlib
import hmac

from assay.webhooks.signing import signature_header, verify_signature

SECRET = "whsec_test-secret-0123456789abcdef"
BODY = b'{"data":{"run":{"status":"COMPLETED"}},"id":"e1","type":"run.finished"}'
STAMP = 1_800_000_000


def test_the_header_is_v1_and_the_hex_hmac_of_timestamp_dot_body() -> None:
    expected = hmac.new(SECRET.encode(), b"1800000000." + BODY, hashlib.sha256).hexdigest()

    assert signature_header(SECRET, STAMP, BODY) == f"v1={expected}"
    assert len(expected) == 64


def test_a_signature_verifies_with_its_secret_body_and_timestamp() -> None:
    header = signature_header(SECRET, STAMP, BODY)

    assert verify_signature(SECRET, str(STAMP), BODY, header, now=STAMP + 10) is True
    assert verify_signature(SECRET, STAMP, BODY, header.upper().replace("V1=", "v1="),
                            now=STAMP) is True


def test_another_secret_a_changed_body_or_timestamp_does_not_verify() -> None:
    header = signature_header(SECRET, STAMP, BODY)

    assert verify_signature("whsec_another-secret", STAMP, BODY, header, now=STAMP) is False
    assert verify_signature(SECRET, STAMP, BODY.replace(b"COMPLETED", b"FAILED"), header,
                            now=STAMP) is False
    assert verify_signature(SECRET, STAMP + 1, BODY, header, now=STAMP) is False


def test_an_old_or_future_timestamp_is_refused_beyond_the_tolerance() -> None:
    header = signature_header(SECRET, STAMP, BODY)

    assert verify_signature(SECRET, STAMP, BODY, header, now=STAMP + 300) is True
    assert verify_signature(SECRET, STAMP, BODY, header, now=STAMP + 301) is False
    assert verify_signature(SECRET, STAMP, BODY, header, now=STAMP - 301) is False
    assert verify_signature(SECRET, STAMP, BODY, header, now=STAMP + 900,
                            tolerance_s=1000) is True


def test_malformed_input_is_false_never_an_error() -> None:
    header = signature_header(SECRET, STAMP, BODY)

    assert verify_signature(SECRET, "yesterday", BODY, header, now=STAMP) is False
    assert verify_signature(SECRET, STAMP, BODY, "", now=STAMP) is False
    assert verify_signature(SECRET, STAMP, BODY, header.removeprefix("v1="), now=STAMP) is False
    assert verify_signature(SECRET, STAMP, BODY, "v2=" + header[3:], now=STAMP) is False


def test_one_matching_value_among_several_is_enough() -> None:
    header = signature_header(SECRET, STAMP, BODY)
    other = signature_header("whsec_old-secret", STAMP, BODY)

    assert verify_signature(SECRET, STAMP, BODY, f"{other}, {header}", now=STAMP) is True
    assert verify_signature(SECRET, STAMP, BODY, f"{other} {other}", now=STAMP) is False
