"""The content hash of a case result: SHA-256 over the canonical JSON of what was recorded."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: The recorded fields the hash covers, in the order a reader would list them.
HASHED_FIELDS = ("run_case_id", "status", "turns", "asserts", "error_code", "error_message",
                 "attempts", "started_at", "finished_at", "duration_ms")


def _timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def canonical(record: Mapping[str, Any]) -> str:
    """The canonical JSON text of a result record (sorted keys, no spaces, UTF-8)."""
    body = {name: record[name] for name in HASHED_FIELDS}
    body["run_case_id"] = str(body["run_case_id"])
    body["status"] = str(body["status"])
    body["started_at"] = _timestamp(body["started_at"])
    body["finished_at"] = _timestamp(body["finished_at"])
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def content_hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(record).encode()).hexdigest()


def stored_hash_matches(result: Any) -> bool:
    """Whether a stored RunCaseResult still hashes to its content_hash."""
    record = {name: getattr(result, name) for name in HASHED_FIELDS}
    return content_hash(record) == str(result.content_hash)
