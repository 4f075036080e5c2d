"""Driving one page: navigation through the SSRF guard, scripted steps, finding elements."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page, Response
from playwright.async_api import TimeoutError as PlaywrightTimeout

from assay.connectors.browser_options import Step
from assay.connectors.browser_proxy import GuardProxy
from assay.connectors.browser_record import Journal, Secrets, shown
from assay_sdk.connectors import ConnectorError, NetworkGuard

CLOSED = ("has been closed", "Target closed", "Browser closed")


@dataclass
class Tab:
    """A conversation's page and what acting on it needs."""

    page: Page
    guard: NetworkGuard
    proxy: GuardProxy
    secrets: Secrets
    journal: Journal
    #: For navigation and for waiting on the elements of steps (navigation_timeout_ms).
    timeout_ms: int
    #: The steps taken so far, as Exchange.request shows them.
    steps: list[dict[str, Any]] = field(default_factory=list)


async def open_page(tab: Tab, url: str, label: str) -> None:
    """Record and open the login or the chat page; an error status fails too."""
    tab.steps.append({"step": label, "action": "NAVIGATE", "url": url})
    check_status(await navigate(tab, url, label), url, label)


async def navigate(tab: Tab, url: str, label: str) -> Response | None:
    """Open ``url`` (checked by the guard first); raises ConnectorError when it fails."""
    tab.journal.add("assay", f"{label}: opening {url}")
    await tab.guard.check_url(url)
    refused_before = len(tab.proxy.refusals)
    try:
        return await tab.page.goto(url, timeout=tab.timeout_ms, wait_until="load")
    except PlaywrightTimeout:
        raise ConnectorError("TIMEOUT", f"{label}: {url} did not finish loading within "
                             f"{tab.timeout_ms} ms (navigation_timeout_ms)") from None
    except PlaywrightError as exc:
        refusals = tab.proxy.refusals[refused_before:]
        if refusals:
            raise ConnectorError("SSRF_REFUSED", f"{label}: opening {url} led to a refused "
                                 f"address: {refusals[0].message}") from None
        raise failure(exc, f"{label}: opening {url}", "NAVIGATION_FAILED") from None


def check_status(response: Response | None, url: str, label: str) -> None:
    if response is not None and response.status >= 400:
        raise ConnectorError("NAVIGATION_FAILED", f"{label}: {url} answered HTTP "
                             f"{response.status}: check the URL and that the page is up")


async def run_step(tab: Tab, step: Step) -> None:
    """Perform one scripted step."""
    tab.steps.append(shown(step))
    if step.action == "NAVIGATE":
        check_status(await navigate(tab, step.url or "", step.describe()), step.url or "",
                     step.describe())
        return
    tab.journal.add("assay", step.describe())
    if step.action == "WAIT" and step.selector is None:
        await asyncio.sleep((step.milliseconds or 0) / 1000)
    elif step.action == "WAIT":
        await find(tab, step.selector or "", step.describe())
    else:
        await _act(tab, step)


async def _act(tab: Tab, step: Step) -> None:
    """FILL, CLICK and PRESS (PRESS without a selector goes to the focused element)."""
    what = step.describe()
    element = None if step.selector is None else await find(tab, step.selector, what)
    with acting(tab, what):
        if element is None:
            await tab.page.keyboard.press(step.key or "")
        elif step.action == "FILL":
            await element.fill(tab.secrets.fill(step), timeout=tab.timeout_ms)
        elif step.action == "CLICK":
            await element.click(timeout=tab.timeout_ms)
        else:
            await element.press(step.key or "", timeout=tab.timeout_ms)
    if step.action != "FILL":
        await _settle(tab, what)


async def _settle(tab: Tab, what: str) -> None:
    """A click or a key that submitted a form started a navigation: let it finish."""
    try:
        await tab.page.wait_for_load_state("load", timeout=tab.timeout_ms)
    except PlaywrightTimeout:
        raise ConnectorError("TIMEOUT", f"{what}: the page it opened did not finish loading "
                             f"within {tab.timeout_ms} ms (navigation_timeout_ms)") from None
    except PlaywrightError as exc:
        raise failure(exc, what, "NAVIGATION_FAILED") from None


@contextlib.contextmanager
def acting(tab: Tab, what: str) -> Iterator[None]:
    """Turns the Playwright errors of acting on a found element into ConnectorErrors."""
    try:
        yield
    except PlaywrightTimeout:
        raise ConnectorError("TIMEOUT", f"{what}: the element is on the page but could not be "
                             f"used within {tab.timeout_ms} ms (disabled, covered or "
                             "read-only?): check the step") from None
    except PlaywrightError as exc:
        raise failure(exc, what, "CONFIGURATION") from None


async def find(tab: Tab, selector: str, what: str) -> Locator:
    """The first visible element matching ``selector``; SELECTOR_NOT_FOUND names both."""
    timeout = tab.timeout_ms
    element = tab.page.locator(selector).filter(visible=True).first
    try:
        await element.wait_for(state="visible", timeout=timeout)
    except PlaywrightTimeout:
        raise await _not_found(tab, selector, what, timeout) from None
    except PlaywrightError as exc:
        raise failure(exc, f"{what}: the selector '{selector}'", "CONFIGURATION") from None
    return element


async def _not_found(tab: Tab, selector: str, what: str, timeout: int) -> ConnectorError:
    try:
        count = await tab.page.locator(selector).count()
    except PlaywrightError:
        count = 0
    found = (f"the selector '{selector}' matches {count} element(s) but none became visible"
             if count else f"no element matches the selector '{selector}'")
    return ConnectorError("SELECTOR_NOT_FOUND", f"{what}: {found} within {timeout} ms on "
                          f"{tab.page.url}: check the selector against the page")


def first_line(exc: PlaywrightError) -> str:
    """The first line of a Playwright error (the call log after it is left out)."""
    text = (exc.message or str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def failure(exc: PlaywrightError, what: str, code: str) -> ConnectorError:
    """A Playwright error as a ConnectorError (a closed browser is CONNECTION_FAILED)."""
    detail = first_line(exc)
    if any(marker in detail for marker in CLOSED):
        return ConnectorError("CONNECTION_FAILED", f"{what}: the browser closed the page "
                              f"({detail}): the browser may have crashed; retry the case")
    return ConnectorError(code, f"{what} failed: {detail}")
