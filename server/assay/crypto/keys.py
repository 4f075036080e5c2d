"""Key-encryption keys (KEKs) from settings, and per-organization data keys (DEKs).

A KEK ring is ``id:base64key[,id:base64key...]``; the first entry is current, the others
only unwrap. Each organization has data keys stored wrapped by a KEK. Rotating the KEK
rewraps the data keys and leaves every sealed value untouched.
"""

from __future__ import annotations

import base64
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from assay.settings import Secret

NONCE_BYTES = 12


class KeyError_(LookupError):
    """A key needed to unwrap data is not configured; the message says which."""


@dataclass(frozen=True)
class KekRing:
    current_id: str
    keys: dict[str, bytes]

    @classmethod
    def parse(cls, value: str) -> KekRing:
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for entry in (part.strip() for part in value.split(",")):
            kek_id, sep, encoded = entry.partition(":")
            if not sep or not kek_id:
                raise ValueError("ASSAY_KEK entries look like 'id:base64key', comma separated")
            key = base64.b64decode(encoded, validate=True)
            if len(key) != 32:
                raise ValueError(f"ASSAY_KEK key {kek_id!r} must be 32 bytes (AES-256)")
            keys[kek_id] = key
            order.append(kek_id)
        if not order:
            raise ValueError("ASSAY_KEK is empty")
        return cls(current_id=order[0], keys=keys)

    def get(self, kek_id: str) -> bytes:
        try:
            return self.keys[kek_id]
        except KeyError:
            raise KeyError_(
                f"key-encryption key {kek_id!r} is not in ASSAY_KEK: add it after the current key"
            ) from None


def generate_kek_entry(kek_id: str) -> str:
    return f"{kek_id}:{base64.b64encode(os.urandom(32)).decode()}"


def load_kek_ring(kek: Secret | None, data_dir: Path) -> KekRing:
    """The ring from ASSAY_KEK, or the embedded default's key file (created on first use)."""
    if kek:
        return KekRing.parse(kek.reveal())
    path = data_dir / "kek"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(generate_kek_entry("local-1"))
    return KekRing.parse(path.read_text().strip())


def _dek_aad(org_id: uuid.UUID, version: int) -> bytes:
    return f"assay:dek:v1|org={org_id}|version={version}".encode()


def wrap_data_key(ring: KekRing, org_id: uuid.UUID, version: int, data_key: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(ring.get(ring.current_id)).encrypt(nonce, data_key, _dek_aad(org_id, version))
    return nonce + sealed


def unwrap_data_key(
    ring: KekRing, kek_id: str, org_id: uuid.UUID, version: int, wrapped: bytes
) -> bytes:
    nonce, sealed = wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:]
    return AESGCM(ring.get(kek_id)).decrypt(nonce, sealed, _dek_aad(org_id, version))
