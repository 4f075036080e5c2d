"""Sending a message in the chat page and waiting until the agent's answer is complete.

The answer is made of the elements matching the response selector that were not there
before sending (usually one; an agent that answers in several bubbles gives several,
joined by a line break). It is complete when the typing indicator (if any) is gone and
neither the answer's text nor the indicator has changed for the quiet period.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator
from playwright.async_api import TimeoutError as PlaywrightTimeout

from assay.connectors.browser_options import BrowserOptions
from assay.connectors.browser_steps import Tab, acting, failure, find
from assay_sdk.connectors import ConnectorError

#: Polling interval bounds, in milliseconds (a fifth of the quiet period in between).
POLL_MS = (20, 100)


@dataclass(frozen=True)
class Answer:
    text: str
    #: From sending to the last change of the answer (or the indicator's disappearance).
    latency_ms: float
    #: Which match of the response selector is the answer's first element (0-based).
    index: int
    #: How many new elements make up the answer.
    elements: int


@dataclass
class _Watch:
    """What the poll loop has seen so far (times from the event loop's clock)."""

    texts: list[str] | None = None
    typing: bool = False
    settled_at: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(self.texts or [])

    def see(self, texts: list[str], typing: bool, now: float) -> None:
        if texts != self.texts or typing or typing != self.typing:
            self.settled_at = now
        self.texts, self.typing = texts, typing

    def complete(self, now: float, quiet_s: float) -> bool:
        return not self.typing and bool(self.text) and now - self.settled_at >= quiet_s


async def send_message(tab: Tab, options: BrowserOptions, message: str) -> Answer:
    """Type ``message``, send it and return the complete answer."""
    answers = tab.page.locator(options.response_selector)
    before = await _texts(answers, options)
    field = await find(tab, options.input_selector, "the message input")
    tab.steps.append({"step": "send", "action": "FILL", "selector": options.input_selector})
    with acting(tab, "typing the message into the message input"):
        await field.fill(message, timeout=tab.timeout_ms)
    sent_at = await _submit(tab, options)
    watch = await _wait(tab, options, answers, len(before), sent_at)
    return Answer(text=watch.text, latency_ms=round((watch.settled_at - sent_at) * 1000, 1),
                  index=len(before), elements=len(watch.texts or []))


async def _submit(tab: Tab, options: BrowserOptions) -> float:
    """Click send (or press Enter); returns when the message was sent (the event loop's
    clock, read just before the click so that latency is never under-counted)."""
    clock = asyncio.get_running_loop().time
    if options.send_selector is None:
        tab.steps.append({"step": "send", "action": "PRESS", "key": "Enter",
                          "selector": options.input_selector})
        field = tab.page.locator(options.input_selector).filter(visible=True).first
        with acting(tab, "pressing Enter in the message input"):
            sent_at = clock()
            await field.press("Enter", timeout=tab.timeout_ms)
        return sent_at
    button = await find(tab, options.send_selector, "the send button")
    tab.steps.append({"step": "send", "action": "CLICK", "selector": options.send_selector})
    with acting(tab, "clicking the send button"):
        sent_at = clock()
        await button.click(timeout=tab.timeout_ms)
    return sent_at


async def _wait(tab: Tab, options: BrowserOptions, answers: Locator, before: int,
                sent_at: float) -> _Watch:
    """Poll until the answer is complete; TIMEOUT says what was still missing."""
    loop = asyncio.get_running_loop()
    deadline = sent_at + options.response_timeout_ms / 1000
    refused_before = len(tab.proxy.refusals)
    try:
        await answers.nth(before).wait_for(state="attached",
                                           timeout=options.response_timeout_ms)
    except PlaywrightTimeout:
        raise _timeout(tab, options, None, refused_before) from None
    watch = _Watch()
    quiet_s = options.quiet_period_ms / 1000
    poll_s = min(max(options.quiet_period_ms / 5, POLL_MS[0]), POLL_MS[1]) / 1000
    while True:
        texts = (await _texts(answers, options))[before:]
        watch.see([t.strip() for t in texts if t.strip()], await _typing(tab, options),
                  loop.time())
        if watch.complete(loop.time(), quiet_s):
            return watch
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise _timeout(tab, options, watch, refused_before)
        await asyncio.sleep(min(poll_s, remaining))


async def _texts(answers: Locator, options: BrowserOptions) -> list[str]:
    try:
        return await answers.all_inner_texts()
    except PlaywrightError as exc:
        raise failure(exc, f"the response selector '{options.response_selector}'",
                      "CONFIGURATION") from None


async def _typing(tab: Tab, options: BrowserOptions) -> bool:
    if options.typing_selector is None:
        return False
    indicator = tab.page.locator(options.typing_selector).filter(visible=True)
    try:
        return await indicator.count() > 0
    except PlaywrightError as exc:
        raise failure(exc, f"the typing indicator '{options.typing_selector}'",
                      "CONFIGURATION") from None


def _timeout(tab: Tab, options: BrowserOptions, watch: _Watch | None,
             refused_before: int) -> ConnectorError:
    waited = f"{options.response_timeout_ms} ms (response_timeout_ms)"
    if watch is None:
        why = (f"no new element matching the response selector '{options.response_selector}' "
               f"appeared within {waited} after sending")
    elif watch.typing:
        why = (f"the typing indicator '{options.typing_selector}' was still shown after "
               f"{waited}")
    elif not watch.text:
        why = f"the answer stayed empty for {waited}"
    else:
        why = (f"the answer was still changing after {waited}: raise the response timeout or "
               "lower the quiet period")
    refusals = tab.proxy.refusals[refused_before:]
    hint = f" (the page was refused a connection: {refusals[0].message})" if refusals else ""
    partial = tab.secrets.redact(watch.text) if watch else ""
    return ConnectorError("TIMEOUT", f"no complete answer: {why}{hint}",
                          response={"partial_reply": partial} if partial else None)
