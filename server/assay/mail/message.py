"""A plain-text message and its RFC 5322 form."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from email.message import EmailMessage

from assay.settings import Settings


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str


def build(settings: Settings, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = email.utils.formatdate(usegmt=True)
    _, sender = email.utils.parseaddr(settings.mail_from)
    message["Message-ID"] = email.utils.make_msgid(domain=sender.partition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.text)
    return message
