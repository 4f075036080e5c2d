"""One signed POST of an event to an endpoint, through the SSRF guard, and what came of it.

The request goes through :class:`assay.connectors.network.GuardedTransport` with the
operator's policy, exactly like connections and judges: an endpoint whose host is or
resolves to a loopback, private, link-local or metadata address is refused before anything
is sent (unless the operator allows private targets), and that refusal is final. Redirects
are not followed (a 3xx is a failed attempt: register the final URL). At most a few KB of
the answer are read, to quote in the delivery's last error.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

import httpx

from assay.connectors.http_retry import retry_after_seconds
from assay.connectors.network import GuardedTransport, url_host
from assay.webhooks import signing
from assay_sdk.connectors import ConnectorError, NetworkGuard

USER_AGENT = "Assay-Webhooks/1"
#: Bytes of an answer read to quote in an error.
MAX_QUOTED_BYTES = 4096
_QUOTED_CHARS = 200
#: Statuses whose Retry-After is honoured.
_RETRY_AFTER_STATUSES = (429, 503)
#: Guard failures that trying again cannot fix.
_FINAL_CODES = ("SSRF_REFUSED", "CONFIGURATION")


@dataclass(frozen=True)
class Request:
    """What one attempt sends (the body is the same bytes on every attempt)."""

    url: str
    body: bytes
    secret: str
    event_id: str
    event_type: str
    delivery_id: str
    attempt: int


@dataclass(frozen=True)
class Answer:
    """How an attempt went."""

    #: The HTTP status; None when nothing answered (refused, unreachable, timed out).
    status_code: int | None
    #: Why it failed; "" on success. Never holds the secret.
    error: str = ""
    #: Seconds the receiver asked to wait (429 and 503 only).
    retry_after: float | None = None
    #: Trying again cannot help (the SSRF guard refused the target, the URL is unusable).
    final: bool = False

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def headers(request: Request, timestamp: int) -> dict[str, str]:
    """The request's headers, signed at ``timestamp`` (see assay.webhooks.signing)."""
    return {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        signing.ID_HEADER: request.event_id,
        signing.TIMESTAMP_HEADER: str(timestamp),
        signing.SIGNATURE_HEADER: signing.signature_header(request.secret, timestamp,
                                                           request.body),
        "Assay-Webhook-Event": request.event_type,
        "Assay-Webhook-Delivery": request.delivery_id,
        "Assay-Webhook-Attempt": str(request.attempt),
    }


def _where(url: str) -> str:
    """The URL without its query (it may hold the receiver's token), for messages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


async def post(request: Request, *, guard: NetworkGuard, timeout_s: float) -> Answer:
    """Send one attempt and tell how it went (never raises for network or HTTP failures)."""
    where = _where(request.url)
    try:
        url_host(request.url)
        async with httpx.AsyncClient(transport=GuardedTransport(guard), trust_env=False,
                                     follow_redirects=False,
                                     timeout=httpx.Timeout(timeout_s)) as client:
            async with asyncio.timeout(timeout_s):
                return await _send(client, request, where)
    except ConnectorError as exc:
        final = exc.code in _FINAL_CODES
        return Answer(None, f"{exc.code}: {exc.message.replace(request.url, where)}",
                      final=final)
    except (TimeoutError, httpx.TimeoutException):
        return Answer(None, f"TIMEOUT: {where} did not answer within {timeout_s:g} s: answer "
                      "at once with 2xx and do the work after")
    except httpx.HTTPError as exc:
        said = str(exc).replace(request.url, where) or type(exc).__name__
        return Answer(None, f"UNREACHABLE: could not reach {where} ({said}): check the URL "
                      "and that the receiver is up")


async def _send(client: httpx.AsyncClient, request: Request, where: str) -> Answer:
    sent = headers(request, int(time.time()))
    async with client.stream("POST", request.url, content=request.body,
                             headers=sent) as response:
        status = response.status_code
        if 200 <= status < 300:
            return Answer(status)
        quoted = await _quoted(response)
        wait = (retry_after_seconds(response.headers.get("retry-after"))
                if status in _RETRY_AFTER_STATUSES else None)
        return Answer(status, _failure(status, where, quoted, response.headers), wait)


async def _quoted(response: httpx.Response) -> str:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= MAX_QUOTED_BYTES:
            break
    text = b"".join(chunks)[:MAX_QUOTED_BYTES].decode("utf-8", "replace")
    return " ".join(text.split())[:_QUOTED_CHARS]


def _failure(status: int, where: str, quoted: str, response_headers: httpx.Headers) -> str:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "unknown status"
    said = f": {quoted}" if quoted else ""
    if 300 <= status < 400:
        location = response_headers.get("location", "").split("?")[0] or "elsewhere"
        return (f"HTTP {status} ({reason}): {where} redirected to {location}; redirects are "
                "not followed: register the final URL with updateWebhook")
    return f"HTTP {status} ({reason}) from {where}{said}: answer 2xx once the event is received"
