"""Sealing and opening secrets: the only place that encrypts and decrypts values.

A value is sealed with AES-256-GCM under the organization's current data key. The
associated data binds the ciphertext to its organization, table, row and field, so a
ciphertext copied anywhere else fails to open.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from assay.crypto.keys import NONCE_BYTES, KekRing, unwrap_data_key, wrap_data_key
from assay.crypto.models import OrgDataKey
from assay.tenancy.scope import require_org


class SealedValueError(Exception):
    """A sealed value does not open here (moved, altered, or its key is gone)."""


@dataclass(frozen=True)
class Sealed:
    ciphertext: bytes
    nonce: bytes
    key_version: int


@dataclass(frozen=True)
class Binding:
    """Where a sealed value lives; part of the associated data."""

    table: str
    row_id: uuid.UUID
    field: str


_data_keys: dict[tuple[uuid.UUID, int, bytes], bytes] = {}
_ring: KekRing | None = None


def configure(ring: KekRing) -> None:
    """Install the KEK ring for this process (done once at start-up)."""
    global _ring
    _ring = ring
    _data_keys.clear()


def _require_ring() -> KekRing:
    if _ring is None:
        raise RuntimeError("crypto is not configured: call assay.crypto.envelope.configure()")
    return _ring


def _aad(org_id: uuid.UUID, binding: Binding, version: int) -> bytes:
    return (
        f"assay:value:v1|org={org_id}|table={binding.table}|row={binding.row_id}"
        f"|field={binding.field}|dek={version}"
    ).encode()


async def create_data_key() -> None:
    """Give the organization in scope its first data key (done when it is created)."""
    await _current_key(require_org())


async def _current_key(org_id: uuid.UUID) -> tuple[int, bytes]:
    row = await OrgDataKey.filter().order_by("-version").first()
    if row is None:
        ring = _require_ring()
        data_key = AESGCM.generate_key(bit_length=256)
        row = await OrgDataKey.create(
            version=1, wrapped_key=wrap_data_key(ring, org_id, 1, data_key), kek_id=ring.current_id
        )
        _data_keys[(org_id, 1, bytes(row.wrapped_key))] = data_key
    return row.version, _unwrap(org_id, row)


def _unwrap(org_id: uuid.UUID, row: OrgDataKey) -> bytes:
    wrapped = bytes(row.wrapped_key)
    cache_key = (org_id, row.version, wrapped)
    if cache_key not in _data_keys:
        try:
            _data_keys[cache_key] = unwrap_data_key(
                _require_ring(), row.kek_id, org_id, row.version, wrapped
            )
        except InvalidTag:
            raise SealedValueError(
                f"data key {row.version} does not unwrap with key-encryption key "
                f"{row.kek_id!r}: ASSAY_KEK holds other key material under that id"
            ) from None
    return _data_keys[cache_key]


async def seal(plaintext: str, binding: Binding) -> Sealed:
    org_id = require_org()
    version, key = await _current_key(org_id)
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext.encode(), _aad(org_id, binding, version))
    return Sealed(ciphertext=ciphertext, nonce=nonce, key_version=version)


async def open_sealed(sealed: Sealed, binding: Binding) -> str:
    org_id = require_org()
    row = await OrgDataKey.get_or_none(version=sealed.key_version)
    if row is None:
        raise SealedValueError("the data key of this value is gone")
    key = _unwrap(org_id, row)
    try:
        plain = AESGCM(key).decrypt(
            sealed.nonce, sealed.ciphertext, _aad(org_id, binding, sealed.key_version)
        )
    except InvalidTag:
        raise SealedValueError("the sealed value does not belong here or was altered") from None
    return plain.decode()


async def rewrap_all(ring: KekRing) -> int:
    """Rewrap every data key of the organization in scope under the ring's current KEK."""
    org_id = require_org()
    count = 0
    for row in await OrgDataKey.filter().order_by("version"):
        if row.kek_id == ring.current_id:
            continue
        data_key = unwrap_data_key(ring, row.kek_id, org_id, row.version, bytes(row.wrapped_key))
        row.wrapped_key = wrap_data_key(ring, org_id, row.version, data_key)
        row.kek_id = ring.current_id
        row.rewrapped_at = datetime.now(UTC)
        await row.save(update_fields=["wrapped_key", "kek_id", "rewrapped_at"])
        count += 1
    return count


def hint(secret: str) -> str:
    """A short reminder that reveals almost nothing: the last four characters, if long enough."""
    return f"…{secret[-4:]}" if len(secret) >= 12 else "…"
