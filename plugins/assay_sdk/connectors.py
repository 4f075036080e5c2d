"""Connectors: how Assay talks to the agent under test.

A connector is registered under the ``assay.connectors`` entry-point group; the entry
point's name is its slug (``http``, ``browser``). One instance lives per worker process:
``start`` once (e.g. launch a browser), then one :class:`Conversation` per test case, each
with fresh state (session id, browser context), then ``stop``.

The host validates the connection's configuration before the connector sees it and hands
it over as a plain mapping with snake_case keys (see ``assay.connections.http_config`` and
``browser_config``), together with the connection's opened credentials. Connectors never
receive ORM objects, settings or tenant ids.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from assay_sdk.version import API_VERSION

__all__ = [
    "API_VERSION", "Connector", "ConnectorContext", "ConnectorError", "Conversation",
    "Evidence", "Exchange", "NetworkGuard",
]


class NetworkGuard(Protocol):
    """The host's outbound-address policy (SSRF guard).

    ``check_url`` raises :class:`ConnectorError` with code ``SSRF_REFUSED`` when the URL's
    host resolves to a loopback, private, link-local or metadata address and the operator
    has not allowed such targets. ``allowed_address`` answers for one resolved IP address
    (for checks at connect time and for every redirect).
    """

    async def check_url(self, url: str) -> None: ...

    def allowed_address(self, address: str) -> bool: ...


@dataclass(frozen=True, kw_only=True)
class ConnectorContext:
    """What the host gives a connector at start-up."""

    guard: NetworkGuard
    #: Chromium's executable, for the browser connector (from settings).
    browser_executable: str | None = None
    #: Extra launch arguments the operator configured for the browser.
    browser_args: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Exchange:
    """One message sent to the agent and what came back."""

    #: The agent's answer, as text.
    reply: str
    #: Time from sending to the complete answer, in milliseconds.
    latency_ms: float
    #: What was sent, for people to read: method, URL, headers and body with every
    #: credential replaced by "[secret]". Never holds a secret.
    request: Mapping[str, Any] = field(default_factory=dict)
    #: The raw response (status, headers, body text), truncated to 64 KiB; secrets removed.
    response: Mapping[str, Any] = field(default_factory=dict)
    #: How many attempts it took (1 = no retry).
    attempts: int = 1


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What a conversation saw when its case went wrong, for people to look at afterwards.

    The host asks for it (see :meth:`Conversation.evidence`) when a case failed an assert,
    errored or timed out, and records it with the case's result. Everything in it must be
    free of credentials: console lines redacted like :class:`Exchange`, and no screenshot
    of a page that may show a credential (e.g. a login form being filled).
    """

    #: A PNG screenshot of the page as the case ended; None when there is none.
    screenshot: bytes | None = None
    #: The console log, one line per entry, oldest first, credentials as "[secret]".
    console: tuple[str, ...] = ()
    #: The page's address when the evidence was taken ("" when no page was open).
    url: str = ""
    #: Why something is missing (e.g. "no screenshot: ..."), for the result to say.
    notes: tuple[str, ...] = ()


class ConnectorError(Exception):
    """The agent could not be reached or did not answer as configured.

    ``code`` is one of: TIMEOUT, HTTP_STATUS, CONNECTION_FAILED, SSRF_REFUSED, BAD_RESPONSE
    (the response path is missing, the body is not JSON, ...), SELECTOR_NOT_FOUND,
    LOGIN_FAILED, NAVIGATION_FAILED, CONFIGURATION. ``message`` says exactly what happened
    and never contains a secret. ``request``/``response`` describe the failed exchange
    (redacted like :class:`Exchange`), and ``artifacts`` may hold a PNG screenshot and the
    browser console log.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        request: Mapping[str, Any] | None = None,
        response: Mapping[str, Any] | None = None,
        artifacts: Mapping[str, bytes | str] | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.request = dict(request or {})
        self.response = dict(response or {})
        self.artifacts = dict(artifacts or {})
        self.attempts = attempts


class Conversation(abc.ABC):
    """One conversation with the agent: messages in order, state kept between them."""

    @abc.abstractmethod
    async def send(self, message: str) -> Exchange:
        """Send one user message and return the agent's complete answer.

        Raises:
            ConnectorError: when the agent cannot be reached or its answer cannot be read.
        """

    async def evidence(self) -> Evidence | None:
        """What the conversation can show about how its case went wrong (optional hook).

        Called by the host after a failed, errored or timed-out case, before
        :meth:`close`, within a short time limit; it must not send anything to the agent.
        The default has none: a connector whose exchanges are not worth a picture (HTTP)
        need not implement it. Raising or running out of time never changes the case's
        outcome; the host notes it on the result.
        """
        return None

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Release what the conversation holds (a browser context, a session)."""

    async def __aenter__(self) -> Conversation:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class Connector(abc.ABC):
    """A way to reach agents (one instance per worker process)."""

    #: The slug; equals the entry-point name.
    name: ClassVar[str]
    #: Bump when what the connector sends or records can change.
    version: ClassVar[str]
    api_version: ClassVar[int] = API_VERSION
    #: The connection kind it serves: "HTTP" or "BROWSER".
    kind: ClassVar[str]

    async def start(self, context: ConnectorContext) -> None:  # noqa: B027 - optional hook
        """Prepare shared resources (a connection pool, a browser)."""

    async def stop(self) -> None:  # noqa: B027 - optional hook
        """Release what ``start`` prepared."""

    @abc.abstractmethod
    def conversation(
        self, config: Mapping[str, Any], credentials: Mapping[str, str]
    ) -> Conversation:
        """A new conversation for one test case, with the connection's config and secrets."""
