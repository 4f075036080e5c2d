"""Passwords: the policy a new one must meet, and argon2id hashing with costs from settings.

A password is NFKC-normalised (so the same characters typed on different keyboards match),
then checked: 8 to 256 characters, anything Unicode allows, not on the common list, not
the address itself. No composition rules (ASVS 6.2.5). Hashing and verifying run in a
thread: argon2 releases the GIL, and a login must not stall every other request.
"""

from __future__ import annotations

import asyncio
import unicodedata
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from assay.errors import invalid
from assay.identity.common_passwords import is_common
from assay.settings import Settings

MIN_LENGTH = 8
MAX_LENGTH = 256


def normalise(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def check_policy(password: str, *, email: str, path: str = "password") -> str:
    """The normalised password, or a validation error saying how to choose a better one."""
    normalised = normalise(password)
    if not MIN_LENGTH <= len(normalised) <= MAX_LENGTH:
        raise invalid(path, f"use {MIN_LENGTH} to {MAX_LENGTH} characters; a few unrelated "
                            "words make a long password that is easy to remember", "LENGTH")
    if is_common(normalised):
        raise invalid(path, "this password is on the list of the most common passwords that "
                            "attackers try first: choose another", "COMMON_PASSWORD")
    folded = normalised.casefold()
    if folded in (email.casefold(), email.partition("@")[0].casefold()):
        raise invalid(path, "do not use your email address as your password", "COMMON_PASSWORD")
    return normalised


@cache
def _hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


def hasher(settings: Settings) -> PasswordHasher:
    return _hasher(settings.argon2_time_cost, settings.argon2_memory_kib,
                   settings.argon2_parallelism)


@cache
def _dummy_hash(time_cost: int, memory_kib: int, parallelism: int) -> str:
    return _hasher(time_cost, memory_kib, parallelism).hash("assay dummy password for timing")


async def hash_password(settings: Settings, normalised: str) -> str:
    return await asyncio.to_thread(hasher(settings).hash, normalised)


def _verify(ph: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return ph.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(settings: Settings, stored: str | None, password: str) -> bool:
    """Check ``password`` against ``stored``; with no stored hash, spend the same time on a
    dummy one and answer False, so unknown accounts cannot be told apart by timing."""
    ph = hasher(settings)
    # Made (once per cost setting) before either branch, so no first request pays extra.
    dummy = await asyncio.to_thread(
        _dummy_hash, settings.argon2_time_cost, settings.argon2_memory_kib,
        settings.argon2_parallelism)
    if stored is None:
        await asyncio.to_thread(_verify, ph, dummy, normalise(password))
        return False
    return await asyncio.to_thread(_verify, ph, stored, normalise(password))


def needs_rehash(settings: Settings, stored: str) -> bool:
    """Whether ``stored`` was made with other costs than the settings' (rehash on login)."""
    return hasher(settings).check_needs_rehash(stored)
