"""Idempotency keys of the mutations that start work (startRun, evaluateRun).

A client may send the same start twice (a retry after a timeout); with the same key it gets
the object the first call made rather than a second one. The key is the client's, checked
here once for every such mutation: surrounding spaces do not count, and it must be 1 to
MAX_KEY characters, or left out (no idempotency).
"""

from __future__ import annotations

from assay.errors import invalid

MAX_KEY = 200


def clean_key(key: str | None) -> str | None:
    """The key as stored (stripped), None without one; INVALID at input.idempotencyKey."""
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_KEY:
        raise invalid("input.idempotencyKey",
                      f"give 1 to {MAX_KEY} characters, or leave the key out", "INVALID")
    return key
