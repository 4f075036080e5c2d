"""Recovery codes: ten single-use codes shown once at enrollment, stored as hashes.

A code is 16 characters from a 32-letter alphabet without look-alikes (80 bits), shown in
groups of four. Only SHA-256 over the user id and the code is stored: with 80 random bits,
a slow hash adds nothing, and binding the user makes one row useless for any other user.
A code is spent by one conditional UPDATE, so it works once even under parallel use.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from assay.auth.models import RecoveryCode

COUNT = 10
LENGTH = 16
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _normalise(code: str) -> str | None:
    compact = "".join(code.split()).replace("-", "").upper()
    if len(compact) != LENGTH or any(c not in ALPHABET for c in compact):
        return None
    return compact


def _hash(user_id: uuid.UUID, compact: str) -> str:
    return hashlib.sha256(f"assay:recovery:v1|{user_id}|{compact}".encode()).hexdigest()


def _new_code() -> str:
    compact = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(compact[i:i + 4] for i in range(0, LENGTH, 4))


async def replace_codes(user_id: uuid.UUID) -> list[str]:
    """Ten new codes for the user (earlier ones stop working); returned once, never stored."""
    await RecoveryCode.filter(user_id=user_id).delete()
    codes = [_new_code() for _ in range(COUNT)]
    await RecoveryCode.bulk_create([
        RecoveryCode(user_id=user_id, code_hash=_hash(user_id, code.replace("-", "")))
        for code in codes
    ])
    return codes


async def use(user_id: uuid.UUID, code: str) -> bool:
    """Spend one unused code of the user; False when it is wrong or already spent."""
    compact = _normalise(code)
    if compact is None:
        return False
    spent = await RecoveryCode.filter(
        user_id=user_id, code_hash=_hash(user_id, compact), used_at=None
    ).update(used_at=datetime.now(UTC))
    return spent == 1


async def remaining(user_id: uuid.UUID) -> int:
    return await RecoveryCode.filter(user_id=user_id, used_at=None).count()
