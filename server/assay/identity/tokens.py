"""Opaque tokens handed to clients (links, challenges): 256 random bits, stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A URL-safe token of 256 bits from the operating system's CSPRNG."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps: a high-entropy token needs no salt or slow hash."""
    return hashlib.sha256(token.encode()).hexdigest()
