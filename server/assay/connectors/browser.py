"""The ``browser`` connector: Playwright driving the operator's Chromium, headless.

One browser per connector instance (one per worker process), relaunched if it dies; a
fresh browser context per conversation, whose every connection goes through the SSRF
guard (see :mod:`assay.connectors.browser_proxy`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from assay.connectors.browser_conversation import BrowserConversation
from assay.connectors.browser_options import BrowserOptions
from assay.connectors.browser_steps import first_line
from assay_sdk.connectors import Connector, ConnectorContext, ConnectorError, Conversation

#: Always passed to Chromium, before the operator's own arguments.
LAUNCH_ARGS = (
    "--no-sandbox",  # workers run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium's own calls home (form autofill hints) are not the agent's traffic.
    "--disable-features=AutofillServerCommunication",
    "--disable-dev-shm-usage",
    # WebRTC must not send UDP around the guarding proxy.
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)
VIEWPORT = {"width": 1280, "height": 800}


class BrowserConnector(Connector):
    """Reaches agents through their web chat page."""

    name: ClassVar[str] = "browser"
    version: ClassVar[str] = "1.0.0"
    kind: ClassVar[str] = "BROWSER"

    def __init__(self) -> None:
        self._context: ConnectorContext | None = None
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._launching = asyncio.Lock()
        self._conversations: set[BrowserConversation] = set()

    async def start(self, context: ConnectorContext) -> None:
        """Launch Chromium; CONFIGURATION when it is missing or does not start."""
        if self._playwright is not None:
            return
        executable = context.browser_executable
        if not executable or not Path(executable).is_file():
            raise ConnectorError(
                "CONFIGURATION", f"Chromium was not found at {executable!r}: install it "
                "(apt-get install chromium) or set ASSAY_BROWSER_EXECUTABLE to its path")
        self._context = context
        self._playwright = await async_playwright().start()
        try:
            await self._running_browser()
        except ConnectorError:
            await self.stop()
            raise

    async def stop(self) -> None:
        for conversation in list(self._conversations):
            await conversation.close()
        if self._browser is not None:
            with contextlib.suppress(PlaywrightError):
                await self._browser.close()
            self._browser = None
        if self._playwright is not None:
            await self._playwright.stop()
            self._playwright = None
        self._context = None

    def conversation(self, config: Mapping[str, Any],
                     credentials: Mapping[str, str]) -> Conversation:
        """A conversation in a fresh browser context (opened on its first message)."""
        if self._context is None:
            raise RuntimeError("start the browser connector before opening conversations")
        conversation = BrowserConversation(
            options=BrowserOptions.parse(config), credentials=credentials,
            guard=self._context.guard, open_context=self._new_context,
            on_close=self._conversations.discard)
        self._conversations.add(conversation)
        return conversation

    async def _new_context(self, proxy_server: str) -> BrowserContext:
        browser = await self._running_browser()
        return await browser.new_context(
            proxy={"server": proxy_server}, service_workers="block", accept_downloads=False,
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})

    async def _running_browser(self) -> Browser:
        """The browser, launched again when it has crashed or was closed."""
        async with self._launching:
            if self._browser is None or not self._browser.is_connected():
                self._browser = await self._launch()
            return self._browser

    async def _launch(self) -> Browser:
        context, playwright = self._context, self._playwright
        if context is None or playwright is None:
            raise RuntimeError("start the browser connector first")
        try:
            return await playwright.chromium.launch(
                executable_path=context.browser_executable, headless=True,
                args=[*LAUNCH_ARGS, *context.browser_args])
        except PlaywrightError as exc:
            raise ConnectorError(
                "CONFIGURATION", f"Chromium at {context.browser_executable} did not start "
                f"({first_line(exc)}): check that it runs on this machine and the extra browser "
                "arguments") from None
