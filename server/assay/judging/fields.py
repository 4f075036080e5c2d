"""Checks of a judge configuration's fields; each problem becomes an Issue naming its field.

The base URL is only checked for shape here (http or https, a host, no credentials, no
query): whether its address may be reached is decided when the judge calls it, by the
SSRF guard (a name can resolve elsewhere later).
"""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from assay.connections.checks import Issues, Path
from assay.plugins.registry import judges

MAX_NAME = 100
MAX_MODEL = 200
MAX_BASE_URL = 500
MAX_KEY = 4096
TEMPERATURE = (0.0, 2.0)
SAMPLES = (1, 10)


def name(issues: Issues, path: Path, value: str) -> str:
    result = value.strip()
    if not result or len(result) > MAX_NAME:
        issues.add(path, f"give the judge a name of 1 to {MAX_NAME} characters", "INVALID_NAME")
    return result


def provider(issues: Issues, path: Path, value: str) -> str:
    """A loaded judge plugin's slug; a rejected one is named with the registry's reason."""
    registry = judges()
    result = value.strip()
    if result in registry.plugins:
        return result
    rejected = [r.reason for r in registry.rejected if r.name == result]
    available = ", ".join(sorted(registry.plugins)) or "none is installed"
    if rejected:
        issues.add(path, f"the judge provider {result!r} is installed but unavailable "
                   f"({rejected[0]}): choose one of {available}", "PROVIDER_UNAVAILABLE")
    else:
        issues.add(path, f"unknown judge provider {result!r}: choose one of {available}",
                   "UNKNOWN_PROVIDER")
    return result


def model(issues: Issues, path: Path, value: str) -> str:
    result = value.strip()
    if not result or len(result) > MAX_MODEL or any(c.isspace() for c in result):
        issues.add(path, f"give the model as the provider names it (1 to {MAX_MODEL} "
                   "characters, no spaces), e.g. gpt-4o-mini", "INVALID_MODEL")
    return result


def base_url(issues: Issues, path: Path, value: str | None) -> str:
    """The URL without a trailing slash; empty means the provider's public endpoint."""
    result = (value or "").strip().rstrip("/")
    if not result:
        return ""
    problem = _url_problem(result)
    if problem is not None:
        issues.add(path, problem, "INVALID_BASE_URL")
    return result


def _url_problem(url: str) -> str | None:
    if len(url) > MAX_BASE_URL:
        return f"the base URL is {len(url)} characters long: keep it to {MAX_BASE_URL}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "the base URL is malformed: give it as https://host[:port]/path"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "give the base URL as http(s)://host[:port]/path, e.g. https://api.openai.com/v1"
    if parts.username is not None or parts.password is not None:
        return ("the base URL must not hold credentials: remove user:password@ and give the "
                "key as apiKey, where it is sealed")
    if parts.query or parts.fragment:
        return ("the base URL takes no query string or fragment: give the key as apiKey and "
                "leave only scheme, host, port and path")
    return None


def temperature(issues: Issues, path: Path, value: float | None) -> float:
    if value is None:
        return 0.0
    low, high = TEMPERATURE
    if not math.isfinite(value) or not low <= value <= high:
        issues.add(path, f"the temperature must be between {low:g} and {high:g} (0 gives the "
                   "most repeatable verdicts)", "OUT_OF_RANGE")
    return float(value)


def samples(issues: Issues, path: Path, value: int | None) -> int:
    if value is None:
        return 1
    low, high = SAMPLES
    if not low <= value <= high:
        issues.add(path, f"ask for {low} to {high} samples per verdict", "OUT_OF_RANGE")
    return value


def api_key(issues: Issues, path: Path, value: str | None) -> str | None:
    """The key as given (never echoed in a message); None means keyless."""
    if value is None:
        return None
    if not value or len(value) > MAX_KEY:
        issues.add(path, f"give the API key (1 to {MAX_KEY} characters), or leave it out for "
                   "a keyless server", "INVALID_KEY")
    elif any(c.isspace() or not c.isprintable() for c in value):
        issues.add(path, "the API key holds a space, a line break or a control character: "
                   "paste the key alone", "INVALID_KEY")
    return value
