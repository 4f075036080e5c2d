"""Email addresses as account keys: trimmed, lower-cased, and plausibly deliverable."""

from __future__ import annotations

import re

from assay.errors import invalid

_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
MAX_LENGTH = 320


def normalise_email(email: str, path: str = "email") -> str:
    """The address as stored, or a validation error; the verification mail proves the rest."""
    address = email.strip().lower()
    if len(address) > MAX_LENGTH or not _ADDRESS.fullmatch(address):
        raise invalid(path, "give a valid email address, like ada@example.com")
    return address
