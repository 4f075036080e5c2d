from __future__ import annotations

from pathlib import Path

import pytest

from assay.settings import Secret, SettingsError, load_settings


def test_defaults_need_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "ASSAY_ENV",
        "DATABASE_URL",
        "REDIS_URL",
        "ASSAY_KEK",
        "ASSAY_DATA_DIR",
        "ASSAY_PORT",
    ):
        monkeypatch.delenv(name, raising=False)

    settings = load_settings()

    assert settings.environment == "development"
    assert settings.database_url is None
    assert settings.redis_url is None
    assert settings.data_dir == Path.home() / ".assay"
    assert settings.port == 8000
    assert settings.production is False


def test_secrets_never_print_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://app:hunter2@db/assay")

    settings = load_settings()

    assert settings.database_url is not None
    assert settings.database_url.reveal() == "postgresql://app:hunter2@db/assay"
    assert "hunter2" not in repr(settings)
    assert str(Secret("hunter2")) == "Secret('**********')"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "ASSAY_ENV",
            "staging",
            "ASSAY_ENV must be development, production or test, got 'staging'",
        ),
        ("ASSAY_PORT", "eighty", "ASSAY_PORT must be a whole number, got 'eighty'"),
    ],
)
def test_bad_values_say_what_to_set(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == message


def test_boolean_settings_read_common_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSAY_ALLOW_PRIVATE_TARGETS", "yes")
    assert load_settings().allow_private_targets is True
    monkeypatch.setenv("ASSAY_ALLOW_PRIVATE_TARGETS", "0")
    assert load_settings().allow_private_targets is False
    monkeypatch.setenv("ASSAY_ALLOW_PRIVATE_TARGETS", "maybe")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value) == (
        "ASSAY_ALLOW_PRIVATE_TARGETS must be true or false (1/0, yes/no), got 'maybe'"
    )
