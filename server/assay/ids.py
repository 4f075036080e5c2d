"""Identifiers: time-ordered random UUIDs (version 7), and the opaque global ids the API shows."""

from __future__ import annotations

import base64
import binascii
import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_millis = 0
_counter = 0
_COUNTER_MAX = 0xFFF


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562 §5.7): 48-bit millisecond time, a 12-bit counter, 62 random bits.

    The counter (method 1 of RFC 9562 §6.2) keeps ids made in the same millisecond by this
    process in creation order; it starts at a random value in its lower half.
    """
    global _last_millis, _counter
    with _lock:
        millis = max(time.time_ns() // 1_000_000, _last_millis)
        if millis == _last_millis:
            _counter += 1
            if _counter > _COUNTER_MAX:
                millis += 1
                _counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        _last_millis = millis
        counter = _counter
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    return uuid.UUID(int=value)


def encode_id(type_name: str, pk: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def decode_id(global_id: str) -> tuple[str, uuid.UUID] | None:
    """(type name, primary key), or None when the id is not one of ours."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw = base64.urlsafe_b64decode(padded).decode().partition(":")
        return type_name, uuid.UUID(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
