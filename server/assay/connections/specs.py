"""What the API hands in for a connection's configuration: enums and frozen spec dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assay.connections.models import ConnectionKind


class HttpMethod(StrEnum):
    GET = "GET"
    POST = "POST"


class AuthType(StrEnum):
    NONE = "NONE"
    BEARER = "BEARER"
    API_KEY_HEADER = "API_KEY_HEADER"
    API_KEY_QUERY = "API_KEY_QUERY"


class StepAction(StrEnum):
    FILL = "FILL"
    CLICK = "CLICK"
    PRESS = "PRESS"
    WAIT = "WAIT"
    NAVIGATE = "NAVIGATE"


@dataclass(frozen=True)
class HttpAuthSpec:
    type: AuthType = AuthType.NONE
    header_name: str | None = None
    query_param: str | None = None


@dataclass(frozen=True)
class HeaderSpec:
    name: str
    value: str


@dataclass(frozen=True)
class HttpSpec:
    url: str
    method: HttpMethod
    response_path: str
    auth: HttpAuthSpec | None = None
    headers: tuple[HeaderSpec, ...] = ()
    secret_headers: tuple[str, ...] = ()
    body_template: str | None = None
    session_id_path: str | None = None
    timeout_seconds: int | None = None


@dataclass(frozen=True)
class StepSpec:
    action: StepAction
    selector: str | None = None
    value: str | None = None
    key: str | None = None
    url: str | None = None
    milliseconds: int | None = None


@dataclass(frozen=True)
class SelectorsSpec:
    input: str
    send_button: str
    response: str
    typing_indicator: str | None = None


@dataclass(frozen=True)
class BrowserSpec:
    chat_url: str
    selectors: SelectorsSpec
    login_url: str | None = None
    login_steps: tuple[StepSpec, ...] = ()
    post_navigation_steps: tuple[StepSpec, ...] = ()
    navigation_timeout_ms: int | None = None
    response_timeout_ms: int | None = None
    quiet_period_ms: int | None = None


ConnectionSpec = HttpSpec | BrowserSpec


def kind_of(spec: ConnectionSpec) -> ConnectionKind:
    return ConnectionKind.HTTP if isinstance(spec, HttpSpec) else ConnectionKind.BROWSER


@dataclass(frozen=True)
class CredentialValue:
    """A secret to seal under ``name``; its value never appears in a repr."""

    name: str | None
    value: str = field(repr=False)
