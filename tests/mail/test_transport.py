"""Mail goes out through a real SMTP server on loopback, with the credentials from settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from assay.mail.message import Mail
from assay.mail.smtp import SmtpTarget
from assay.mail.transport import MailUnavailable, send
from assay.settings import Secret, Settings, SettingsError, load_settings
from tests.mail.smtp_server import smtp_server
from tests.server_process import free_port

NOTE = Mail(to="ada@example.com", subject="Hello from Assay", text="Line one.\nLine two.\n")


def settings_for(url: str, data_dir: Path) -> Settings:
    return Settings(environment="test", data_dir=data_dir, smtp_url=Secret(url),
                    mail_from="Assay QA <qa@assay.example>")


async def test_a_message_is_delivered_with_the_configured_login(tmp_path: Path) -> None:
    with smtp_server(("relay-user", "relay-pass")) as server:
        await send(settings_for(server.url, tmp_path), NOTE)

    [got] = server.received
    assert (got.sender, got.recipients, got.authenticated_as) == (
        "qa@assay.example", ["ada@example.com"], "relay-user")
    assert (got.message["From"], got.message["To"], got.message["Subject"]) == (
        "Assay QA <qa@assay.example>", "ada@example.com", "Hello from Assay")
    assert got.message["Auto-Submitted"] == "auto-generated"
    assert got.message["Message-ID"].endswith("@assay.example>")
    assert got.text == "Line one.\nLine two.\n"
    assert not (tmp_path / "outbox").exists()


async def test_refused_credentials_raise_a_clear_error_and_send_nothing(tmp_path: Path) -> None:
    with smtp_server(("relay-user", "relay-pass")) as server:
        url = server.url.replace("relay-pass", "wrong-pass")
        with pytest.raises(MailUnavailable) as caught:
            await send(settings_for(url, tmp_path), NOTE)

    assert server.received == []
    assert caught.value.code == "MAIL_UNAVAILABLE"
    assert caught.value.message == (
        "we could not send you an email just now: try again in a few minutes, and tell your "
        "Assay operator if it keeps failing")
    assert "wrong-pass" not in str(caught.value)


async def test_an_unreachable_server_raises_the_same_error(tmp_path: Path) -> None:
    with pytest.raises(MailUnavailable):
        await send(settings_for(f"smtp://127.0.0.1:{free_port()}?starttls=false", tmp_path),
                   NOTE)


def test_smtp_urls_name_host_port_login_and_tls_mode() -> None:
    assert SmtpTarget.parse("smtp://mailer%40corp:p%2Fss@mail.example.com:2525?starttls=true") \
        == SmtpTarget("mail.example.com", 2525, "mailer@corp", "p/ss", False, True)
    assert SmtpTarget.parse("smtps://mail.example.com") == SmtpTarget(
        "mail.example.com", 465, None, None, True, None)
    assert SmtpTarget.parse("smtp://mail.example.com?starttls=false") == SmtpTarget(
        "mail.example.com", 587, None, None, False, False)
    assert SmtpTarget.parse("smtp://mail.example.com").starttls is None


@pytest.mark.parametrize("url", ["http://mail.example.com", "smtp://", "smtp://h:0",
                                 "smtp://h?starttls=maybe"])
def test_a_malformed_smtp_url_is_refused_with_the_expected_shape(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv("ASSAY_SMTP_URL", url)

    with pytest.raises(SettingsError) as caught:
        load_settings()

    assert str(caught.value) == (
        "ASSAY_SMTP_URL must look like smtp://user:password@host:587?starttls=true "
        "(or smtps://... for implicit TLS); starttls is true, false or left out")


def test_mail_settings_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSAY_SMTP_URL", "smtp://u:secret-pass@mail.example.com:587")
    monkeypatch.setenv("ASSAY_MAIL_FROM", "Assay <no-reply@example.com>")
    monkeypatch.setenv("ASSAY_PUBLIC_URL", "https://assay.example.com/")

    settings = load_settings()

    assert settings.smtp_url is not None
    assert settings.smtp_url.reveal() == "smtp://u:secret-pass@mail.example.com:587"
    assert "secret-pass" not in repr(settings)
    assert (settings.mail_from, settings.public_url) == (
        "Assay <no-reply@example.com>", "https://assay.example.com")
