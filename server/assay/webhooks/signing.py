"""Signing webhook requests, and checking a signature the way a receiver should.

Every delivery is a POST whose headers say who sent it and prove it:

    Assay-Webhook-Id:         the event's id (the same on every retry and redelivery:
                              deduplicate on it)
    Assay-Webhook-Timestamp:  when this attempt was signed, in unix seconds
    Assay-Webhook-Signature:  v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the secret>

The secret is the endpoint's signing secret (``whsec_…``), shown once when the endpoint is
made and when it is rotated. A receiver recomputes the HMAC over the timestamp header, a
dot and the raw request body exactly as received (before any JSON parsing), compares it in
constant time, and refuses timestamps more than a few minutes from its clock (a replayed
request carries an old timestamp, and changing it breaks the signature). The header may
list several ``v1=`` values separated by commas or spaces; one match is enough. This module
imports nothing of Assay, so a receiver written in Python may copy it whole.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

SCHEME = "v1"
ID_HEADER = "Assay-Webhook-Id"
TIMESTAMP_HEADER = "Assay-Webhook-Timestamp"
SIGNATURE_HEADER = "Assay-Webhook-Signature"
#: How far a timestamp may be from the receiver's clock, by default.
TOLERANCE_SECONDS = 300

_VALUE = re.compile(r"v1=([0-9a-fA-F]{64})")


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"`` under ``secret``."""
    message = str(int(timestamp)).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """The value of the Assay-Webhook-Signature header: ``v1=<hex>``."""
    return f"{SCHEME}={signature(secret, timestamp, body)}"


def verify_signature(secret: str, timestamp: str | int, body: bytes, header: str, *,
                     tolerance_s: float = TOLERANCE_SECONDS, now: float | None = None) -> bool:
    """Whether ``header`` (Assay-Webhook-Signature) signs ``body`` at ``timestamp``
    (Assay-Webhook-Timestamp) under ``secret``, and the timestamp is within ``tolerance_s``
    seconds of ``now`` (the current time by default).

    ``body`` must be the raw bytes received. Never raises on malformed input: anything that
    does not verify is False.
    """
    try:
        stamp = int(str(timestamp).strip())
    except ValueError:
        return False
    clock = time.time() if now is None else now
    if abs(clock - stamp) > tolerance_s:
        return False
    expected = signature(secret, stamp, body)
    candidates = _VALUE.findall(header or "")
    return any(hmac.compare_digest(expected, c.lower()) for c in candidates)
