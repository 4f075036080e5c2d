"""How jobs are written to Redis: JSON, never pickle (a job carries ids only).

A payload that is not JSON (a pickle planted in Redis, say) fails to decode instead of
running code.
"""

from __future__ import annotations

import json
from typing import Any


def serialize(value: dict[str, Any]) -> bytes:
    return json.dumps(value, default=str).encode()


def deserialize(raw: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(raw)
    return value
