"""The development outbox: one ``.eml`` file per message under ``<data dir>/outbox``.

Used when no SMTP server is configured, so sign-up works on a laptop with nothing else
installed; ``assay mail outbox`` lists and shows the messages. Files are readable by their
owner only: they hold verification links.
"""

from __future__ import annotations

import email
import email.policy
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path


@dataclass(frozen=True)
class OutboxEntry:
    path: Path
    date: str
    to: str
    subject: str


def outbox_dir(data_dir: Path) -> Path:
    return data_dir / "outbox"


def store(data_dir: Path, message: EmailMessage) -> Path:
    folder = outbox_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(4)}.eml"
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(message.as_bytes(policy=email.policy.SMTP))
    return path


def read(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def entries(data_dir: Path) -> list[OutboxEntry]:
    """The messages in the outbox, oldest first."""
    folder = outbox_dir(data_dir)
    if not folder.is_dir():
        return []
    listed = []
    for path in sorted(folder.glob("*.eml")):
        message = read(path)
        listed.append(OutboxEntry(path, str(message["Date"] or ""), str(message["To"] or ""),
                                  str(message["Subject"] or "")))
    return listed
