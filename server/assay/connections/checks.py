"""Field checks shared by the connection kinds; each adds an Issue instead of raising."""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from assay.connections.templates import PLACEHOLDER, placeholders
from assay.errors import Issue, ValidationFailed

Path = tuple[str, ...]

MAX_URL = 2048
MAX_PATH = 500
MAX_PATH_SEGMENTS = 32
MAX_CREDENTIAL_VALUE = 16_384

HEADER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
CREDENTIAL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")
QUERY_PARAM = re.compile(r"[A-Za-z0-9_.~-]{1,100}")


class Issues:
    """Collects every problem of one input, then raises them together."""

    def __init__(self) -> None:
        self.items: list[Issue] = []

    def add(self, path: Path, message: str, code: str = "INVALID") -> None:
        self.items.append(Issue(path, message, code))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(self.items)


@dataclass(frozen=True)
class CredentialRules:
    """Which credentials exist, and how the caller adds a missing one (said in messages)."""

    names: Collection[str]
    how_to_add: str


def text(issues: Issues, path: Path, value: str | None, what: str, limit: int) -> str:
    """``value`` stripped; an issue when it is empty or longer than ``limit``."""
    result = (value or "").strip()
    if not result:
        issues.add(path, f"give {what}", "REQUIRED")
    elif len(result) > limit:
        issues.add(path, f"{what} is {len(result)} characters long: keep it to {limit}",
                   "TOO_LONG")
    return result


def within(bounds: tuple[int, int, int], value: int) -> bool:
    return bounds[0] <= value <= bounds[1]


def bounded(issues: Issues, path: Path, value: int | None, bounds: tuple[int, int, int],
            unit: str) -> int:
    """``value``, or the default of ``bounds`` (minimum, maximum, default) when None."""
    low, high, default = bounds
    if value is None:
        return default
    if not within(bounds, value):
        issues.add(path, f"give a number of {unit} from {low} to {high} (default {default})",
                   "OUT_OF_RANGE")
    return value


def credential_name(issues: Issues, path: Path, name: str | None) -> str:
    result = (name or "").strip()
    if not result:
        issues.add(path, "give each credential a name, e.g. auth or header:X-Token", "REQUIRED")
    elif not CREDENTIAL_NAME.fullmatch(result):
        issues.add(path, "a credential name has 1 to 100 letters, digits and _ . : - and "
                   "starts with a letter or digit", "INVALID_NAME")
    return result


def credential_value(issues: Issues, path: Path, value: str) -> None:
    """Checks a secret; a message never repeats it."""
    if not value.strip():
        issues.add(path, "give the secret value; it cannot be empty", "REQUIRED")
    elif len(value) > MAX_CREDENTIAL_VALUE:
        issues.add(path, f"a secret value can be at most {MAX_CREDENTIAL_VALUE} characters",
                   "TOO_LONG")


def header_name(issues: Issues, path: Path, name: str, reserved: Collection[str]) -> str:
    result = name.strip()
    if not HEADER_NAME.fullmatch(result):
        issues.add(path, "a header name has 1 to 80 letters, digits and _ . - and starts "
                   "with a letter or digit", "INVALID_NAME")
    elif result.lower() in reserved:
        issues.add(path, f"the HTTP client sets {result} itself: remove it", "RESERVED_HEADER")
    return result


def url(issues: Issues, path: Path, value: str | None, what: str,
        allowed: Sequence[str] = ()) -> str:
    """An absolute http(s) URL; ``allowed`` placeholders may appear in it."""
    result = text(issues, path, value, what, MAX_URL)
    if not result:
        return result
    unknown = [name for name in placeholders(result) if name not in allowed]
    if unknown:
        listed = ", ".join(f"{{{{{name}}}}}" for name in allowed) or "none"
        issues.add(path, f"unknown placeholder {{{{{unknown[0]}}}}} in {what} "
                   f"(allowed: {listed})", "UNKNOWN_PLACEHOLDER")
        return result
    _url_shape(issues, path, PLACEHOLDER.sub("x", result), what)
    return result


def _url_shape(issues: Issues, path: Path, value: str, what: str) -> None:
    if any(ch in string.whitespace for ch in value):
        issues.add(path, f"{what} contains whitespace: percent-encode it (%20)", "INVALID_URL")
        return
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        issues.add(path, f"{what} is not a valid URL: write it as https://host/path",
                   "INVALID_URL")
        return
    if parts.scheme not in ("http", "https") or not host:
        issues.add(path, f"{what} must be an absolute http:// or https:// URL with a host, "
                   "e.g. https://bot.example.com/chat", "INVALID_URL")
    elif parts.username is not None or parts.password is not None:
        issues.add(path, f"{what} must not carry a user name or password: put secrets in "
                   "credentials", "SECRET_IN_URL")


def response_path(issues: Issues, path: Path, value: str | None, *,
                  required: bool) -> str | None:
    """A dotted path of keys and list indices, such as choices.0.message.content."""
    result = (value or "").strip()
    if not result:
        if required:
            issues.add(path, "give the path of the answer in the JSON response, "
                       "e.g. choices.0.message.content", "REQUIRED")
        return None
    segments = result.split(".")
    if len(result) > MAX_PATH or len(segments) > MAX_PATH_SEGMENTS:
        issues.add(path, f"keep the path to {MAX_PATH} characters and {MAX_PATH_SEGMENTS} "
                   "segments", "TOO_LONG")
    elif any(not seg or any(ch in string.whitespace for ch in seg) for seg in segments):
        issues.add(path, "write the path as dot-separated keys and list indices, without "
                   "spaces or empty parts, e.g. choices.0.message.content", "INVALID_PATH")
    return result
