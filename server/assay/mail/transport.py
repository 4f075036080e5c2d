"""Sending: through the configured SMTP server (aiosmtplib), or into the outbox.

A message that cannot be delivered raises :class:`MailUnavailable`; the details (which may
name the server) go to the log, never to the client.
"""

from __future__ import annotations

import logging

import aiosmtplib

from assay.errors import DomainError
from assay.mail import outbox
from assay.mail.message import Mail, build
from assay.mail.smtp import SmtpTarget
from assay.settings import Settings

log = logging.getLogger("assay.mail")
SMTP_TIMEOUT_SECONDS = 20


class MailUnavailable(DomainError):
    code = "MAIL_UNAVAILABLE"

    def __init__(self) -> None:
        super().__init__(
            "we could not send you an email just now: try again in a few minutes, and tell "
            "your Assay operator if it keeps failing"
        )


async def send(settings: Settings, mail: Mail) -> None:
    message = build(settings, mail)
    if settings.smtp_url is None:
        if settings.production:
            log.warning("ASSAY_SMTP_URL is not set: a message was written to the outbox "
                        "instead of being sent")
        outbox.store(settings.data_dir, message)
        return
    target = SmtpTarget.parse(settings.smtp_url.reveal())
    try:
        await aiosmtplib.send(
            message,
            hostname=target.host,
            port=target.port,
            username=target.username,
            password=target.password,
            use_tls=target.implicit_tls,
            start_tls=target.starttls,
            timeout=SMTP_TIMEOUT_SECONDS,
        )
    except (aiosmtplib.SMTPException, OSError) as exc:
        log.error("sending mail through %s:%d failed: %s", target.host, target.port,
                  type(exc).__name__)
        raise MailUnavailable from None
