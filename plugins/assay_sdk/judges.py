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
import asyncio
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from assay_sdk.connectors import NetworkGuard
from assay_sdk.verdicts import MalformedVerdict, Verdict, parse_verdict, repair_message, summarise
from assay_sdk.version import API_VERSION

#: Failures worth another attempt after a wait; the others (AUTHENTICATION, CONFIGURATION,
#: SSRF_REFUSED) would fail the same way again.
RETRYABLE = frozenset({"RATE_LIMITED", "UNAVAILABLE", "TIMEOUT"})
#: Follow-ups sent after a malformed reply before giving up with MALFORMED.
REPAIRS = 2


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
    #: Earlier exchanges of a repair, in order: (the judge's reply, the follow-up that says
    #: what was wrong with it). Empty for a first question.
    repairs: tuple[tuple[str, str], ...] = ()

    def conversation(self) -> list[tuple[str, str]]:
        """The messages after the system prompt, as (role, text): the prompt, then each
        repair's reply ("assistant") and follow-up ("user")."""
        messages = [("user", self.prompt)]
        for reply, follow_up in self.repairs:
            messages += [("assistant", reply), ("user", follow_up)]
        return messages


@dataclass(frozen=True, kw_only=True)
class Completion:
    """One raw answer of the provider."""

    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    #: The model that actually answered, as the provider names it.
    model: str = ""
    #: Provider calls this completion took (more than 1 when a provider retried a request
    #: it had to adjust, e.g. without JSON mode).
    calls: int = 1


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


@dataclass
class _Tally:
    """What one :meth:`Judge.ask` spent, across its samples, retries and repairs."""

    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    model: str = ""

    def add(self, completion: Completion) -> None:
        self.calls += completion.calls
        self.input_tokens += completion.input_tokens
        self.output_tokens += completion.output_tokens
        self.model = self.model or completion.model


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
    #: The first wait (doubled on each further attempt, with jitter) when a retryable failure
    #: comes without a Retry-After.
    backoff_s: ClassVar[float] = 0.5
    #: The longest wait between two attempts, whatever the provider asks for.
    max_wait_s: ClassVar[float] = 60.0

    def __init__(self, settings: JudgeSettings, *, guard: NetworkGuard | None = None) -> None:
        self.settings = settings
        #: The host's outbound-address policy; None only in tools that need none.
        self.guard = guard

    @property
    def model(self) -> str:
        return self.settings.model

    @abc.abstractmethod
    async def complete(self, request: JudgeRequest) -> Completion:
        """One chat completion for ``request`` (one sample, its repairs as earlier turns),
        with the provider's own JSON mode where it has one.

        Raises:
            JudgeError: RATE_LIMITED with ``retry_after`` when told to wait, TIMEOUT,
                UNAVAILABLE, AUTHENTICATION, CONFIGURATION, SSRF_REFUSED; its ``calls`` is
                the number of requests that left for the provider (0 when refused before
                sending).
        """

    async def ask(self, request: JudgeRequest) -> JudgeReply:
        """A parsed verdict: ``request.samples`` completions (concurrently), each re-asked
        with a follow-up saying what was wrong until it is valid JSON with a score in
        [0, 1] (at most :data:`REPAIRS` times), each call retried on rate limits, timeouts
        and unavailability (``settings.max_attempts`` attempts, honouring Retry-After).

        Raises:
            JudgeError: when no valid verdict can be had; ``calls`` counts every call spent.
        """
        if request.samples < 1:
            raise JudgeError("CONFIGURATION", f"samples must be at least 1, not "
                             f"{request.samples}: ask for one verdict or more")
        tally = _Tally()
        question = replace(request, samples=1, repairs=())
        # Every sample runs to its end even when another fails, so ``calls`` counts every
        # request that reached the provider (and may be billed).
        outcomes = await asyncio.gather(*(self._verdict(question, tally)
                                          for _ in range(request.samples)),
                                        return_exceptions=True)
        verdicts = [o for o in outcomes if isinstance(o, Verdict)]
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        if failures:
            raise _first_failure(failures, tally)
        summary = summarise(verdicts)
        return JudgeReply(score=summary.score, explanation=summary.explanation,
                          scores=summary.scores, spread=summary.spread,
                          model=tally.model or self.model, calls=tally.calls,
                          input_tokens=tally.input_tokens, output_tokens=tally.output_tokens)

    async def _verdict(self, request: JudgeRequest, tally: _Tally) -> Verdict:
        """One sample: ask, and re-ask with a follow-up while the reply is malformed."""
        problem = ""
        for _ in range(REPAIRS + 1):
            completion = await self._attempts(request, tally)
            try:
                return parse_verdict(completion.text)
            except MalformedVerdict as exc:
                problem = exc.problem
            # Providers refuse an empty assistant turn: an empty reply is shown as such.
            shown = completion.text if completion.text.strip() else "(empty reply)"
            request = replace(request, repairs=(
                *request.repairs, (shown, repair_message(problem))))
        raise JudgeError("MALFORMED", f"{self.title} model {self.model!r} gave no valid "
                         f"verdict in {REPAIRS + 1} replies (the last: {problem}): choose a "
                         "model that follows JSON instructions, or check the evaluator's "
                         "prompt")

    async def _attempts(self, request: JudgeRequest, tally: _Tally) -> Completion:
        """One completion, retried with waits while the failure is worth retrying."""
        attempts = max(self.settings.max_attempts, 1)
        for attempt in range(1, attempts + 1):
            try:
                completion = await self.complete(request)
            except JudgeError as exc:
                tally.calls += exc.calls
                if exc.code not in RETRYABLE:
                    raise
                if attempt == attempts:
                    raise JudgeError(exc.code, f"{exc.message} (gave up after {attempts} "
                                     "attempts)", retry_after=exc.retry_after) from None
                await asyncio.sleep(self.wait_s(attempt, exc.retry_after))
                continue
            tally.add(completion)
            return completion
        raise AssertionError("unreachable: the last attempt returns or raises")

    def wait_s(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based): what the provider
        asked for, else exponential backoff with +-20 % jitter; capped at ``max_wait_s``."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_wait_s)
        delay: float = self.backoff_s * 2.0 ** (attempt - 1) * random.uniform(0.8, 1.2)
        return min(delay, self.max_wait_s)

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


def _first_failure(failures: list[BaseException], tally: _Tally) -> BaseException:
    """The error to raise for a failed ask: the first JudgeError (its ``calls`` set to what
    the whole ask spent), else the first other error."""
    for failure in failures:
        if isinstance(failure, JudgeError):
            failure.calls = tally.calls
            return failure
    return failures[0]
