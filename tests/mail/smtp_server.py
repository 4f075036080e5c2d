"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests.

It speaks SMTP over TCP exactly as a mail relay does; with ``credentials`` it advertises
AUTH PLAIN and refuses mail from clients that did not authenticate with them.
"""

from __future__ import annotations

import base64
import email
import email.policy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.server_process import free_port


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage
    authenticated_as: str | None

    @property
    def text(self) -> str:
        body = self.message.get_body(preferencelist=("plain",))
        assert body is not None
        content: str = body.get_content()
        return content.replace("\r\n", "\n")  # as sent over the wire: CRLF line ends

    def token(self) -> str:
        """The token of the link in the message (``...#token=XYZ``)."""
        found = re.search(r"#token=([A-Za-z0-9_-]+)", self.text)
        assert found is not None, self.text
        return found.group(1)


@dataclass
class _Handler:
    credentials: tuple[str, str] | None
    received: list[Received] = field(default_factory=list)

    async def handle_AUTH(self, server: Any, session: Any, envelope: Any, args: list[str]) -> str:
        if len(args) != 2 or args[0].upper() != "PLAIN":
            return "504 5.5.4 use AUTH PLAIN with an initial response"
        _, user, password = base64.b64decode(args[1]).decode().split("\0")
        if (user, password) != self.credentials:
            return "535 5.7.8 Authentication credentials invalid"
        session.authenticated = True
        envelope.assay_user = user
        return "235 2.7.0 Authentication successful"

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if self.credentials is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed,
                                      getattr(envelope, "assay_user", None)))
        return "250 Message accepted"


class SmtpServer:
    def __init__(self, credentials: tuple[str, str] | None) -> None:
        self.port = free_port()
        self.credentials = credentials
        self._handler = _Handler(credentials)
        self._controller = Controller(
            self._handler, hostname="127.0.0.1", port=self.port, auth_require_tls=False,
            auth_exclude_mechanism=["LOGIN"],
        )

    @property
    def url(self) -> str:
        auth = f"{self.credentials[0]}:{self.credentials[1]}@" if self.credentials else ""
        return f"smtp://{auth}127.0.0.1:{self.port}?starttls=false"

    @property
    def received(self) -> list[Received]:
        return list(self._handler.received)

    def to(self, address: str) -> list[Received]:
        """Messages for ``address``, oldest first."""
        return [r for r in self._handler.received if address in r.recipients]

    def clear(self) -> None:
        self._handler.received.clear()


@contextmanager
def smtp_server(credentials: tuple[str, str] | None = None) -> Iterator[SmtpServer]:
    server = SmtpServer(credentials)
    server._controller.start()
    try:
        yield server
    finally:
        server._controller.stop()
