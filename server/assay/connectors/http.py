"""The ``http`` connector: each message is one HTTP request to the agent (pooled, guarded)."""

# Beside it: http_target (the stored config), http_request (templates, headers),
# http_response and http_answer (reading the answer), http_stream (server-sent events),
# http_retry (backoff, Retry-After) and http_redaction (no secret is ever recorded).

from __future__ import annotations

import asyncio
import ssl
import uuid
from collections.abc import Mapping
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any, ClassVar

import httpx

from assay.connectors.http_answer import Answer
from assay.connectors.http_guard import CheckedHosts
from assay.connectors.http_redaction import Redactor, url_password
from assay.connectors.http_request import Prepared, RequestBuilder, Turn
from assay.connectors.http_response import ResponseReader
from assay.connectors.http_retry import Retryable, RetryPolicy, retry_after_seconds, with_retries
from assay.connectors.http_target import HttpTarget, config_error
from assay.connectors.network import GuardedTransport
from assay_sdk.connectors import (
    Connector,
    ConnectorContext,
    ConnectorError,
    Conversation,
    Exchange,
)

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
LIMITS = httpx.Limits(max_connections=256, max_keepalive_connections=64, keepalive_expiry=30)


class HttpConversation(Conversation):
    """One test case's conversation: OpenAI-format history, a conversation id, a session id
    taken from the previous answer, and its own cookies."""

    def __init__(self, client: httpx.AsyncClient, guard: CheckedHosts, target: HttpTarget,
                 credentials: Mapping[str, str], retry: RetryPolicy) -> None:
        self.target = target
        self.conversation_id = uuid.uuid4().hex
        self.session_id: str | None = None
        self.history: list[dict[str, str]] = []
        self._client, self._guard, self._retry = client, guard, retry
        self._cookies = httpx.Cookies()
        self._redactor = Redactor([*credentials.values(), url_password(target.url)],
                                  target.secret_header_names())
        self._requests = RequestBuilder(target, credentials, self._redactor,
                                        f"assay-http/{HttpConnector.version}")
        self._responses = ResponseReader(target, self._redactor)

    async def send(self, message: str) -> Exchange:
        prepared = self._requests.prepare(Turn(message, self.history, self.conversation_id,
                                               self.session_id or ""))
        record = self._requests.record(prepared)
        try:
            await self._guard.check(prepared.url)
        except ConnectorError as exc:  # refused before anything was sent
            raise self._redactor.error(exc, attempts=0, request=record) from None
        try:
            answer, latency, attempts = await with_retries(
                self._retry, lambda: self._attempt(prepared))
        except ConnectorError as exc:
            raise self._redactor.error(exc, request=record) from None
        self.history += [{"role": "user", "content": message},
                         {"role": "assistant", "content": answer.reply}]
        self.session_id = answer.session_id or self.session_id
        return Exchange(reply=answer.reply, latency_ms=latency, request=record,
                        response=answer.response, attempts=attempts)

    # -- one attempt: timeouts and transport errors ----------------------------------------

    async def _attempt(self, prepared: Prepared) -> Answer:
        timeout = self.target.timeout_seconds
        try:
            async with asyncio.timeout(timeout):
                return await self._exchange(prepared)
        except (TimeoutError, httpx.TimeoutException):
            raise Retryable(ConnectorError("TIMEOUT", f"the agent did not answer within "
                                           f"{timeout:g} s: make it faster or raise "
                                           "timeoutSeconds")) from None
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise Retryable(_connection_failed(exc)) from None
        except httpx.DecodingError as exc:
            raise ConnectorError("BAD_RESPONSE", f"the response body could not be decoded "
                                 f"({exc}): check the agent's Content-Encoding") from None
        except httpx.HTTPError as exc:
            raise ConnectorError("CONNECTION_FAILED", f"the request to {prepared.shown_url} "
                                 f"failed: {exc}") from None

    # -- one exchange: redirects, status, body --------------------------------------------

    async def _exchange(self, prepared: Prepared) -> Answer:
        response = await self._follow(prepared)
        try:
            if response.status_code == 429 or response.status_code >= 500:
                raise Retryable(await self._responses.status_error(response),
                                retry_after_seconds(response.headers.get("retry-after")))
            if not 200 <= response.status_code < 300:
                raise await self._responses.status_error(response)
            return await self._responses.answer(response,
                                                had_session=self.session_id is not None)
        finally:
            await response.aclose()

    async def _follow(self, prepared: Prepared) -> httpx.Response:
        method, body, url = self.target.method, prepared.body, prepared.url
        origin = (url.scheme, url.host, url.port)
        for hop in range(MAX_REDIRECTS + 1):
            if hop:
                await self._guard.check(url)
            response = await self._send_one(method, url, body,
                                            (url.scheme, url.host, url.port) == origin)
            location = response.headers.get("location")
            if response.status_code not in REDIRECT_STATUSES or not location:
                return response
            await response.aclose()
            url = response.url.join(location)
            if response.status_code == 303 or (response.status_code in (301, 302)
                                               and method == "POST"):
                method, body = "GET", None
        raise ConnectorError("BAD_RESPONSE", f"the agent redirected more than {MAX_REDIRECTS}"
                             f" times (last to {self._redactor.text(str(url))}): point the "
                             "connection at the final URL")

    async def _send_one(self, method: str, url: httpx.URL, body: str | None,
                        same_origin: bool) -> httpx.Response:
        request = self._client.build_request(
            method, url, content=body, headers=self._requests.headers(same_origin,
                                                                      body is not None),
            timeout=httpx.Timeout(self.target.timeout_seconds))
        if self._cookies.jar:  # (the cookie jar's work is skipped while it is empty)
            self._cookies.set_cookie_header(request)
        response = await self._client.send(request, stream=True)
        if "set-cookie" in response.headers:
            self._cookies.extract_cookies(response)
        return response


