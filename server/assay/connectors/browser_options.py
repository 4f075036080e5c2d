"""A BROWSER connection's stored configuration, read into typed values for the connector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assay.connections.specs import StepAction
from assay_sdk.connectors import ConnectorError

ACTIONS = frozenset(action.value for action in StepAction)


@dataclass(frozen=True, kw_only=True)
class Step:
    """One scripted action, with the label messages use ("login step 2")."""

    label: str
    action: str
    selector: str | None = None
    value: str | None = None
    key: str | None = None
    url: str | None = None
    milliseconds: int | None = None

    def describe(self) -> str:
        """``login step 2 (CLICK 'button#go')``: how messages name this step."""
        target = self.selector or self.url or self.key or f"{self.milliseconds} ms"
        return f"{self.label} ({self.action} '{target}')"


@dataclass(frozen=True, kw_only=True)
class BrowserOptions:
    """Everything the browser connector needs from a connection's config."""

    chat_url: str
    login_url: str | None
    login_steps: tuple[Step, ...]
    post_navigation_steps: tuple[Step, ...]
    input_selector: str
    #: None: the message is sent by pressing Enter in the input.
    send_selector: str | None
    response_selector: str
    typing_selector: str | None
    navigation_timeout_ms: int
    response_timeout_ms: int
    quiet_period_ms: int

    @classmethod
    def parse(cls, config: Mapping[str, Any]) -> BrowserOptions:
        """Read a validated config mapping; raises ConnectorError CONFIGURATION when malformed."""
        try:
            selectors = config["selectors"]
            return cls(
                chat_url=_text(config["chat_url"]),
                login_url=config.get("login_url") or None,
                login_steps=_steps(config.get("login_steps", ()), "login step"),
                post_navigation_steps=_steps(config.get("post_navigation_steps", ()),
                                             "post-navigation step"),
                input_selector=_text(selectors["input"]),
                send_selector=selectors.get("send_button") or None,
                response_selector=_text(selectors["response"]),
                typing_selector=selectors.get("typing_indicator") or None,
                navigation_timeout_ms=int(config["navigation_timeout_ms"]),
                response_timeout_ms=int(config["response_timeout_ms"]),
                quiet_period_ms=int(config["quiet_period_ms"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConnectorError(
                "CONFIGURATION", f"the browser connection's configuration is incomplete or "
                f"malformed ({type(exc).__name__}: {exc}): save the connection again so it "
                "is validated") from None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("a required text field is empty")
    return value


def _steps(raw: Sequence[Mapping[str, Any]], label: str) -> tuple[Step, ...]:
    return tuple(_step(item, f"{label} {number}") for number, item in enumerate(raw, 1))


def _step(item: Mapping[str, Any], label: str) -> Step:
    action = item["action"]
    if action not in ACTIONS:
        raise ValueError(f"{label} has the unknown action {action!r}")
    milliseconds = item.get("milliseconds")
    return Step(label=label, action=action, selector=item.get("selector"),
                value=item.get("value"), key=item.get("key"), url=item.get("url"),
                milliseconds=None if milliseconds is None else int(milliseconds))
