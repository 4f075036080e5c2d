"""One conversation in its own browser context: login and navigation on the first message."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page, Response
from playwright.async_api import Error as PlaywrightError

from assay.connectors.browser_answer import send_message
from assay.connectors.browser_evidence import Shot, evidence, screenshot
from assay.connectors.browser_options import BrowserOptions, Step
from assay.connectors.browser_proxy import GuardProxy
from assay.connectors.browser_record import Journal, Secrets
from assay.connectors.browser_steps import (
    Tab,
    check_status,
    failure,
    find,
    navigate,
    open_page,
    run_step,
)
from assay_sdk.connectors import ConnectorError, Conversation, Evidence, Exchange, NetworkGuard

PASSWORD_FIELD = "input[type=password]"

OpenContext = Callable[[str], Awaitable[BrowserContext]]


class BrowserConversation(Conversation):
    """Sends messages through a chat web page; state (cookies, storage) lives in the context."""

    def __init__(self, *, options: BrowserOptions, credentials: Mapping[str, str],
                 guard: NetworkGuard, open_context: OpenContext,
                 on_close: Callable[[BrowserConversation], None]) -> None:
        self._options = options
        self._secrets = Secrets(credentials)
        self._journal = Journal(self._secrets)
        self._guard = guard
        self._open_context = open_context
        self._on_close = on_close
        self._proxy = GuardProxy(guard, self._journal.add)
        self._context: BrowserContext | None = None
        self._tab: Tab | None = None
        self._ready = False
        self._closed = False
        #: A step typed a credential into the page (no screenshot until the chat is ready).
        self._typed_secret = False
        #: Taken when a message failed, handed over by evidence().
        self._evidence: Evidence | None = None

    async def send(self, message: str) -> Exchange:
        if self._closed:
            raise RuntimeError("this browser conversation is closed: open a new one")
        refused_before = len(self._proxy.refusals)
        self._evidence = None
        if self._tab is not None:
            self._tab.steps = []
        try:
            tab = self._tab or await self._open_tab()
            if not self._ready:
                await self._prepare(tab)
                self._ready = True
            answer = await send_message(tab, self._options, message)
        except ConnectorError as exc:
            raise await self._failed(exc, message) from None
        except PlaywrightError as exc:
            raise await self._failed(failure(exc, "the browser", "CONNECTION_FAILED"),
                                     message) from exc
        return Exchange(
            reply=self._secrets.redact(answer.text), latency_ms=answer.latency_ms,
            request=self._request(message),
            response={"url": self._secrets.redact(tab.page.url),
                      "answer_selector": self._options.response_selector,
                      "answer_index": answer.index, "answer_elements": answer.elements,
                      "refused": [e.message for e in self._proxy.refusals[refused_before:]]})

    async def evidence(self) -> Evidence | None:
        """The screenshot and console log of the failure, or of the page as it is now."""
        if self._evidence is None:
            self._evidence = evidence(await self._screenshot(), self._journal, self._secrets,
                                      self._tab)
        return self._evidence

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._context is not None:
            with contextlib.suppress(PlaywrightError):
                await self._context.close()
        await self._proxy.close()
        self._on_close(self)

    async def _open_tab(self) -> Tab:
        proxy_server = await self._proxy.start()
        if self._context is not None:  # left over from a failed attempt
            with contextlib.suppress(PlaywrightError):
                await self._context.close()
        self._context = await self._open_context(proxy_server)
        page = await self._context.new_page()
        self._listen(page)
        self._tab = Tab(page=page, guard=self._guard, proxy=self._proxy, secrets=self._secrets,
                        journal=self._journal, timeout_ms=self._options.navigation_timeout_ms)
        return self._tab

    def _listen(self, page: Page) -> None:
        page.on("console", self._journal.console)
        page.on("pageerror", self._journal.page_error)
        page.on("requestfailed", self._journal.request_failed)
        page.on("dialog", self._journal.dialog)

    async def _prepare(self, tab: Tab) -> None:
        """Login page and steps, chat page, post-navigation steps (first message only)."""
        options = self._options
        if options.login_url is None:
            await open_page(tab, options.chat_url, "the chat page")
            await self._run(tab, options.login_steps)
        else:
            await open_page(tab, options.login_url, "the login page")
            await self._run(tab, options.login_steps)
            tab.steps.append({"step": "the chat page", "action": "NAVIGATE",
                              "url": options.chat_url})
            response = await navigate(tab, options.chat_url, "the chat page")
            self._check_logged_in(tab, response)
            check_status(response, options.chat_url, "the chat page")
        await self._run(tab, options.post_navigation_steps)
        if options.login_url is not None or options.login_steps:
            await self._input_after_login(tab)

    async def _run(self, tab: Tab, steps: tuple[Step, ...]) -> None:
        for step in steps:
            if step.action == "FILL" and self._secrets.uses_secret(step):
                self._typed_secret = True
            await run_step(tab, step)

    def _check_logged_in(self, tab: Tab, response: Response | None) -> None:
        options = self._options
        status = response.status if response is not None else 0
        back_at_login = (_page_of(options.login_url or "") != _page_of(options.chat_url)
                         and _page_of(tab.page.url) == _page_of(options.login_url or ""))
        if status in (401, 403) or back_at_login:
            shown = f"HTTP {status}" if status in (401, 403) else f"the login page {tab.page.url}"
            raise ConnectorError(
                "LOGIN_FAILED", f"the login did not succeed: after the login steps, opening "
                f"the chat page {options.chat_url} gave {shown}: check the credentials and "
                "the login steps")

    async def _input_after_login(self, tab: Tab) -> None:
        """The message input must show once logged in; a login form instead means failure."""
        try:
            await find(tab, self._options.input_selector, "the message input")
        except ConnectorError as exc:
            if exc.code != "SELECTOR_NOT_FOUND" or not await _shows_password_field(tab.page):
                raise
            raise ConnectorError(
                "LOGIN_FAILED", f"the login did not succeed: {tab.page.url} still shows a "
                "password field instead of the message input "
                f"'{self._options.input_selector}': check the credentials and the login "
                "steps") from None

    def _request(self, message: str) -> dict[str, Any]:
        steps = self._tab.steps if self._tab is not None else []
        return {"url": self._options.chat_url, "steps": list(steps),
                "message": self._secrets.redact(message)}

    async def _failed(self, error: ConnectorError, message: str) -> ConnectorError:
        """``error`` with the request, a screenshot and the console log attached (the
        evidence is kept for :meth:`evidence`)."""
        shot = await self._screenshot()
        self._journal.add("assay", f"failed: {error.code}: {error.message}")
        self._evidence = evidence(shot, self._journal, self._secrets, self._tab)
        artifacts: dict[str, bytes | str] = {"console.log": self._journal.text()}
        if shot.png is not None:
            artifacts["screenshot.png"] = shot.png
        redact = self._secrets.redact
        return ConnectorError(
            error.code, redact(error.message), request=self._request(message),
            response={k: redact(v) if isinstance(v, str) else v
                      for k, v in error.response.items()},
            artifacts=artifacts, attempts=error.attempts)

    async def _screenshot(self) -> Shot:
        """The page, unless it may show a credential typed by a step; the log says why not."""
        blocked = ""
        if self._typed_secret and not self._ready:
            blocked = ("a step typed a credential and the chat page was not reached after the "
                       "login steps: the page may still show it")
        shot = await screenshot(self._tab, blocked=blocked, masked=self._secret_fields())
        if shot.missing:
            self._journal.add("assay", f"no screenshot: {shot.missing}")
        return shot

    def _secret_fields(self) -> list[str]:
        """The selectors of the fields a step typed a credential into (masked on screenshots)."""
        steps = (*self._options.login_steps, *self._options.post_navigation_steps)
        return [s.selector for s in steps
                if s.action == "FILL" and s.selector and self._secrets.uses_secret(s)]


async def _shows_password_field(page: Page) -> bool:
    try:
        return await page.locator(PASSWORD_FIELD).filter(visible=True).count() > 0
    except PlaywrightError:
        return False


def _page_of(url: str) -> tuple[str, str, str]:
    """Scheme, host:port and path: two URLs of the same page (query and fragment ignored)."""
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower(), parts.path.rstrip("/") or "/"
