"""What a browser conversation hands over when its case went wrong: a screenshot of the page,
the console log and the page's address (see :class:`assay_sdk.connectors.Evidence`).

A screenshot never shows a credential the conversation typed: none is taken while the page
may still hold one (a step typed a credential and the chat page was not reached after the
login steps), and the fields a credential was typed into are masked on the others. The
limit: a page that itself displays a secret once logged in (an account page showing an API
key, a chat echoing a credential the case's own message contained) is pictured as it is;
redaction works on text and cannot reach pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError

from assay.connectors.browser_record import Journal, Secrets
from assay.connectors.browser_steps import Tab, first_line
from assay_sdk.connectors import Evidence

#: How long Chromium may take to capture the page.
SCREENSHOT_MS = 5_000


@dataclass(frozen=True)
class Shot:
    """A PNG, or why there is none."""

    png: bytes | None
    missing: str = ""


async def screenshot(tab: Tab | None, *, blocked: str, masked: Sequence[str]) -> Shot:
    """The viewport as PNG with ``masked`` selectors blacked out; ``blocked`` says why not."""
    if tab is None:
        return Shot(None, "the page was never opened")
    if blocked:
        return Shot(None, blocked)
    page = tab.page
    try:
        png = await page.screenshot(type="png", timeout=SCREENSHOT_MS,
                                    mask=[page.locator(selector) for selector in masked])
    except PlaywrightError as exc:
        return Shot(None, first_line(exc))
    return Shot(png)


def evidence(shot: Shot, journal: Journal, secrets: Secrets, tab: Tab | None) -> Evidence:
    """The evidence of a conversation from a screenshot already taken (or not) and its log."""
    url = secrets.redact(tab.page.url) if tab is not None else ""
    notes = (f"no screenshot: {shot.missing}",) if shot.missing else ()
    return Evidence(screenshot=shot.png, console=journal.lines(), url=url, notes=notes)
