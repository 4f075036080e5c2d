"""Inputs of the connection mutations, and their conversion into the service's specs."""

from __future__ import annotations

from typing import NewType

import strawberry

from assay.connections.specs import (
    AuthType,
    BrowserSpec,
    ConnectionSpec,
    CredentialValue,
    HeaderSpec,
    HttpAuthSpec,
    HttpSpec,
    SelectorsSpec,
    StepSpec,
)
from assay.errors import invalid
from assay.graphql.connections.types import (
    BrowserActionEnum,
    HttpAuthTypeEnum,
    HttpMethodEnum,
)
from assay.graphql.errors import PublicError


def _parse_secret(value: object) -> str:
    # Coercion errors must never echo the value: this message is all the caller sees.
    if not isinstance(value, str):
        raise PublicError("a secret value must be a string: send it as a JSON string",
                          "INVALID_SECRET")
    return value


def _never_serialise(value: object) -> str:
    raise TypeError("secret values are write-only and are never returned")


SecretValue = NewType("SecretValue", str)

#: Registered in the schema's scalar_map (see assay.graphql.schema).
SECRET_VALUE_SCALAR = strawberry.scalar(
    name="SecretValue",
    description="A secret string. Write-only: no field ever returns it, and error "
    "messages never repeat it.",
    serialize=_never_serialise,
    parse_value=_parse_secret,
)


@strawberry.input(name="HttpAuthInput", description="NONE by default. BEARER, API_KEY_HEADER "
                  "and API_KEY_QUERY send the credential named 'auth'.")
class HttpAuthInput:
    type: HttpAuthTypeEnum = AuthType.NONE  # type: ignore[valid-type]
    header_name: str | None = strawberry.field(
        default=None, description="API_KEY_HEADER only; default X-API-Key.")
    query_param: str | None = strawberry.field(
        default=None, description="API_KEY_QUERY only; default api_key.")


@strawberry.input(name="HttpHeaderInput", description="A plain header (never a secret).")
class HttpHeaderInput:
    name: str
    value: str


@strawberry.input(name="HttpConnectionInput", description="How to call the agent over HTTP.")
class HttpConnectionInput:
    url: str = strawberry.field(description="http(s) URL, up to 2048 characters. May hold "
                                "{{message}} (required for GET), {{conversation_id}} and "
                                "{{session_id}} (needs sessionIdPath), percent-encoded.")
    method: HttpMethodEnum  # type: ignore[valid-type]
    response_path: str = strawberry.field(
        description="Where the answer is in the JSON response, e.g. choices.0.message.content.")
    auth: HttpAuthInput | None = None
    headers: list[HttpHeaderInput] = strawberry.field(default_factory=list)
    secret_headers: list[str] = strawberry.field(
        default_factory=list,
        description="Header names whose values are the credentials named header:<Name>.")
    body_template: str | None = strawberry.field(
        default=None, description='JSON with placeholders, required for POST, e.g. {"input": '
        '"{{message}}"}. {{message}}, {{conversation_id}} and {{session_id}} (needs '
        "sessionIdPath) go inside quotes; {{conversation}} (OpenAI-format messages) without.")
    session_id_path: str | None = strawberry.field(
        default=None, description="Where the agent's session id is in the response, e.g. "
        "session.id. The first answer must carry it; {{session_id}} in url or bodyTemplate "
        "sends back the latest one (empty on the first turn).")
    timeout_seconds: int | None = strawberry.field(default=None, description="1 to 300; 30.")

    def to_spec(self) -> HttpSpec:
        auth = self.auth
        return HttpSpec(
            url=self.url,
            method=self.method,
            response_path=self.response_path,
            auth=HttpAuthSpec(auth.type, auth.header_name, auth.query_param) if auth else None,
            headers=tuple(HeaderSpec(h.name, h.value) for h in self.headers),
            secret_headers=tuple(self.secret_headers),
            body_template=self.body_template,
            session_id_path=self.session_id_path,
            timeout_seconds=self.timeout_seconds,
        )


@strawberry.input(name="BrowserStepInput", description="FILL needs selector and value, CLICK "
                  "selector, PRESS key (and optionally selector), WAIT selector or "
                  "milliseconds, NAVIGATE url. A value may reference {{credentials.NAME}}.")
class BrowserStepInput:
    action: BrowserActionEnum  # type: ignore[valid-type]
    selector: str | None = None
    value: str | None = None
    key: str | None = None
    url: str | None = None
    milliseconds: int | None = None

    def to_spec(self) -> StepSpec:
        return StepSpec(self.action, self.selector, self.value, self.key, self.url,
                        self.milliseconds)


@strawberry.input(name="BrowserSelectorsInput")
class BrowserSelectorsInput:
    input: str
    send_button: str
    response: str
    typing_indicator: str | None = None


@strawberry.input(name="BrowserConnectionInput", description="How to drive the agent's chat "
                  "page in a real browser.")
class BrowserConnectionInput:
    chat_url: str
    selectors: BrowserSelectorsInput
    login_url: str | None = None
    login_steps: list[BrowserStepInput] = strawberry.field(default_factory=list)
    post_navigation_steps: list[BrowserStepInput] = strawberry.field(default_factory=list)
    navigation_timeout_ms: int | None = strawberry.field(
        default=None, description="1000 to 300000; 30000.")
    response_timeout_ms: int | None = strawberry.field(
        default=None, description="1000 to 600000; 60000.")
    quiet_period_ms: int | None = strawberry.field(
        default=None, description="100 to 60000, below responseTimeoutMs; 1500. How long the "
        "answer must stay unchanged to count as complete.")

    def to_spec(self) -> BrowserSpec:
        selectors = self.selectors
        return BrowserSpec(
            chat_url=self.chat_url,
            selectors=SelectorsSpec(selectors.input, selectors.send_button, selectors.response,
                                    selectors.typing_indicator),
            login_url=self.login_url,
            login_steps=tuple(step.to_spec() for step in self.login_steps),
            post_navigation_steps=tuple(step.to_spec() for step in self.post_navigation_steps),
            navigation_timeout_ms=self.navigation_timeout_ms,
            response_timeout_ms=self.response_timeout_ms,
            quiet_period_ms=self.quiet_period_ms,
        )


@strawberry.input(name="ConnectionCredentialInput", description="A secret to seal. Both fields "
                  "are required; name is nullable only so that no error ever echoes a value.")
class ConnectionCredentialInput:
    name: str | None = strawberry.field(
        default=None, description="e.g. auth, header:X-Token, password.")
    value: SecretValue

    def to_value(self) -> CredentialValue:
        return CredentialValue(self.name, self.value)


def spec_of(http: HttpConnectionInput | None, browser: BrowserConnectionInput | None,
            *, required: bool) -> ConnectionSpec | None:
    """The one configuration given; both (or, when ``required``, neither) is an error."""
    if http is not None and browser is not None:
        raise invalid(("input",), "give http or browser, not both", "ONE_KIND")
    if http is None and browser is None:
        if required:
            raise invalid(("input",), "give the configuration: http for an HTTP agent or "
                          "browser for a chat page", "KIND_REQUIRED")
        return None
    return http.to_spec() if http is not None else browser.to_spec()  # type: ignore[union-attr]
