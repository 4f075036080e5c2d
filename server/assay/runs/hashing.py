"""The content hash of a case result: SHA-256 over the canonical JSON of what was recorded.

A result's evidence (screenshot, console log) is covered through each artifact's SHA-256,
size, kind, media type and page address, so an artifact changed behind the database's back
no longer matches its result. The evidence fields enter the JSON only when they are not
empty: a result without evidence hashes exactly as before they existed. The masked PII
findings of its replies enter the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

#: The recorded fields the hash covers, in the order a reader would list them.
HASHED_FIELDS = ("run_case_id", "status", "turns", "asserts", "error_code", "error_message",
                 "attempts", "started_at", "finished_at", "duration_ms")
#: Covered only when not empty ("artifacts": a list of :func:`artifact_entry`).
EVIDENCE_FIELDS = ("evidence_note", "artifacts", "pii_findings")


def _timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def artifact_entry(kind: str, media_type: str, data: bytes, page_url: str) -> dict[str, Any]:
    """What the result's hash covers of one artifact: its digest, not its bytes."""
    return {"kind": str(kind), "media_type": media_type, "size": len(data),
            "sha256": sha256(data), "page_url": page_url}


def stored_bytes(artifact: Any) -> bytes:
    """The bytes a stored RunCaseArtifact holds (text as UTF-8)."""
    if artifact.content is not None:
        return bytes(artifact.content)
    return str(artifact.text or "").encode()


def canonical(record: Mapping[str, Any]) -> str:
    """The canonical JSON text of a result record (sorted keys, no spaces, UTF-8)."""
    body = {name: record[name] for name in HASHED_FIELDS}
    body["run_case_id"] = str(body["run_case_id"])
    body["status"] = str(body["status"])
    body["started_at"] = _timestamp(body["started_at"])
    body["finished_at"] = _timestamp(body["finished_at"])
    for name in EVIDENCE_FIELDS:
        if record.get(name):
            body[name] = record[name]
    if "artifacts" in body:
        body["artifacts"] = sorted(body["artifacts"], key=lambda entry: str(entry["kind"]))
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def content_hash(record: Mapping[str, Any]) -> str:
    return sha256(canonical(record).encode())


def intact(artifact: Any) -> bool:
    """Whether a stored artifact's bytes still have its recorded size and SHA-256."""
    data = stored_bytes(artifact)
    return len(data) == int(artifact.size) and sha256(data) == str(artifact.sha256)


def stored_hash_matches(result: Any, artifacts: Sequence[Any] = ()) -> bool:
    """Whether a stored RunCaseResult and its RunCaseArtifacts still hash to its content_hash.

    Each artifact's digest is computed again from the bytes stored, so a change to an
    artifact's content, or to its recorded size or sha256, shows.
    """
    if not all(intact(artifact) for artifact in artifacts):
        return False
    record = {name: getattr(result, name) for name in HASHED_FIELDS}
    record["evidence_note"] = result.evidence_note
    record["pii_findings"] = result.pii_findings
    record["artifacts"] = [artifact_entry(a.kind, a.media_type, stored_bytes(a), a.page_url)
                           for a in artifacts]
    return content_hash(record) == str(result.content_hash)
