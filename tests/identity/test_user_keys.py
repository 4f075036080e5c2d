"""TOTP secrets are sealed under each person's own data key: bound to that person, and
rewrapped (never re-encrypted) when the key-encryption key rotates."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from assay.auth.models import User
from assay.crypto import envelope, user_envelope
from assay.crypto.envelope import Binding, SealedValueError
from assay.crypto.keys import KekRing, generate_kek_entry
from assay.crypto.rotation import rotate_kek
from assay.db.config import DatabaseUrl
from tests.crypto.test_rotation import as_owner
from tests.identity.flows import VERIFY_TOTP, Browser, challenge, code_at, early_in_a_step, enrolled
from tests.support import TEST_KEK

ENTRY_C = generate_kek_entry("user-rot-c")


async def test_a_sealed_value_opens_only_for_its_user_and_place(database: object) -> None:
    ada = await User.create(email=f"ada-{uuid.uuid4().hex[:8]}@example.com")
    bob = await User.create(email=f"bob-{uuid.uuid4().hex[:8]}@example.com")
    place = Binding("totp_factors", uuid.uuid4(), "secret")

    sealed = await user_envelope.seal(ada.id, "JBSWY3DPEHPK3PXP", place)

    assert await user_envelope.open_sealed(ada.id, sealed, place) == "JBSWY3DPEHPK3PXP"
    with pytest.raises(SealedValueError):
        await user_envelope.open_sealed(bob.id, sealed, place)
    with pytest.raises(SealedValueError):
        await user_envelope.open_sealed(ada.id, sealed, Binding("totp_factors", uuid.uuid4(),
                                                                 "secret"))


@pytest.fixture
async def restore_ring(database: dict[str, DatabaseUrl]) -> AsyncIterator[None]:
    yield
    async with as_owner(database):
        await rotate_kek(KekRing.parse(f"{TEST_KEK},{ENTRY_C}"))
    envelope.configure(KekRing.parse(TEST_KEK))


async def test_kek_rotation_rewraps_user_keys_and_codes_still_work(
    browser: Browser, database: dict[str, DatabaseUrl], owner_db: asyncpg.Connection,
    restore_ring: None,
) -> None:
    user = await enrolled(browser)
    factors_before = await owner_db.fetch(
        "SELECT id, ciphertext, nonce FROM totp_factors ORDER BY id")
    user_keys = await owner_db.fetchval("SELECT count(*) FROM user_data_keys")

    async with as_owner(database):
        report = await rotate_kek(KekRing.parse(f"{ENTRY_C},{TEST_KEK}"))
    envelope.configure(KekRing.parse(ENTRY_C))  # the old KEK is gone from the process
    started = await challenge(browser, user.account)
    await early_in_a_step()
    answer = await browser.result(VERIFY_TOTP, {"challenge": started["challenge"],
                                                "code": code_at(user.secret)})

    assert report.user_data_keys_rewrapped == user_keys
    assert await owner_db.fetch("SELECT DISTINCT kek_id FROM user_data_keys") == [
        ("user-rot-c",)]
    assert await owner_db.fetch(
        "SELECT id, ciphertext, nonce FROM totp_factors ORDER BY id") == (
        factors_before)
    assert answer["__typename"] == "VerifyTotpSuccess"
