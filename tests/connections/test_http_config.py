"""HTTP connection configuration: every rule, with exact paths and codes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from assay.connections import config
from assay.connections.checks import CredentialRules, Issues
from assay.connections.models import ConnectionKind
from assay.connections.specs import AuthType, HeaderSpec, HttpAuthSpec, HttpMethod, HttpSpec
from assay.errors import ValidationFailed

P = ("input", "http")
ALL_CREDENTIALS = CredentialRules({"auth", "header:X-Token", "header:Authorization"}, "add it")
BASE = HttpSpec(
    url="https://bot.example.com/chat",
    method=HttpMethod.POST,
    response_path="choices.0.message.content",
    body_template='{"input": "{{message}}"}',
)


def normalise(spec: HttpSpec, rules: CredentialRules = ALL_CREDENTIALS) -> dict[str, Any]:
    issues = Issues()
    result = config.normalise(issues, P, spec, rules)
    issues.raise_if_any()
    return result


def problems(spec: HttpSpec, rules: CredentialRules = ALL_CREDENTIALS) -> list[tuple[str, str]]:
    """(dotted path, code) of every issue."""
    with pytest.raises(ValidationFailed) as caught:
        normalise(spec, rules)
    return [(".".join(i.path), i.code) for i in caught.value.issues]


def test_minimal_post_is_normalised_with_defaults() -> None:
    assert normalise(BASE) == {
        "url": "https://bot.example.com/chat",
        "method": "POST",
        "auth": {"type": "NONE"},
        "headers": [],
        "secret_headers": [],
        "body_template": '{"input": "{{message}}"}',
        "response_path": "choices.0.message.content",
        "session_id_path": None,
        "timeout_seconds": 30,
    }


def test_full_configuration_is_kept() -> None:
    spec = replace(
        BASE,
        url="  https://bot.example.com/c/{{conversation_id}}  ",
        auth=HttpAuthSpec(AuthType.API_KEY_HEADER, header_name="X-Key"),
        headers=(HeaderSpec("Accept", "application/json"), HeaderSpec("X-Team", "qa")),
        secret_headers=("X-Token",),
        body_template='{"messages": {{conversation}}, "id": "{{ conversation_id }}"}',
        session_id_path="session.id",
        timeout_seconds=300,
    )

    assert normalise(spec) == {
        "url": "https://bot.example.com/c/{{conversation_id}}",
        "method": "POST",
        "auth": {"type": "API_KEY_HEADER", "header_name": "X-Key"},
        "headers": [{"name": "Accept", "value": "application/json"},
                    {"name": "X-Team", "value": "qa"}],
        "secret_headers": ["X-Token"],
        "body_template": '{"messages": {{conversation}}, "id": "{{ conversation_id }}"}',
        "response_path": "choices.0.message.content",
        "session_id_path": "session.id",
        "timeout_seconds": 300,
    }


def test_get_carries_the_message_in_the_url_and_has_no_body() -> None:
    spec = replace(BASE, method=HttpMethod.GET, url="https://bot.example.com/ask?q={{message}}",
                   body_template=None)

    result = normalise(spec)

    assert (result["method"], result["body_template"]) == ("GET", None)
    assert problems(replace(spec, url="https://bot.example.com/ask")) == [
        ("input.http.url", "MESSAGE_MISSING")
    ]
    assert problems(replace(spec, body_template='{"a": "{{message}}"}')) == [
        ("input.http.bodyTemplate", "NOT_APPLICABLE")
    ]


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "REQUIRED"),
        ("   ", "REQUIRED"),
        ("ftp://bot.example.com/chat", "INVALID_URL"),
        ("bot.example.com/chat", "INVALID_URL"),
        ("https:///chat", "INVALID_URL"),
        ("https://bot.example.com/a b", "INVALID_URL"),
        ("https://bot.example.com:99999/chat", "INVALID_URL"),
        ("https://user:pw@bot.example.com/chat", "SECRET_IN_URL"),
        ("https://bot.example.com/{{conversation}}", "UNKNOWN_PLACEHOLDER"),
        ("https://bot.example.com/" + "a" * 2030, "TOO_LONG"),
    ],
)
def test_bad_urls(url: str, code: str) -> None:
    assert problems(replace(BASE, url=url)) == [("input.http.url", code)]


def test_url_of_exactly_2048_characters_is_accepted() -> None:
    url = "https://bot.example.com/" + "a" * (2048 - len("https://bot.example.com/"))

    assert normalise(replace(BASE, url=url))["url"] == url


@pytest.mark.parametrize("auth_type", [AuthType.BEARER, AuthType.API_KEY_HEADER,
                                       AuthType.API_KEY_QUERY])
def test_auth_needs_the_auth_credential(auth_type: AuthType) -> None:
    spec = replace(BASE, auth=HttpAuthSpec(auth_type))
    rules = CredentialRules(set(), "add it to input.credentials")

    with pytest.raises(ValidationFailed) as caught:
        normalise(spec, rules)

    assert [(i.path, i.code, i.message) for i in caught.value.issues] == [(
        ("input", "http", "auth", "type"),
        "CREDENTIAL_MISSING",
        f"{auth_type.value} auth sends the credential named 'auth', which is not set: "
        "add it to input.credentials",
    )]


def test_auth_defaults_for_header_and_query_names() -> None:
    header = normalise(replace(BASE, auth=HttpAuthSpec(AuthType.API_KEY_HEADER)))
    query = normalise(replace(BASE, auth=HttpAuthSpec(AuthType.API_KEY_QUERY)))
    bearer = normalise(replace(BASE, auth=HttpAuthSpec(AuthType.BEARER)))

    assert header["auth"] == {"type": "API_KEY_HEADER", "header_name": "X-API-Key"}
    assert query["auth"] == {"type": "API_KEY_QUERY", "query_param": "api_key"}
    assert bearer["auth"] == {"type": "BEARER"}


@pytest.mark.parametrize(
    ("auth", "expected"),
    [
        (HttpAuthSpec(AuthType.BEARER, header_name="X-Key"),
         [("input.http.auth.headerName", "NOT_APPLICABLE")]),
        (HttpAuthSpec(AuthType.NONE, query_param="key"),
         [("input.http.auth.queryParam", "NOT_APPLICABLE")]),
        (HttpAuthSpec(AuthType.API_KEY_HEADER, header_name="X Key"),
         [("input.http.auth.headerName", "INVALID_NAME")]),
        (HttpAuthSpec(AuthType.API_KEY_HEADER, header_name="Host"),
         [("input.http.auth.headerName", "RESERVED_HEADER")]),
        (HttpAuthSpec(AuthType.API_KEY_QUERY, query_param="a&b"),
         [("input.http.auth.queryParam", "INVALID_NAME")]),
    ],
)
def test_auth_field_rules(auth: HttpAuthSpec, expected: list[tuple[str, str]]) -> None:
    assert problems(replace(BASE, auth=auth)) == expected


def test_query_key_already_in_url_is_refused() -> None:
    spec = replace(BASE, url="https://bot.example.com/chat?api_key=oops",
                   auth=HttpAuthSpec(AuthType.API_KEY_QUERY))

    assert problems(spec) == [("input.http.auth.queryParam", "DUPLICATE_PARAMETER")]


@pytest.mark.parametrize(
    ("auth", "headers", "expected"),
    [
        (None, [("X Bad", "v")], [("input.http.headers.0.name", "INVALID_NAME")]),
        (None, [("X-A", "1"), ("x-a", "2")], [("input.http.headers.1.name", "DUPLICATE_HEADER")]),
        (None, [("Authorization", "Basic abc")],
         [("input.http.headers.0.name", "SECRET_IN_CONFIG")]),
        (HttpAuthSpec(AuthType.BEARER), [("authorization", "x")],
         [("input.http.headers.0.name", "DUPLICATE_HEADER")]),
        (HttpAuthSpec(AuthType.API_KEY_HEADER), [("X-Api-Key", "x")],
         [("input.http.headers.0.name", "DUPLICATE_HEADER")]),
        (None, [("Content-Length", "3")], [("input.http.headers.0.name", "RESERVED_HEADER")]),
        (None, [("X-A", "a\r\nX-Evil: 1")], [("input.http.headers.0.value", "INVALID_VALUE")]),
        (None, [("X-A", "v" * 4097)], [("input.http.headers.0.value", "TOO_LONG")]),
    ],
)
def test_header_rules(auth: HttpAuthSpec | None, headers: list[tuple[str, str]],
                      expected: list[tuple[str, str]]) -> None:
    spec = replace(BASE, auth=auth, headers=tuple(HeaderSpec(n, v) for n, v in headers))

    assert problems(spec) == expected


def test_at_most_fifty_headers() -> None:
    headers = tuple(HeaderSpec(f"X-H{i}", "v") for i in range(51))

    assert problems(replace(BASE, headers=headers)) == [("input.http.headers", "TOO_MANY")]
    assert len(normalise(replace(BASE, headers=headers[:50]))["headers"]) == 50


@pytest.mark.parametrize(
    ("auth", "headers", "secret", "expected"),
    [
        (None, (), ("X-Other",), [("input.http.secretHeaders.0", "CREDENTIAL_MISSING")]),
        (None, (HeaderSpec("X-Token", "v"),), ("X-Token",),
         [("input.http.secretHeaders.0", "DUPLICATE_HEADER")]),
        (None, (), ("X-Token", "x-token"), [("input.http.secretHeaders.1", "DUPLICATE_HEADER")]),
        (HttpAuthSpec(AuthType.BEARER), (), ("Authorization",),
         [("input.http.secretHeaders.0", "DUPLICATE_HEADER")]),
        (None, (), ("Bad Name",), [("input.http.secretHeaders.0", "INVALID_NAME")]),
    ],
)
def test_secret_header_rules(auth: HttpAuthSpec | None, headers: tuple[HeaderSpec, ...],
                             secret: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    spec = replace(BASE, auth=auth, headers=headers, secret_headers=secret)

    assert problems(spec) == expected


def test_secret_authorization_header_is_allowed_without_auth() -> None:
    spec = replace(BASE, secret_headers=("Authorization",))

    assert normalise(spec)["secret_headers"] == ["Authorization"]


@pytest.mark.parametrize(
    ("template", "code"),
    [
        (None, "REQUIRED"),
        ("  ", "REQUIRED"),
        ('{"input": "hello"}', "MESSAGE_MISSING"),
        ('{"input": "{{msg}}"}', "UNKNOWN_PLACEHOLDER"),
        ('{"input": {{message}}}', "INVALID_JSON"),
        ('{"messages": "{{conversation}}"}', "INVALID_JSON"),
        ('{"input": "{{message}}",}', "INVALID_JSON"),
        ('{"input": "{{message}}", "pad": "' + "x" * 65_536 + '"}', "TOO_LONG"),
    ],
)
def test_body_template_rules(template: str | None, code: str) -> None:
    assert problems(replace(BASE, body_template=template)) == [("input.http.bodyTemplate", code)]


def test_body_template_json_error_says_where_and_what_to_do() -> None:
    with pytest.raises(ValidationFailed) as caught:
        normalise(replace(BASE, body_template='{"input": {{message}}}'))

    assert caught.value.issues[0].message == (
        "the body template is not valid JSON once its placeholders are filled in (Expecting "
        "value at line 1, column 11): {{message}}, {{conversation_id}} and {{session_id}} go "
        "inside quotes, {{conversation}} without quotes"
    )


def test_unknown_body_placeholder_lists_the_known_ones() -> None:
    with pytest.raises(ValidationFailed) as caught:
        normalise(replace(BASE, body_template='{"input": "{{message}}", "s": "{{session}}"}'))

    assert [(i.path, i.code, i.message) for i in caught.value.issues] == [(
        ("input", "http", "bodyTemplate"), "UNKNOWN_PLACEHOLDER",
        "unknown placeholder {{session}}: use {{message}}, {{conversation}}, "
        "{{conversation_id}} or {{session_id}}",
    )]


def test_unknown_url_placeholder_lists_the_known_ones() -> None:
    with pytest.raises(ValidationFailed) as caught:
        normalise(replace(BASE, url="https://bot.example.com/{{session}}"))

    assert [(i.path, i.code, i.message) for i in caught.value.issues] == [(
        ("input", "http", "url"), "UNKNOWN_PLACEHOLDER",
        "unknown placeholder {{session}} in the URL (allowed: {{message}}, "
        "{{conversation_id}}, {{session_id}})",
    )]


# -- {{session_id}}: sent back from the previous answer, so it needs sessionIdPath --------------

SESSION_BODY = '{"input": "{{message}}", "session": "{{ session_id }}"}'
SESSION_URL = "https://bot.example.com/sessions/{{session_id}}/chat"


@pytest.mark.parametrize(
    ("url", "body"),
    [(SESSION_URL, BASE.body_template), (BASE.url, SESSION_BODY), (SESSION_URL, SESSION_BODY)],
)
def test_session_id_placeholder_is_kept_with_a_session_id_path(url: str, body: str) -> None:
    result = normalise(replace(BASE, url=url, body_template=body, session_id_path="session.id"))

    assert (result["url"], result["body_template"], result["session_id_path"]) == (
        url, body, "session.id")


def test_session_id_placeholder_in_a_get_url_is_kept_with_a_session_id_path() -> None:
    url = "https://bot.example.com/ask?q={{message}}&session={{session_id}}"
    spec = replace(BASE, method=HttpMethod.GET, url=url, body_template=None,
                   session_id_path="sid")

    assert normalise(spec)["url"] == url


def test_session_id_in_the_body_without_a_session_id_path_says_to_set_it() -> None:
    with pytest.raises(ValidationFailed) as caught:
        normalise(replace(BASE, body_template=SESSION_BODY))

    assert [(i.path, i.code, i.message) for i in caught.value.issues] == [(
        ("input", "http", "bodyTemplate"), "SESSION_ID_PATH_MISSING",
        "the body template uses {{session_id}}, which is filled with the session id from the "
        "agent's previous answer: set sessionIdPath to where the answer carries it (e.g. "
        "session.id), or remove {{session_id}}",
    )]


@pytest.mark.parametrize("session_id_path", [None, "", "   "])
def test_session_id_in_the_url_without_a_session_id_path_says_to_set_it(
        session_id_path: str | None) -> None:
    spec = replace(BASE, url=SESSION_URL, session_id_path=session_id_path)

    with pytest.raises(ValidationFailed) as caught:
        normalise(spec)

    assert [(i.path, i.code, i.message) for i in caught.value.issues] == [(
        ("input", "http", "url"), "SESSION_ID_PATH_MISSING",
        "the URL uses {{session_id}}, which is filled with the session id from the agent's "
        "previous answer: set sessionIdPath to where the answer carries it (e.g. session.id), "
        "or remove {{session_id}}",
    )]


def test_session_id_in_both_without_a_session_id_path_reports_both_fields() -> None:
    spec = replace(BASE, url=SESSION_URL, body_template=SESSION_BODY)

    assert problems(spec) == [("input.http.url", "SESSION_ID_PATH_MISSING"),
                              ("input.http.bodyTemplate", "SESSION_ID_PATH_MISSING")]


def test_an_invalid_session_id_path_is_reported_once_on_that_field() -> None:
    spec = replace(BASE, body_template=SESSION_BODY, session_id_path="session..id")

    assert problems(spec) == [("input.http.sessionIdPath", "INVALID_PATH")]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('{"input": "{{message}}", "session": {{session_id}}}', "INVALID_JSON"),
        ('{"session": "{{session_id}}"}', "MESSAGE_MISSING"),
    ],
)
def test_session_id_body_rules(body: str, code: str) -> None:
    spec = replace(BASE, body_template=body, session_id_path="session.id")

    assert problems(spec) == [("input.http.bodyTemplate", code)]


def test_a_bad_url_with_session_id_is_reported_once() -> None:
    spec = replace(BASE, url="ftp://bot.example.com/{{session_id}}")

    assert problems(spec) == [("input.http.url", "INVALID_URL")]


@pytest.mark.parametrize(
    "template",
    [
        '{"messages": {{conversation}}}',
        '{"q": "Context: {{message}}", "session": "{{conversation_id}}", "n": [1, 2]}',
        '[{"role": "user", "content": "{{ message }}"}]',
    ],
)
def test_valid_body_templates(template: str) -> None:
    assert normalise(replace(BASE, body_template=template))["body_template"] == template


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("response_path", "", "REQUIRED"),
        ("response_path", "choices..content", "INVALID_PATH"),
        ("response_path", ".choices", "INVALID_PATH"),
        ("response_path", "a. b", "INVALID_PATH"),
        ("response_path", ".".join(["a"] * 33), "TOO_LONG"),
        ("session_id_path", "session..id", "INVALID_PATH"),
    ],
)
def test_path_rules(field: str, value: str, code: str) -> None:
    name = {"response_path": "responsePath", "session_id_path": "sessionIdPath"}[field]

    assert problems(replace(BASE, **{field: value})) == [(f"input.http.{name}", code)]


@pytest.mark.parametrize(("seconds", "ok"), [(0, False), (1, True), (300, True), (301, False)])
def test_timeout_range(seconds: int, ok: bool) -> None:
    spec = replace(BASE, timeout_seconds=seconds)

    if ok:
        assert normalise(spec)["timeout_seconds"] == seconds
    else:
        assert problems(spec) == [("input.http.timeoutSeconds", "OUT_OF_RANGE")]


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (ConnectionKind.HTTP, None, 10),
        (ConnectionKind.HTTP, 1, 1),
        (ConnectionKind.HTTP, 100, 100),
        (ConnectionKind.HTTP, 0, None),
        (ConnectionKind.HTTP, 101, None),
        (ConnectionKind.BROWSER, None, 2),
        (ConnectionKind.BROWSER, 20, 20),
        (ConnectionKind.BROWSER, 21, None),
    ],
)
def test_concurrency_ranges(kind: ConnectionKind, value: int | None,
                            expected: int | None) -> None:
    issues = Issues()

    result = config.concurrency(issues, ("input", "concurrency"), kind, value)

    if expected is None:
        assert [(i.path, i.code) for i in issues.items] == [
            (("input", "concurrency"), "OUT_OF_RANGE")
        ]
    else:
        assert (result, issues.items) == (expected, [])


def test_every_problem_is_reported_at_once() -> None:
    spec = HttpSpec(url="ftp://x", method=HttpMethod.POST, response_path="",
                    headers=(HeaderSpec("Authorization", "Bearer abc"),), timeout_seconds=0)

    assert problems(spec) == [
        ("input.http.url", "INVALID_URL"),
        ("input.http.headers.0.name", "SECRET_IN_CONFIG"),
        ("input.http.bodyTemplate", "REQUIRED"),
        ("input.http.responsePath", "REQUIRED"),
        ("input.http.timeoutSeconds", "OUT_OF_RANGE"),
    ]

