"""Validation and normalisation of an HTTP connection's configuration."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from assay.connections import checks
from assay.connections.checks import CredentialRules, Issues, Path
from assay.connections.specs import AuthType, HeaderSpec, HttpAuthSpec, HttpMethod, HttpSpec
from assay.connections.templates import (
    BODY_PLACEHOLDERS,
    SESSION_PLACEHOLDER,
    URL_PLACEHOLDERS,
    placeholders,
    render_body,
)

AUTH_CREDENTIAL = "auth"
SECRET_HEADER_PREFIX = "header:"
DEFAULT_API_KEY_HEADER = "X-API-Key"
DEFAULT_API_KEY_QUERY = "api_key"
MAX_HEADERS = 50
MAX_HEADER_VALUE = 4096
MAX_BODY_TEMPLATE = 65_536
#: (minimum, maximum, default)
TIMEOUT_SECONDS = (1, 300, 30)
#: Headers the HTTP client computes itself; setting them would break requests.
RESERVED_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
     "te", "trailer"}
)
_SAMPLE_CONVERSATION = [{"role": "user", "content": 'a "sample" message'}]


def normalise_http(issues: Issues, path: Path, spec: HttpSpec,
                   credentials: CredentialRules) -> dict[str, Any]:
    """The config dict to store; every problem is added to ``issues``."""
    auth = spec.auth or HttpAuthSpec()
    url = _url(issues, (*path, "url"), spec)
    return {
        "url": url,
        "method": spec.method.value,
        "auth": _auth(issues, (*path, "auth"), auth, url, credentials),
        "headers": _headers(issues, (*path, "headers"), spec.headers, auth),
        "secret_headers": _secret_headers(issues, (*path, "secretHeaders"), spec, credentials),
        "body_template": _body(issues, (*path, "bodyTemplate"), spec),
        "response_path": checks.response_path(issues, (*path, "responsePath"),
                                              spec.response_path, required=True),
        "session_id_path": checks.response_path(issues, (*path, "sessionIdPath"),
                                                spec.session_id_path, required=False),
        "timeout_seconds": checks.bounded(issues, (*path, "timeoutSeconds"),
                                          spec.timeout_seconds, TIMEOUT_SECONDS, "seconds"),
    }


def _url(issues: Issues, path: Path, spec: HttpSpec) -> str:
    """The URL, checked: its shape, {{message}} for GET, sessionIdPath for {{session_id}}."""
    known = len(issues.items)
    url = checks.url(issues, path, spec.url, "the URL", URL_PLACEHOLDERS)
    if spec.method is HttpMethod.GET and url and "message" not in placeholders(url):
        issues.add(path, "a GET request carries the message in the URL: put {{message}} in a "
                   "query parameter, e.g. https://bot.example.com/ask?q={{message}}",
                   "MESSAGE_MISSING")
    if len(issues.items) == known:  # a well-formed URL: is its session id ever filled?
        _session_needs_path(issues, path, url, spec, "the URL")
    return url


def _auth(issues: Issues, path: Path, auth: HttpAuthSpec, url: str,
          credentials: CredentialRules) -> dict[str, Any]:
    result: dict[str, Any] = {"type": auth.type.value}
    if auth.header_name is not None and auth.type is not AuthType.API_KEY_HEADER:
        issues.add((*path, "headerName"), "headerName applies only to API_KEY_HEADER auth: "
                   "remove it", "NOT_APPLICABLE")
    if auth.query_param is not None and auth.type is not AuthType.API_KEY_QUERY:
        issues.add((*path, "queryParam"), "queryParam applies only to API_KEY_QUERY auth: "
                   "remove it", "NOT_APPLICABLE")
    if auth.type is AuthType.API_KEY_HEADER:
        result["header_name"] = checks.header_name(
            issues, (*path, "headerName"), auth.header_name or DEFAULT_API_KEY_HEADER,
            RESERVED_HEADERS)
    if auth.type is AuthType.API_KEY_QUERY:
        result["query_param"] = _query_param(issues, (*path, "queryParam"), auth, url)
    if auth.type is not AuthType.NONE and AUTH_CREDENTIAL not in credentials.names:
        issues.add((*path, "type"), f"{auth.type.value} auth sends the credential named "
                   f"'{AUTH_CREDENTIAL}', which is not set: {credentials.how_to_add}",
                   "CREDENTIAL_MISSING")
    return result


def _query_param(issues: Issues, path: Path, auth: HttpAuthSpec, url: str) -> str:
    name = (auth.query_param or DEFAULT_API_KEY_QUERY).strip()
    if not checks.QUERY_PARAM.fullmatch(name):
        issues.add(path, "a query parameter name has 1 to 100 letters, digits and _ . ~ -",
                   "INVALID_NAME")
    elif url and name in {key for key, _ in parse_qsl(urlsplit(url).query)}:
        issues.add(path, f"the URL already has a '{name}' parameter: remove it from the URL, "
                   "the credential fills it in", "DUPLICATE_PARAMETER")
    return name


def _auth_header(auth: HttpAuthSpec) -> str | None:
    """The header the auth scheme writes (lower case), if any."""
    if auth.type is AuthType.BEARER:
        return "authorization"
    if auth.type is AuthType.API_KEY_HEADER:
        return (auth.header_name or DEFAULT_API_KEY_HEADER).strip().lower()
    return None


def _headers(issues: Issues, path: Path, headers: Sequence[HeaderSpec],
             auth: HttpAuthSpec) -> list[dict[str, str]]:
    if len(headers) > MAX_HEADERS:
        issues.add(path, f"give at most {MAX_HEADERS} headers", "TOO_MANY")
    seen: set[str] = set()
    result = []
    for index, header in enumerate(headers):
        where = (*path, str(index))
        name = checks.header_name(issues, (*where, "name"), header.name, RESERVED_HEADERS)
        _plain_header_clash(issues, (*where, "name"), name, seen, auth)
        seen.add(name.lower())
        _header_value(issues, (*where, "value"), header.value)
        result.append({"name": name, "value": header.value})
    return result


def _header_value(issues: Issues, path: Path, value: str) -> None:
    if any(ch in value for ch in "\r\n\0"):
        issues.add(path, "a header value cannot contain line breaks or NUL characters",
                   "INVALID_VALUE")
    elif len(value) > MAX_HEADER_VALUE:
        issues.add(path, f"keep a header value to {MAX_HEADER_VALUE} characters", "TOO_LONG")


def _plain_header_clash(issues: Issues, path: Path, name: str, seen: set[str],
                        auth: HttpAuthSpec) -> None:
    lower = name.lower()
    if lower in seen:
        issues.add(path, f"header {name} is given twice: keep one", "DUPLICATE_HEADER")
    elif lower == _auth_header(auth):
        issues.add(path, f"the {auth.type.value} auth already sends {name}: remove this "
                   "header", "DUPLICATE_HEADER")
    elif lower == "authorization":
        issues.add(path, "an Authorization value is a secret: use auth BEARER, or list "
                   "Authorization in secretHeaders with the credential 'header:Authorization'",
                   "SECRET_IN_CONFIG")


def _secret_headers(issues: Issues, path: Path, spec: HttpSpec,
                    credentials: CredentialRules) -> list[str]:
    auth = spec.auth or HttpAuthSpec()
    taken = {header.name.strip().lower() for header in spec.headers}
    result = []
    for index, raw in enumerate(spec.secret_headers):
        where = (*path, str(index))
        known = len(issues.items)
        name = checks.header_name(issues, where, raw, RESERVED_HEADERS)
        if len(issues.items) == known:  # a well-formed name: check what it clashes with
            _secret_header_clash(issues, where, name, taken, auth, credentials)
        taken.add(name.lower())
        result.append(name)
    return result


def _secret_header_clash(issues: Issues, path: Path, name: str, taken: set[str],
                         auth: HttpAuthSpec, credentials: CredentialRules) -> None:
    if name.lower() in taken:
        issues.add(path, f"header {name} is given twice (here or in headers): keep one",
                   "DUPLICATE_HEADER")
    elif name.lower() == _auth_header(auth):
        issues.add(path, f"the {auth.type.value} auth already sends {name}: remove it here",
                   "DUPLICATE_HEADER")
    elif f"{SECRET_HEADER_PREFIX}{name}" not in credentials.names:
        issues.add(path, f"secret header {name} takes its value from the credential "
                   f"'{SECRET_HEADER_PREFIX}{name}', which is not set: {credentials.how_to_add}",
                   "CREDENTIAL_MISSING")


def _body(issues: Issues, path: Path, spec: HttpSpec) -> str | None:
    template = spec.body_template
    if spec.method is HttpMethod.GET:
        if template is not None and template.strip():
            issues.add(path, "a GET request has no body: remove bodyTemplate or use POST",
                       "NOT_APPLICABLE")
        return None
    if template is None or not template.strip():
        issues.add(path, 'a POST request needs a JSON body template, e.g. '
                   '{"input": "{{message}}"}', "REQUIRED")
        return None
    if len(template) > MAX_BODY_TEMPLATE:
        issues.add(path, f"keep the body template to {MAX_BODY_TEMPLATE} characters",
                   "TOO_LONG")
        return None
    _check_body(issues, path, template, spec)
    return template


def _check_body(issues: Issues, path: Path, template: str, spec: HttpSpec) -> None:
    names = list(placeholders(template))
    unknown = [name for name in names if name not in BODY_PLACEHOLDERS]
    if unknown:
        issues.add(path, f"unknown placeholder {{{{{unknown[0]}}}}}: use {{{{message}}}}, "
                   "{{conversation}}, {{conversation_id}} or {{session_id}}",
                   "UNKNOWN_PLACEHOLDER")
        return
    if "message" not in names and "conversation" not in names:
        issues.add(path, 'the body must carry the test message: put {{message}} where it '
                   'goes, e.g. {"input": "{{message}}"}, or {{conversation}} for the whole '
                   "conversation", "MESSAGE_MISSING")
        return
    if _session_needs_path(issues, path, template, spec, "the body template"):
        return
    rendered = render_body(template, message='a "sample"\nmessage',
                           conversation=_SAMPLE_CONVERSATION, conversation_id="c-1",
                           session_id="s-1")
    try:
        json.loads(rendered)
    except json.JSONDecodeError as exc:
        issues.add(path, "the body template is not valid JSON once its placeholders are "
                   f"filled in ({exc.msg} at line {exc.lineno}, column {exc.colno}): "
                   "{{message}}, {{conversation_id}} and {{session_id}} go inside quotes, "
                   "{{conversation}} without quotes", "INVALID_JSON")


def _session_needs_path(issues: Issues, path: Path, text: str, spec: HttpSpec,
                        what: str) -> bool:
    """{{session_id}} is only ever filled when sessionIdPath says where the agent puts it;
    True when it is used without one (an issue was added)."""
    if SESSION_PLACEHOLDER not in placeholders(text) or (spec.session_id_path or "").strip():
        return False
    issues.add(path, f"{what} uses {{{{session_id}}}}, which is filled with the session id "
               "from the agent's previous answer: set sessionIdPath to where the answer "
               "carries it (e.g. session.id), or remove {{session_id}}",
               "SESSION_ID_PATH_MISSING")
    return True
