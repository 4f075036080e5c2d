"""Google / OpenID Connect settings: all three values or none, an https issuer (plain http
only to loopback and never in production), a slug for the URLs; invitation lifetime bounds."""

from __future__ import annotations

import pytest

from assay.settings import SettingsError, load_settings

ISSUER, CLIENT, SECRET = "ASSAY_OIDC_ISSUER", "ASSAY_OIDC_CLIENT_ID", "ASSAY_OIDC_CLIENT_SECRET"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (ISSUER, CLIENT, SECRET, "ASSAY_OIDC_PROVIDER", "ASSAY_OIDC_RETURN_URL",
                 "ASSAY_ENV", "ASSAY_INVITATION_HOURS"):
        monkeypatch.delenv(name, raising=False)


def _configure(monkeypatch: pytest.MonkeyPatch, issuer: str = "https://accounts.google.com"
               ) -> None:
    monkeypatch.setenv(ISSUER, issuer)
    monkeypatch.setenv(CLIENT, "1234.apps.googleusercontent.com")
    monkeypatch.setenv(SECRET, "GOCSPX-not-a-real-one")


def test_google_sign_in_is_off_unless_configured() -> None:
    assert load_settings().oidc is None


def test_a_configured_provider_is_read_with_its_secret_hidden(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(monkeypatch)
    monkeypatch.setenv("ASSAY_OIDC_RETURN_URL", "https://app.example.com/sign-in/google")

    provider = load_settings().oidc

    assert provider is not None
    assert (provider.name, provider.issuer, provider.client_id, provider.return_url) == (
        "google", "https://accounts.google.com", "1234.apps.googleusercontent.com",
        "https://app.example.com/sign-in/google")
    assert provider.client_secret.reveal() == "GOCSPX-not-a-real-one"
    assert "GOCSPX" not in repr(provider)


def test_a_partial_configuration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ISSUER, "https://accounts.google.com")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == (
        "set all of ASSAY_OIDC_ISSUER, ASSAY_OIDC_CLIENT_ID and ASSAY_OIDC_CLIENT_SECRET to "
        "offer sign-in with an OpenID Connect provider (Google), or none of them")


@pytest.mark.parametrize(("issuer", "environment"), [
    ("http://accounts.google.com", "development"),
    ("https://accounts.google.com?x=1", "development"),
    ("http://127.0.0.1:9000", "production"),
    ("accounts.google.com", "development"),
])
def test_an_issuer_must_be_https_except_loopback_outside_production(
    issuer: str, environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(monkeypatch, issuer)
    monkeypatch.setenv("ASSAY_ENV", environment)

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == (
        "ASSAY_OIDC_ISSUER must be an https URL without query or fragment, like "
        "https://accounts.google.com (http only to 127.0.0.1 outside production), "
        f"got {issuer!r}")


def test_a_loopback_issuer_is_allowed_for_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    _configure(monkeypatch, "http://127.0.0.1:9000")
    monkeypatch.setenv("ASSAY_ENV", "test")

    provider = load_settings().oidc

    assert provider is not None and provider.issuer == "http://127.0.0.1:9000"


def test_the_provider_name_is_a_slug(monkeypatch: pytest.MonkeyPatch) -> None:
    _configure(monkeypatch)
    monkeypatch.setenv("ASSAY_OIDC_PROVIDER", "My IdP/1")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == (
        "ASSAY_OIDC_PROVIDER must be a short lower-case slug like google, got 'My IdP/1'")


@pytest.mark.parametrize(("hours", "expected"), [("1", 1), ("720", 720)])
def test_invitations_last_between_an_hour_and_thirty_days(
    hours: str, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSAY_INVITATION_HOURS", hours)

    assert load_settings().invitation_lifetime_hours == expected


def test_an_invitation_lifetime_out_of_bounds_is_refused(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSAY_INVITATION_HOURS", "721")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert str(raised.value) == "ASSAY_INVITATION_HOURS must be between 1 and 720, got 721"