def _connection_failed(exc: httpx.HTTPError) -> ConnectorError:
    reason = str(exc) or type(exc).__name__
    try:
        where = f" at {exc.request.url.host}:{exc.request.url.port or ''}".rstrip(":")
    except RuntimeError:  # the error carries no request
        where = ""
    return ConnectorError("CONNECTION_FAILED", f"could not talk to the agent{where} "
                          f"({reason}): check that it is running and that the URL is right")


def _no_cookie_jar() -> CookieJar:
    """A client-wide jar that keeps nothing: each conversation holds its own cookies.

    (A CookieJar, not httpx.Cookies: the client copies the latter into a default jar.)"""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class HttpConnector(Connector):
    """Agents behind an HTTP endpoint: one pooled, guarded httpx client per worker process."""

    name: ClassVar[str] = "http"
    version: ClassVar[str] = "1.0.0"
    kind: ClassVar[str] = "HTTP"

    def __init__(self, *, retry: RetryPolicy | None = None, verify: ssl.SSLContext | bool = True,
                 limits: httpx.Limits | None = None) -> None:
        self._retry = retry or RetryPolicy()
        self._verify = verify
        self._limits = limits or LIMITS
        self._client: httpx.AsyncClient | None = None
        self._guard: CheckedHosts | None = None

    async def start(self, context: ConnectorContext) -> None:
        if self._client is not None:
            return
        transport = GuardedTransport(context.guard, limits=self._limits, verify=self._verify)
        self._guard = CheckedHosts(context.guard)
        self._client = httpx.AsyncClient(transport=transport, trust_env=False,
                                         follow_redirects=False, cookies=_no_cookie_jar())

    async def stop(self) -> None:
        if self._client is not None:
            await self._client.aclose()
        self._client = self._guard = None

    def conversation(self, config: Mapping[str, Any], credentials: Mapping[str, str]
                     ) -> HttpConversation:
        """A new conversation.

        Raises:
            ConnectorError: CONFIGURATION when the config is incomplete or a credential it
                needs is not set.
            RuntimeError: when the connector was not started.
        """
        if self._client is None or self._guard is None:
            raise RuntimeError("start the http connector before opening conversations")
        target = HttpTarget.from_config(config)
        missing = [name for name in target.required_credentials() if not credentials.get(name)]
        if missing:
            raise config_error(f"the connection's credential '{missing[0]}' is not set: set "
                               "it on the connection, then run again")
        return HttpConversation(self._client, self._guard, target, credentials, self._retry)
