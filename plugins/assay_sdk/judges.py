"""Judges: LLM providers that evaluators ask for a verdict.

A judge is registered under the ``assay.judges`` entry-point group (``openai`` for any
OpenAI-compatible chat-completions endpoint, ``anthropic``). The host creates one per
evaluation from the organization's judge configuration (its key opened just for it) and
hands it to evaluators wrapped in a cache; evaluators never see the key.

A provider implements :meth:`Judge.complete` (one chat call). :meth:`Judge.ask` builds on
it: it asks for a JSON verdict ``{"score": <0..1>, "explanation": "..."}``, repairs or
re-asks when the answer is malformed, samples ``n`` times when asked and reports the
spread, and backs off when the provider says it is rate limited.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from assay_sdk.connectors import NetworkGuard
from assay_sdk.version import API_VERSION


@dataclass(frozen=True, kw_only=True)
class JudgeSettings:
    """How to reach the provider and which model to use."""

    model: str
    #: The API's base URL; None means the provider's public endpoint.
    base_url: str | None = None
    #: The API key (opened by the host for this judge only); None for keyless local servers.
    api_key: str | None = field(default=None, repr=False)
    #: Seconds to wait for one completion.
    timeout_s: float = 60.0
    #: Attempts per completion on rate limits, timeouts and 5xx before giving up.
    max_attempts: int = 4
    #: Extra request headers (e.g. an Azure api-version or an organization header).
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, kw_only=True)
class JudgeRequest:
    """What an evaluator asks: a system prompt and a user prompt."""

    system: str
    prompt: str
    #: 0 by default: the same question gets the same answer as far as the model allows.
    temperature: float = 0.0
    #: How many independent verdicts to ask for (their mean is the score).
    samples: int = 1
    #: The most tokens one verdict may take.
    max_tokens: int = 800


@dataclass(frozen=True, kw_only=True)
class Completion:
    """One raw answer of the provider."""

    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    #: The model that actually answered, as the provider names it.
    model: str = ""


@dataclass(frozen=True, kw_only=True)
class JudgeReply:
    """The judge's verdict: the mean of its samples and what it cost."""

    score: float
    #: The explanation of the sample closest to the mean.
    explanation: str
    #: Every sample's score, in the order they came.
    scores: tuple[float, ...]
    #: Largest minus smallest sample score (0 for one sample).
    spread: float
    model: str
    #: Provider calls made, retries and repairs included (0 when served from a cache).
    calls: int
    input_tokens: int = 0
    output_tokens: int = 0
    #: True when the host served it from its cache.
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"score": self.score, "explanation": self.explanation,
                "scores": list(self.scores), "spread": self.spread, "model": self.model,
                "calls": self.calls, "input_tokens": self.input_tokens,
                "output_tokens": self.output_tokens}


class JudgeError(Exception):
    """The judge could not give a valid verdict.

    ``code`` is one of: RATE_LIMITED (still limited after every attempt), TIMEOUT,
    UNAVAILABLE (5xx or connection failure after every attempt), AUTHENTICATION (401/403:
    the key is wrong), CONFIGURATION (bad model or URL, 400/404), MALFORMED (no valid JSON
    verdict even after repairing and re-asking), SSRF_REFUSED. ``message`` says what to
    do and never contains the key.
    """

    def __init__(self, code: str, message: str, *, retry_after: float | None = None,
                 calls: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        #: Seconds the provider asked to wait (RATE_LIMITED), when it said.
        self.retry_after = retry_after
        #: Provider calls spent before giving up.
        self.calls = calls


class Judge(abc.ABC):
    """An LLM provider (one instance per evaluation; it may be asked concurrently)."""

    #: The slug; equals the entry-point name.
    name: ClassVar[str]
    version: ClassVar[str]
    api_version: ClassVar[int] = API_VERSION
    #: A human title, e.g. "OpenAI-compatible".
    title: ClassVar[str]
    #: The public endpoint used when the settings give no base URL.
    default_base_url: ClassVar[str]

    def __init__(self, settings: JudgeSettings, *, guard: NetworkGuard | None = None) -> None:
        self.settings = settings
        #: The host's outbound-address policy; None only in tools that need none.
        self.guard = guard

    @property
    def model(self) -> str:
        return self.settings.model

    @abc.abstractmethod
    async def complete(self, request: JudgeRequest) -> Completion:
        """One chat completion for ``request`` (one sample), with the provider's own
        JSON mode where it has one.

        Raises:
            JudgeError: RATE_LIMITED with ``retry_after`` when told to wait, TIMEOUT,
                UNAVAILABLE, AUTHENTICATION, CONFIGURATION, SSRF_REFUSED.
        """

    @abc.abstractmethod
    async def ask(self, request: JudgeRequest) -> JudgeReply:
        """A parsed verdict: ``request.samples`` completions, each repaired or re-asked
        until it is valid JSON with a score in [0, 1], backing off on rate limits.

        Raises:
            JudgeError: when no valid verdict can be had.
        """

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
