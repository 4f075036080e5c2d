"""What placeholders and response paths mean to the run engine; credential input rules."""

from __future__ import annotations

import json

import pytest

from assay.connections import config
from assay.connections.checks import Issues
from assay.connections.specs import CredentialValue
from assay.connections.templates import extract, fill_step_value, render_body, render_url

CONVERSATION = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]


def test_render_body_escapes_message_and_inserts_the_conversation() -> None:
    template = '{"q": "{{message}}", "id": "{{ conversation_id }}", "messages": {{conversation}}}'

    body = render_body(template, message='He said "no"\nthen left', conversation=CONVERSATION,
                       conversation_id="c/1")

    assert json.loads(body) == {"q": 'He said "no"\nthen left', "id": "c/1",
                                "messages": CONVERSATION}


def test_render_url_percent_encodes() -> None:
    url = "https://bot.example.com/c/{{conversation_id}}?q={{message}}"

    assert render_url(url, message="a b&c=d", conversation_id="x/y") == (
        "https://bot.example.com/c/x%2Fy?q=a%20b%26c%3Dd"
    )


def test_render_body_json_escapes_the_session_id() -> None:
    template = '{"q": "{{message}}", "session": "{{ session_id }}"}'

    body = render_body(template, message="hi", conversation=[], conversation_id="c-1",
                       session_id='s"1\\2\n')

    assert json.loads(body) == {"q": "hi", "session": 's"1\\2\n'}


def test_render_body_session_id_is_empty_until_the_agent_gives_one() -> None:
    body = render_body('{"session": "{{session_id}}"}', message="hi", conversation=[],
                       conversation_id="c-1")

    assert body == '{"session": ""}'


def test_render_url_percent_encodes_the_session_id() -> None:
    url = "https://bot.example.com/s/{{session_id}}?q={{message}}&s={{session_id}}"

    assert render_url(url, message="hi", conversation_id="c", session_id="a/b c&d") == (
        "https://bot.example.com/s/a%2Fb%20c%26d?q=hi&s=a%2Fb%20c%26d"
    )
    assert render_url(url, message="hi", conversation_id="c") == (
        "https://bot.example.com/s/?q=hi&s="
    )


def test_fill_step_value_substitutes_credentials() -> None:
    assert fill_step_value("{{credentials.user}}:{{ credentials.pw }}",
                           {"user": "ann", "pw": "s3cret"}) == "ann:s3cret"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("choices.0.message.content", "hi"),
        ("choices.-1.message.content", "bye"),
        ("meta.1", "one"),
        ("session", {"id": "s-1"}),
    ],
)
def test_extract(path: str, expected: object) -> None:
    document = {
        "choices": [{"message": {"content": "hi"}}, {"message": {"content": "bye"}}],
        "meta": {"1": "one"},
        "session": {"id": "s-1"},
    }

    assert extract(document, path) == expected


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("choices.2.message", "the response has nothing at '2' of 'choices.2.message'"),
        ("choices.x", "the response has nothing at 'x' of 'choices.x'"),
        ("missing", "the response has nothing at 'missing' of 'missing'"),
    ],
)
def test_extract_names_the_missing_segment(path: str, message: str) -> None:
    with pytest.raises(LookupError) as caught:
        extract({"choices": [{}, {}]}, path)

    assert str(caught.value) == message


def test_credential_list_rules_never_repeat_the_value() -> None:
    issues = Issues()
    secret = "do-not-echo-" + "z" * 20_000
    given = [
        CredentialValue("auth", "ok-value"),
        CredentialValue(None, "another-value"),
        CredentialValue("bad name", "x"),
        CredentialValue("auth", "dup"),
        CredentialValue("empty", "   "),
        CredentialValue("huge", secret),
        CredentialValue("x" * 101, "v"),
    ]

    result = config.credential_list(issues, ("input", "credentials"), given)

    assert [(".".join(i.path), i.code) for i in issues.items] == [
        ("input.credentials.1.name", "REQUIRED"),
        ("input.credentials.2.name", "INVALID_NAME"),
        ("input.credentials.3.name", "DUPLICATE_NAME"),
        ("input.credentials.4.value", "REQUIRED"),
        ("input.credentials.5.value", "TOO_LONG"),
        ("input.credentials.6.name", "INVALID_NAME"),
    ]
    assert all("do-not-echo" not in i.message and "ok-value" not in i.message
               for i in issues.items)
    assert result["auth"] == "dup"


def test_at_most_fifty_credentials() -> None:
    issues = Issues()

    config.credential_list(issues, ("c",), [CredentialValue(f"n{i}", "v") for i in range(51)])

    assert [(i.path, i.code) for i in issues.items] == [(("c",), "TOO_MANY")]


def test_credential_value_repr_hides_the_secret() -> None:
    assert repr(CredentialValue("auth", "hunter2-secret")) == "CredentialValue(name='auth')"
