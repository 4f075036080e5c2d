"""The bundled list of common passwords (``data/common_passwords.txt``), loaded once."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def common_passwords() -> frozenset[str]:
    text = files("assay.identity").joinpath("data/common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_common(normalised: str) -> bool:
    """Whether a (normalised) password is on the list, ignoring case."""
    return normalised.lower() in common_passwords()
