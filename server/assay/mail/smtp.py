"""Where ASSAY_SMTP_URL points: host, port, credentials and the TLS mode."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    username: str | None
    password: str | None
    #: TLS from the first byte (smtps://).
    implicit_tls: bool
    #: True: require STARTTLS; False: never; None: use it when the server offers it.
    starttls: bool | None

    @classmethod
    def parse(cls, url: str) -> SmtpTarget:
        """Parse a URL that settings already validated."""
        parts = urlsplit(url)
        implicit = parts.scheme == "smtps"
        mode = parse_qs(parts.query).get("starttls", ["auto"])[0].lower()
        return cls(
            host=parts.hostname or "localhost",
            port=parts.port or (465 if implicit else 587),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            implicit_tls=implicit,
            starttls=None if implicit or mode == "auto" else mode == "true",
        )
