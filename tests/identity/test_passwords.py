"""Passwords: the policy, argon2id with the configured cost, and rehashing at sign-in."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from assay.app import create_app
from assay.db.config import DatabaseUrl
from assay.errors import ValidationFailed
from assay.identity.common_passwords import common_passwords
from assay.identity.passwords import check_policy
from tests.identity.conftest import identity_settings
from tests.identity.flows import LOG_IN, Browser, browser_for, verified_account
from tests.identity.test_login import WRONG
from tests.mail.smtp_server import SmtpServer


def refusal(password: str, email: str = "ada@example.com") -> tuple[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        check_policy(password, email=email)
    [issue] = caught.value.issues
    return issue.code, issue.message


def test_length_is_8_to_256_characters_of_anything() -> None:
    assert check_policy("zq8#Lw!x", email="ada@example.com") == "zq8#Lw!x"
    assert check_policy("ж" * 256, email="ada@example.com") == "ж" * 256
    assert refusal("zq8#Lw!")[0] == "LENGTH"
    assert refusal("ж" * 257)[0] == "LENGTH"


def full_width(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in word)


def test_passwords_are_nfkc_normalised() -> None:
    # Full-width letters and the "fi" ligature are the same characters typed differently.
    typed = f"{full_width('secret')} \ufb01sh {full_width('story')}"

    assert check_policy(typed, email="a@b.co") == "secret fish story"


def test_common_passwords_are_refused_whatever_their_case() -> None:
    assert refusal("PASSWORD123") == ("COMMON_PASSWORD", (
        "this password is on the list of the most common passwords that attackers try "
        "first: choose another"))
    assert refusal("Qwerty2024")[0] == "COMMON_PASSWORD"
    assert refusal("Summer1987")[0] == "COMMON_PASSWORD"
    assert refusal("ada@example.com") == ("COMMON_PASSWORD",
                                          "do not use your email address as your password")
    assert refusal("ADA-LOVELACE", email="ada-lovelace@example.com")[0] == "COMMON_PASSWORD"


def test_the_bundled_list_is_lower_case_and_long_enough_to_matter() -> None:
    listed = common_passwords()

    assert 3000 <= len(listed) <= 20000
    assert all(p == p.lower() and len(p) >= 8 for p in listed)
    assert {"password", "iloveyou", "12345678", "qwertyuiop", "1q2w3e4r"} <= listed


async def test_a_long_unicode_passphrase_with_spaces_works_exactly(
    browser: Browser, owner_db: asyncpg.Connection
) -> None:
    passphrase = "Ünïcödé pässphrase with spaces — 長いパスワードです — and then some more 🙂"
    account = await verified_account(browser, password=passphrase)

    right = await browser.result(LOG_IN, {"email": account.email, "password": passphrase})
    off_by_one = await browser.result(LOG_IN, {"email": account.email,
                                               "password": passphrase[:-1] + "🙃"})
    stored = await owner_db.fetchval("SELECT password_hash FROM users WHERE email = $1",
                                     account.email)

    assert len(passphrase) > 64
    assert right["__typename"] == "LogInSuccess"
    assert off_by_one == WRONG
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


async def test_a_hash_made_with_other_costs_is_replaced_at_sign_in(
    browser: Browser, database: dict[str, DatabaseUrl], mailbox: SmtpServer, data_dir: Path,
    owner_db: asyncpg.Connection,
) -> None:
    account = await verified_account(browser)  # hashed with t=2, m=19456 KiB
    stronger = create_app(identity_settings(data_dir, mailbox, argon2_time_cost=3,
                                            argon2_memory_kib=12288), database["app"])

    async with browser_for(stronger, mailbox) as other:
        answer = await other.result(LOG_IN, {"email": account.email,
                                             "password": account.password})
    rehashed = await owner_db.fetchval("SELECT password_hash FROM users WHERE email = $1",
                                       account.email)
    back = await browser.result(LOG_IN, {"email": account.email, "password": account.password})

    assert answer["__typename"] == "LogInSuccess"
    assert rehashed.startswith("$argon2id$v=19$m=12288,t=3,p=1$")
    assert back["__typename"] == "LogInSuccess"
    assert (await owner_db.fetchval("SELECT password_hash FROM users WHERE email = $1",
                                    account.email)).startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_weak_argon2_settings_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from assay.settings import SettingsError, load_settings

    monkeypatch.setenv("ASSAY_ARGON2_TIME_COST", "2")
    monkeypatch.setenv("ASSAY_ARGON2_MEMORY_KIB", "8192")

    with pytest.raises(SettingsError) as caught:
        load_settings()

    assert str(caught.value) == (
        "ASSAY_ARGON2_TIME_COST / ASSAY_ARGON2_MEMORY_KIB are too weak: use t=1 with at least "
        "47104 KiB, t=2 with 19456 KiB, or t>=3 with 12288 KiB, and parallelism >= 1")


async def test_the_same_characters_typed_differently_sign_in(browser: Browser) -> None:
    typed = f"{full_width('quiet')} harbour \ufb01ve lanterns"
    account = await verified_account(browser, password=typed)

    answer = await browser.result(LOG_IN, {"email": account.email,
                                           "password": "quiet harbour five lanterns"})

    assert answer["__typename"] == "LogInSuccess"
