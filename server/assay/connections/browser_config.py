"""Validation and normalisation of a BROWSER connection's configuration."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from assay.connections import checks
from assay.connections.checks import CredentialRules, Issues, Path
from assay.connections.specs import BrowserSpec, SelectorsSpec, StepAction, StepSpec
from assay.connections.templates import credential_refs, placeholders

MAX_STEPS = 50
MAX_SELECTOR = 1000
MAX_STEP_VALUE = 2000
MAX_KEY = 50
#: (minimum, maximum, default) in milliseconds.
NAVIGATION_TIMEOUT_MS = (1_000, 300_000, 30_000)
RESPONSE_TIMEOUT_MS = (1_000, 600_000, 60_000)
QUIET_PERIOD_MS = (100, 60_000, 1_500)
WAIT_MS = (1, 60_000, 1_000)
_KEY = re.compile(r"\S{1,50}")
#: The optional fields each action uses; the others must be left out.
STEP_FIELDS: dict[StepAction, frozenset[str]] = {
    StepAction.FILL: frozenset({"selector", "value"}),
    StepAction.CLICK: frozenset({"selector"}),
    StepAction.PRESS: frozenset({"key", "selector"}),
    StepAction.WAIT: frozenset({"selector", "milliseconds"}),
    StepAction.NAVIGATE: frozenset({"url"}),
}
_STEP_FIELD_NAMES = ("selector", "value", "key", "url", "milliseconds")

StepCheck = Callable[[Issues, Path, StepSpec, CredentialRules], dict[str, Any]]


def normalise_browser(issues: Issues, path: Path, spec: BrowserSpec,
                      credentials: CredentialRules) -> dict[str, Any]:
    """The config dict to store; every problem is added to ``issues``."""
    login_url = None
    if spec.login_url is not None and spec.login_url.strip():
        login_url = checks.url(issues, (*path, "loginUrl"), spec.login_url, "the login URL")
    return {
        "chat_url": checks.url(issues, (*path, "chatUrl"), spec.chat_url, "the chat URL"),
        "login_url": login_url,
        "login_steps": _steps(issues, (*path, "loginSteps"), spec.login_steps, credentials),
        "post_navigation_steps": _steps(issues, (*path, "postNavigationSteps"),
                                        spec.post_navigation_steps, credentials),
        "selectors": _selectors(issues, (*path, "selectors"), spec.selectors),
        **_timeouts(issues, path, spec),
    }


def _timeouts(issues: Issues, path: Path, spec: BrowserSpec) -> dict[str, int]:
    navigation = checks.bounded(issues, (*path, "navigationTimeoutMs"),
                                spec.navigation_timeout_ms, NAVIGATION_TIMEOUT_MS,
                                "milliseconds")
    response = checks.bounded(issues, (*path, "responseTimeoutMs"), spec.response_timeout_ms,
                              RESPONSE_TIMEOUT_MS, "milliseconds")
    quiet = checks.bounded(issues, (*path, "quietPeriodMs"), spec.quiet_period_ms,
                           QUIET_PERIOD_MS, "milliseconds")
    in_range = checks.within(QUIET_PERIOD_MS, quiet) and checks.within(RESPONSE_TIMEOUT_MS,
                                                                        response)
    if in_range and quiet >= response:
        issues.add((*path, "quietPeriodMs"), f"the quiet period ({quiet} ms) must be shorter "
                   f"than the response timeout ({response} ms)", "OUT_OF_RANGE")
    return {"navigation_timeout_ms": navigation, "response_timeout_ms": response,
            "quiet_period_ms": quiet}


def _selectors(issues: Issues, path: Path, spec: SelectorsSpec) -> dict[str, str | None]:
    typing = spec.typing_indicator
    return {
        "input": checks.text(issues, (*path, "input"), spec.input,
                             "the selector of the message input", MAX_SELECTOR),
        "send_button": checks.text(issues, (*path, "sendButton"), spec.send_button,
                                   "the selector of the send button", MAX_SELECTOR),
        "response": checks.text(issues, (*path, "response"), spec.response,
                                "the selector of the agent's answers", MAX_SELECTOR),
        "typing_indicator": None if typing is None or not typing.strip() else checks.text(
            issues, (*path, "typingIndicator"), typing, "the typing indicator selector",
            MAX_SELECTOR),
    }


def _steps(issues: Issues, path: Path, steps: Sequence[StepSpec],
           credentials: CredentialRules) -> list[dict[str, Any]]:
    if len(steps) > MAX_STEPS:
        issues.add(path, f"give at most {MAX_STEPS} steps", "TOO_MANY")
    return [_step(issues, (*path, str(i)), step, credentials) for i, step in enumerate(steps)]


def _step(issues: Issues, path: Path, step: StepSpec,
          credentials: CredentialRules) -> dict[str, Any]:
    used = STEP_FIELDS[step.action]
    for name in _STEP_FIELD_NAMES:
        if name not in used and getattr(step, name) is not None:
            issues.add((*path, name), f"{step.action.value} does not use {name}: remove it",
                       "NOT_APPLICABLE")
    return {"action": step.action.value, **_CHECKS[step.action](issues, path, step, credentials)}


def _selector(issues: Issues, path: Path, step: StepSpec) -> str:
    return checks.text(issues, (*path, "selector"), step.selector,
                       f"the selector of the element to {step.action.value.lower()}",
                       MAX_SELECTOR)


def _fill(issues: Issues, path: Path, step: StepSpec,
          credentials: CredentialRules) -> dict[str, Any]:
    value = step.value or ""
    if not value:
        issues.add((*path, "value"), "FILL needs the value to type (it may reference a "
                   "credential as {{credentials.NAME}})", "REQUIRED")
    elif len(value) > MAX_STEP_VALUE:
        issues.add((*path, "value"), f"keep a value to {MAX_STEP_VALUE} characters", "TOO_LONG")
    else:
        _references(issues, (*path, "value"), value, credentials)
    return {"selector": _selector(issues, path, step), "value": value}


def _references(issues: Issues, path: Path, value: str, credentials: CredentialRules) -> None:
    for name, ref in zip(placeholders(value), credential_refs(value), strict=True):
        if ref is None:
            issues.add(path, f"unknown placeholder {{{{{name}}}}}: a step value may only "
                       "reference a credential, as {{credentials.NAME}}", "UNKNOWN_PLACEHOLDER")
        elif ref not in credentials.names:
            issues.add(path, f"the credential '{ref}' is not set: {credentials.how_to_add}",
                       "CREDENTIAL_MISSING")


def _click(issues: Issues, path: Path, step: StepSpec, _: CredentialRules) -> dict[str, Any]:
    return {"selector": _selector(issues, path, step)}


def _press(issues: Issues, path: Path, step: StepSpec, _: CredentialRules) -> dict[str, Any]:
    key = (step.key or "").strip()
    if not key:
        issues.add((*path, "key"), "PRESS needs the key to press, e.g. Enter or Control+A",
                   "REQUIRED")
    elif not _KEY.fullmatch(key):
        issues.add((*path, "key"), f"write the key without spaces, in at most {MAX_KEY} "
                   "characters, e.g. Enter or Control+A", "INVALID_KEY")
    result: dict[str, Any] = {"key": key}
    if step.selector is not None:
        result["selector"] = _selector(issues, path, step)
    return result


def _wait(issues: Issues, path: Path, step: StepSpec, _: CredentialRules) -> dict[str, Any]:
    if (step.selector is None) == (step.milliseconds is None):
        issues.add(path, "WAIT needs either a selector to wait for or a number of "
                   "milliseconds (not both)", "REQUIRED")
        return {}
    if step.selector is not None:
        return {"selector": _selector(issues, path, step)}
    return {"milliseconds": checks.bounded(issues, (*path, "milliseconds"), step.milliseconds,
                                           WAIT_MS, "milliseconds")}


def _navigate(issues: Issues, path: Path, step: StepSpec,
              _: CredentialRules) -> dict[str, Any]:
    return {"url": checks.url(issues, (*path, "url"), step.url, "the URL to navigate to")}


_CHECKS: dict[StepAction, StepCheck] = {
    StepAction.FILL: _fill,
    StepAction.CLICK: _click,
    StepAction.PRESS: _press,
    StepAction.WAIT: _wait,
    StepAction.NAVIGATE: _navigate,
}
