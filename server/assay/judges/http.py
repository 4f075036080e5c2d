"""The HTTP side every judge shares: one guarded client, bounded answers, typed failures.

Judges reach the provider only through :class:`JsonEndpoint`. With a guard (always in the
server) every connection goes through the SSRF guard's transport, so a base URL that points
at a loopback, private or metadata address is refused before anything is sent. Answers
larger than :data:`MAX_RESPONSE_BYTES` are refused (a verdict is a few hundred bytes), and
every status becomes a :class:`JudgeError` code with a message that says what to do. No
message ever carries the API key or the values of the extra headers: provider text is
redacted before it is quoted.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import httpx

from assay.connectors.http_retry import retry_after_seconds
from assay.connectors.network import GuardedTransport
from assay_sdk.connectors import ConnectorError, NetworkGuard
from assay_sdk.judges import JudgeError, JudgeSettings

log = logging.getLogger(__name__)

#: The largest answer read from a provider.
MAX_RESPONSE_BYTES = 1_000_000
#: How much of a provider's error message is quoted in a JudgeError.
_QUOTED = 300
_CONNECT_TIMEOUT_S = 10.0
#: Connector failures (from the guard) as judge failures.
_GUARD_CODES = {"SSRF_REFUSED": "SSRF_REFUSED", "CONFIGURATION": "CONFIGURATION",
                "TIMEOUT": "TIMEOUT", "CONNECTION_FAILED": "UNAVAILABLE"}


@dataclass(frozen=True)
class Answer:
    """A provider's HTTP answer, read in full (within the size limit)."""

    status: int
    headers: httpx.Headers
    text: str
    #: The body parsed as JSON; None when it is not JSON.
    data: Any = field(default=None)

    @property
    def error_message(self) -> str:
        """The provider's own error message (``{"error": {"message": ...}}`` in both
        OpenAI's and Anthropic's shapes), else the start of the body."""
        error = self.data.get("error") if isinstance(self.data, dict) else None
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(error, str):
            return error
        return self.text.strip()

    @property
    def error_code(self) -> str:
        """The provider's error code or type (e.g. ``insufficient_quota``), or ""."""
        error = self.data.get("error") if isinstance(self.data, dict) else None
        if not isinstance(error, dict):
            return ""
        return str(error.get("code") or error.get("type") or "")


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the provider asks to wait: ``retry-after-ms``, else ``Retry-After`` (seconds
    or an HTTP date); None when it says nothing readable."""
    millis = headers.get("retry-after-ms", "").strip()
    try:
        if millis:
            return max(float(millis) / 1000.0, 0.0)
    except ValueError:
        pass
    return retry_after_seconds(headers.get("retry-after"))


class JsonEndpoint:
    """JSON requests to one provider's base URL, for one judge (closed with the judge)."""

    def __init__(self, settings: JudgeSettings, guard: NetworkGuard | None, *,
                 provider: str, default_base_url: str, user_agent: str) -> None:
        self.provider = provider
        self.base_url = (settings.base_url or default_base_url).strip().rstrip("/")
        self.timeout_s = settings.timeout_s
        self._secrets = sorted({s for s in (settings.api_key, *settings.headers.values())
                                if s}, key=len, reverse=True)
        transport = GuardedTransport(guard) if guard is not None else None
        self._client = httpx.AsyncClient(
            transport=transport, trust_env=guard is None, follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout_s,
                                  connect=min(_CONNECT_TIMEOUT_S, settings.timeout_s)),
            headers={"user-agent": user_agent})

    def redact(self, text: str) -> str:
        """``text`` without any secret of this judge."""
        for secret in self._secrets:
            text = text.replace(secret, "[secret]")
        return text

    def url(self, path: str) -> str:
        return self.base_url + path

    async def post(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> Answer:
        """POST ``body`` to ``path`` and read the answer, whatever its status.

        Raises:
            JudgeError: CONFIGURATION for a base URL that is not http(s) or an answer over
                the size limit, SSRF_REFUSED, TIMEOUT, UNAVAILABLE (connection failures).
                ``calls`` is 1 once the request may have reached the provider.
        """
        url = self.url(path)
        self._check_url(url)
        try:
            async with asyncio.timeout(self.timeout_s):
                return await self._send(url, body, headers)
        except ConnectorError as exc:
            raise JudgeError(_GUARD_CODES.get(exc.code, "UNAVAILABLE"),
                             f"judge endpoint {self.redact(url)}: {self.redact(exc.message)}",
                             calls=0) from None
        except (TimeoutError, httpx.TimeoutException):
            raise JudgeError("TIMEOUT", f"{self.provider} did not answer within "
                             f"{self.timeout_s:g} s: try again later, or raise the judge's "
                             "timeout", calls=1) from None
        except httpx.HTTPError as exc:
            raise JudgeError("UNAVAILABLE", f"could not reach {self.provider} at "
                             f"{self.redact(url)} ({self.redact(str(exc)) or type(exc).__name__})"
                             ": check the base URL and that the service is up",
                             calls=1) from None

    def _check_url(self, url: str) -> None:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
            raise JudgeError("CONFIGURATION", f"the judge's base URL {self.redact(self.base_url)!r}"
                             " is not an http(s) URL: write it as https://host/v1", calls=0)

    async def _send(self, url: str, body: dict[str, Any], headers: dict[str, str]) -> Answer:
        async with self._client.stream("POST", url, json=body, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
                raise self._too_large()
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise self._too_large()
                chunks.append(chunk)
        text = b"".join(chunks).decode("utf-8", "replace")
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        log.debug("judge provider %s answered %s", self.provider, response.status_code)
        return Answer(response.status_code, response.headers, text, data)

    def _too_large(self) -> JudgeError:
        return JudgeError("CONFIGURATION", f"{self.provider} answered more than "
                          f"{MAX_RESPONSE_BYTES // 1_000_000} MB, which no verdict needs: "
                          "check that the base URL points at the provider's API", calls=1)

    def failure(self, answer: Answer, *, model: str) -> JudgeError:
        """The JudgeError for an answer that is not a success (``calls`` = 1)."""
        status = answer.status
        said = self.redact(answer.error_message)[:_QUOTED] or "no message"
        head = f"{self.provider} answered {status} ({said})"
        wait = retry_after(answer.headers)
        if status in (401, 403):
            what = ("refused the API key: set the judge's key again with updateJudge"
                    if status == 401 else
                    f"does not let this key use model {model!r}: check the key's permissions "
                    "or choose another model")
            return JudgeError("AUTHENTICATION", f"{head}: the provider {what}", calls=1)
        if status == 429 and answer.error_code == "insufficient_quota":
            return JudgeError("CONFIGURATION", f"{head}: the provider account has no quota "
                              "left; add credit or use another key", calls=1)
        if status == 429:
            return JudgeError("RATE_LIMITED", f"{head}: the provider is rate limiting this "
                              "key; evaluate fewer cases at once or raise the key's limits",
                              retry_after=wait, calls=1)
        if status == 408 or status >= 500:
            return JudgeError("TIMEOUT" if status == 408 else "UNAVAILABLE",
                              f"{head}: the provider is failing or overloaded; try again "
                              "later", retry_after=wait, calls=1)
        if 300 <= status < 400:
            location = self.redact(answer.headers.get("location", "elsewhere"))
            return JudgeError("CONFIGURATION", f"{self.provider} redirected to {location}: "
                              "set the judge's base URL to the API's final address", calls=1)
        return JudgeError("CONFIGURATION", f"{head}: check the judge's base URL and model "
                          f"{model!r}", calls=1)

    def shape_error(self, expected: str) -> JudgeError:
        """The JudgeError for a 200 answer that is not in the protocol's shape."""
        return JudgeError("CONFIGURATION", f"{self.provider} at {self.redact(self.base_url)} "
                          f"did not answer in the {expected} shape: check that the base URL "
                          "points at a compatible API", calls=1)

    async def aclose(self) -> None:
        await self._client.aclose()


def count(value: Any) -> int:
    """A token count from a usage object (0 when absent or not a number)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
