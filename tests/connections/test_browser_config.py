"""BROWSER connection configuration: every rule, with exact paths and codes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from assay.connections import config
from assay.connections.checks import CredentialRules, Issues
from assay.connections.specs import BrowserSpec, SelectorsSpec, StepAction, StepSpec
from assay.errors import ValidationFailed

P = ("input", "browser")
RULES = CredentialRules({"password", "user"}, "add it to input.credentials")
BASE = BrowserSpec(
    chat_url="https://shop.example.com/chat",
    selectors=SelectorsSpec(input="#message", send_button="button[type=submit]",
                            response=".answer"),
)
FILL, CLICK, PRESS, WAIT, NAVIGATE = (StepAction.FILL, StepAction.CLICK, StepAction.PRESS,
                                      StepAction.WAIT, StepAction.NAVIGATE)


def normalise(spec: BrowserSpec, rules: CredentialRules = RULES) -> dict[str, Any]:
    issues = Issues()
    result = config.normalise(issues, P, spec, rules)
    issues.raise_if_any()
    return result


def problems(spec: BrowserSpec, rules: CredentialRules = RULES) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        normalise(spec, rules)
    return [(".".join(i.path), i.code) for i in caught.value.issues]


def login(*steps: StepSpec) -> BrowserSpec:
    return replace(BASE, login_steps=steps)


def test_minimal_browser_config_gets_defaults() -> None:
    assert normalise(BASE) == {
        "chat_url": "https://shop.example.com/chat",
        "login_url": None,
        "login_steps": [],
        "post_navigation_steps": [],
        "selectors": {"input": "#message", "send_button": "button[type=submit]",
                      "response": ".answer", "typing_indicator": None},
        "navigation_timeout_ms": 30_000,
        "response_timeout_ms": 60_000,
        "quiet_period_ms": 1_500,
    }


def test_full_browser_config_is_kept() -> None:
    spec = BrowserSpec(
        chat_url="https://shop.example.com/chat",
        login_url="https://shop.example.com/login",
        login_steps=(
            StepSpec(FILL, selector="#user", value="{{credentials.user}}"),
            StepSpec(FILL, selector="#pw", value="{{ credentials.password }}"),
            StepSpec(PRESS, key="Enter", selector="#pw"),
            StepSpec(WAIT, selector=".welcome"),
        ),
        post_navigation_steps=(
            StepSpec(CLICK, selector="#open-chat"),
            StepSpec(WAIT, milliseconds=500),
            StepSpec(NAVIGATE, url="https://shop.example.com/chat?x=1"),
            StepSpec(PRESS, key="Control+A"),
        ),
        selectors=SelectorsSpec("#m", "#send", ".a", typing_indicator=" .typing "),
        navigation_timeout_ms=1_000,
        response_timeout_ms=600_000,
        quiet_period_ms=60_000,
    )

    assert normalise(spec) == {
        "chat_url": "https://shop.example.com/chat",
        "login_url": "https://shop.example.com/login",
        "login_steps": [
            {"action": "FILL", "selector": "#user", "value": "{{credentials.user}}"},
            {"action": "FILL", "selector": "#pw", "value": "{{ credentials.password }}"},
            {"action": "PRESS", "key": "Enter", "selector": "#pw"},
            {"action": "WAIT", "selector": ".welcome"},
        ],
        "post_navigation_steps": [
            {"action": "CLICK", "selector": "#open-chat"},
            {"action": "WAIT", "milliseconds": 500},
            {"action": "NAVIGATE", "url": "https://shop.example.com/chat?x=1"},
            {"action": "PRESS", "key": "Control+A"},
        ],
        "selectors": {"input": "#m", "send_button": "#send", "response": ".a",
                      "typing_indicator": ".typing"},
        "navigation_timeout_ms": 1_000,
        "response_timeout_ms": 600_000,
        "quiet_period_ms": 60_000,
    }


@pytest.mark.parametrize(
    ("field", "value", "path", "code"),
    [
        ("chat_url", "", "input.browser.chatUrl", "REQUIRED"),
        ("chat_url", "javascript:alert(1)", "input.browser.chatUrl", "INVALID_URL"),
        ("chat_url", "https://x.example.com/{{message}}", "input.browser.chatUrl",
         "UNKNOWN_PLACEHOLDER"),
        ("login_url", "file:///etc/passwd", "input.browser.loginUrl", "INVALID_URL"),
        ("login_url", "https://u:p@x.example.com/", "input.browser.loginUrl", "SECRET_IN_URL"),
    ],
)
def test_url_rules(field: str, value: str, path: str, code: str) -> None:
    assert problems(replace(BASE, **{field: value})) == [(path, code)]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (StepSpec(FILL, value="x"), [("input.browser.loginSteps.0.selector", "REQUIRED")]),
        (StepSpec(FILL, selector="#a"), [("input.browser.loginSteps.0.value", "REQUIRED")]),
        (StepSpec(FILL, selector="#a", value="v" * 2001),
         [("input.browser.loginSteps.0.value", "TOO_LONG")]),
        (StepSpec(FILL, selector="#a", value="x", key="Enter"),
         [("input.browser.loginSteps.0.key", "NOT_APPLICABLE")]),
        (StepSpec(CLICK), [("input.browser.loginSteps.0.selector", "REQUIRED")]),
        (StepSpec(CLICK, selector="  "), [("input.browser.loginSteps.0.selector", "REQUIRED")]),
        (StepSpec(CLICK, selector="#b", value="x"),
         [("input.browser.loginSteps.0.value", "NOT_APPLICABLE")]),
        (StepSpec(CLICK, selector="x" * 1001),
         [("input.browser.loginSteps.0.selector", "TOO_LONG")]),
        (StepSpec(PRESS), [("input.browser.loginSteps.0.key", "REQUIRED")]),
        (StepSpec(PRESS, key="Control A"), [("input.browser.loginSteps.0.key", "INVALID_KEY")]),
        (StepSpec(PRESS, key="Enter", url="https://x.example.com"),
         [("input.browser.loginSteps.0.url", "NOT_APPLICABLE")]),
        (StepSpec(WAIT), [("input.browser.loginSteps.0", "REQUIRED")]),
        (StepSpec(WAIT, selector="#a", milliseconds=10), [("input.browser.loginSteps.0",
                                                           "REQUIRED")]),
        (StepSpec(WAIT, milliseconds=0),
         [("input.browser.loginSteps.0.milliseconds", "OUT_OF_RANGE")]),
        (StepSpec(WAIT, milliseconds=60_001),
         [("input.browser.loginSteps.0.milliseconds", "OUT_OF_RANGE")]),
        (StepSpec(NAVIGATE), [("input.browser.loginSteps.0.url", "REQUIRED")]),
        (StepSpec(NAVIGATE, url="not a url"), [("input.browser.loginSteps.0.url",
                                                "INVALID_URL")]),
        (StepSpec(NAVIGATE, url="https://x.example.com", selector="#a"),
         [("input.browser.loginSteps.0.selector", "NOT_APPLICABLE")]),
        (StepSpec(FILL, selector="#a", value="{{credentials.token}}"),
         [("input.browser.loginSteps.0.value", "CREDENTIAL_MISSING")]),
        (StepSpec(FILL, selector="#a", value="{{message}}"),
         [("input.browser.loginSteps.0.value", "UNKNOWN_PLACEHOLDER")]),
    ],
)
def test_step_rules(step: StepSpec, expected: list[tuple[str, str]]) -> None:
    assert problems(login(step)) == expected


def test_missing_credential_message_says_how_to_add_it() -> None:
    with pytest.raises(ValidationFailed) as caught:
        normalise(login(StepSpec(FILL, selector="#a", value="{{credentials.token}}")))

    assert caught.value.issues[0].message == (
        "the credential 'token' is not set: add it to input.credentials"
    )


def test_post_navigation_steps_use_their_own_path() -> None:
    spec = replace(BASE, post_navigation_steps=(StepSpec(CLICK, selector="#a"), StepSpec(CLICK)))

    assert problems(spec) == [("input.browser.postNavigationSteps.1.selector", "REQUIRED")]


def test_at_most_fifty_steps() -> None:
    steps = tuple(StepSpec(CLICK, selector=f"#b{i}") for i in range(51))

    assert problems(login(*steps)) == [("input.browser.loginSteps", "TOO_MANY")]
    assert len(normalise(login(*steps[:50]))["login_steps"]) == 50


@pytest.mark.parametrize(
    ("selectors", "expected"),
    [
        (SelectorsSpec("", "#s", ".r"), [("input.browser.selectors.input", "REQUIRED")]),
        (SelectorsSpec("#i", " ", ".r"), [("input.browser.selectors.sendButton", "REQUIRED")]),
        (SelectorsSpec("#i", "#s", ""), [("input.browser.selectors.response", "REQUIRED")]),
        (SelectorsSpec("#i", "#s", ".r", "t" * 1001),
         [("input.browser.selectors.typingIndicator", "TOO_LONG")]),
    ],
)
def test_selector_rules(selectors: SelectorsSpec, expected: list[tuple[str, str]]) -> None:
    assert problems(replace(BASE, selectors=selectors)) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"navigation_timeout_ms": 999}, [("input.browser.navigationTimeoutMs", "OUT_OF_RANGE")]),
        ({"navigation_timeout_ms": 300_001},
         [("input.browser.navigationTimeoutMs", "OUT_OF_RANGE")]),
        ({"response_timeout_ms": 600_001}, [("input.browser.responseTimeoutMs", "OUT_OF_RANGE")]),
        ({"quiet_period_ms": 99}, [("input.browser.quietPeriodMs", "OUT_OF_RANGE")]),
        ({"quiet_period_ms": 5_000, "response_timeout_ms": 5_000},
         [("input.browser.quietPeriodMs", "OUT_OF_RANGE")]),
    ],
)
def test_timeout_rules(changes: dict[str, int], expected: list[tuple[str, str]]) -> None:
    assert problems(replace(BASE, **changes)) == expected
