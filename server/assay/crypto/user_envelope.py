"""Sealing values that belong to a person rather than to one organization.

A user may belong to several organizations, join and leave them; their TOTP secret must
open whichever organization they act in, and must not be readable with any single
organization's key. So each user has their own data key (``UserDataKey``), wrapped by the
KEK exactly like an organization's, and values are sealed with AES-256-GCM under it. The
associated data binds a ciphertext to its user, table, row and field; a KEK rotation
rewraps these keys too (``rewrap_all``) and never touches the sealed values.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.crypto.envelope import Binding, Sealed, SealedValueError, _require_ring
from assay.crypto.keys import NONCE_BYTES, KekRing
from assay.crypto.models import UserDataKey

_data_keys: dict[tuple[uuid.UUID, int, bytes], bytes] = {}


def _key_aad(user_id: uuid.UUID, version: int) -> bytes:
    return f"assay:user-dek:v1|user={user_id}|version={version}".encode()


def _value_aad(user_id: uuid.UUID, binding: Binding, version: int) -> bytes:
    return (
        f"assay:user-value:v1|user={user_id}|table={binding.table}|row={binding.row_id}"
        f"|field={binding.field}|dek={version}"
    ).encode()


def _wrap(ring: KekRing, user_id: uuid.UUID, version: int, data_key: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    kek = AESGCM(ring.get(ring.current_id))
    return nonce + kek.encrypt(nonce, data_key, _key_aad(user_id, version))


def _unwrap(user_id: uuid.UUID, row: UserDataKey) -> bytes:
    wrapped = bytes(row.wrapped_key)
    cache_key = (user_id, row.version, wrapped)
    if cache_key not in _data_keys:
        kek = AESGCM(_require_ring().get(row.kek_id))
        try:
            _data_keys[cache_key] = kek.decrypt(
                wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _key_aad(user_id, row.version)
            )
        except InvalidTag:
            raise SealedValueError(
                f"a user data key does not unwrap with key-encryption key {row.kek_id!r}: "
                "ASSAY_KEK holds other key material under that id"
            ) from None
    return _data_keys[cache_key]


async def _current_key(user_id: uuid.UUID) -> tuple[int, bytes]:
    row = await UserDataKey.filter(user_id=user_id).order_by("-version").first()
    if row is None:
        ring = _require_ring()
        data_key = AESGCM.generate_key(bit_length=256)
        try:
            async with in_transaction():  # a savepoint: a racing creator wins, we re-read
                row = await UserDataKey.create(
                    user_id=user_id, version=1, kek_id=ring.current_id,
                    wrapped_key=_wrap(ring, user_id, 1, data_key),
                )
        except IntegrityError:
            row = await UserDataKey.filter(user_id=user_id).order_by("-version").first()
            if row is None:
                raise
    return row.version, _unwrap(user_id, row)


async def seal(user_id: uuid.UUID, plaintext: str, binding: Binding) -> Sealed:
    version, key = await _current_key(user_id)
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(key).encrypt(
        nonce, plaintext.encode(), _value_aad(user_id, binding, version)
    )
    return Sealed(ciphertext=ciphertext, nonce=nonce, key_version=version)


async def open_sealed(user_id: uuid.UUID, sealed: Sealed, binding: Binding) -> str:
    row = await UserDataKey.get_or_none(user_id=user_id, version=sealed.key_version)
    if row is None:
        raise SealedValueError("the data key of this value is gone")
    key = _unwrap(user_id, row)
    try:
        plain = AESGCM(key).decrypt(
            sealed.nonce, sealed.ciphertext, _value_aad(user_id, binding, sealed.key_version)
        )
    except InvalidTag:
        raise SealedValueError("the sealed value does not belong here or was altered") from None
    return plain.decode()


async def rewrap_all(ring: KekRing) -> int:
    """Rewrap every user data key not yet under the ring's current KEK; sealed values stay."""
    count = 0
    for row in await UserDataKey.exclude(kek_id=ring.current_id).order_by("id"):
        wrapped = bytes(row.wrapped_key)
        old = AESGCM(ring.get(row.kek_id))
        data_key = old.decrypt(
            wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _key_aad(row.user_id, row.version)
        )
        row.wrapped_key = _wrap(ring, row.user_id, row.version, data_key)
        row.kek_id = ring.current_id
        row.rewrapped_at = datetime.now(UTC)
        await row.save(update_fields=["wrapped_key", "kek_id", "rewrapped_at"])
        count += 1
    return count
