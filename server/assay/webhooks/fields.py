"""Checks of a webhook endpoint's fields; each problem becomes an Issue naming its field.

The URL is checked for shape (http or https, a host, no credentials, no fragment), and a
literal address the operator's SSRF guard refuses (loopback, private, link-local, cloud
metadata) is refused at once so the mistake shows when it is made. A host name is not
resolved here (it can resolve elsewhere later): every delivery goes through the guard, which
checks the addresses it actually dials.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from assay.connections.checks import Issues, Path
from assay.connectors.network import HOW_TO_ALLOW, NetworkPolicy, classify, parse_address
from assay.webhooks.events import EVENT_TYPES

MAX_URL = 2048
MAX_DESCRIPTION = 500


def url(issues: Issues, path: Path, value: str, *, allow_private: bool) -> str:
    result = value.strip()
    problem = _url_problem(result) or _address_problem(result, allow_private)
    if problem is not None:
        issues.add(path, problem[0], problem[1])
    return result


def _url_problem(value: str) -> tuple[str, str] | None:
    code = "INVALID_URL"
    if len(value) > MAX_URL:
        return f"the URL is {len(value)} characters long: keep it to {MAX_URL}", code
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "the URL is malformed: give it as https://host[:port]/path", code
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ("give the URL as http(s)://host[:port]/path, e.g. "
                "https://hooks.example.com/assay", code)
    if parts.username is not None or parts.password is not None:
        return ("the URL must not hold credentials (user:password@): the receiver checks "
                "the Assay-Webhook-Signature header with the webhook's secret instead", code)
    if parts.fragment:
        return "the URL takes no #fragment (it is never sent): remove it", code
    return None


def _address_problem(value: str, allow_private: bool) -> tuple[str, str] | None:
    host = (urlsplit(value).hostname or "").rstrip(".")
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        why = "a loopback name"
    elif parse_address(host) is not None and not NetworkPolicy(
            allow_private=False).allowed_address(host):
        why = classify(host) or "an address the network policy does not allow"
    else:
        return None
    return f"{host} is {why}: give the receiver's public URL. {HOW_TO_ALLOW}.", "SSRF_REFUSED"


def events(issues: Issues, path: Path, value: list[str]) -> list[str]:
    """The event types, each once, in catalog order."""
    given = [item.strip() for item in value]
    unknown = [item for item in given if item not in EVENT_TYPES]
    if unknown:
        issues.add(path, f"unknown event type {unknown[0]!r}: choose among "
                   f"{', '.join(EVENT_TYPES)}", "UNKNOWN_EVENT")
    elif not given:
        issues.add(path, f"subscribe to at least one event: {', '.join(EVENT_TYPES)}",
                   "REQUIRED")
    return [event for event in EVENT_TYPES if event in given]


def description(issues: Issues, path: Path, value: str | None) -> str:
    result = (value or "").strip()
    if len(result) > MAX_DESCRIPTION:
        issues.add(path, f"the description is {len(result)} characters long: keep it to "
                   f"{MAX_DESCRIPTION}", "TOO_LONG")
    return result
