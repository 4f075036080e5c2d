"""The PDF export: the HTML report printed to A4 by headless Chromium through Playwright.

Printing the HTML page (rather than drawing a second layout) keeps the two exports
identical in content. The page is a snapshot's rendering, but its text came from agents and
users, so the browser prints it with JavaScript disabled, offline, with every request
aborted and no host resolvable (speculative preconnects included): nothing in a report can
run or reach a network while it is printed. The first
page is the cover and the executive summary; each big section starts a new page; every
page carries the report's title and its number.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import PdfMargins, Route, async_playwright

from assay.connectors.browser import LAUNCH_ARGS
from assay.errors import Conflict
from assay.reports.exports.html import render_html
from assay.reports.exports.html_parts import e, moment
from assay.settings import Settings

#: Chromium's own arguments for printing: on top of the connector's, no host resolves (not
#: even an IP literal), so not even a speculative connection leaves the browser.
PRINT_ARGS = (*LAUNCH_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND", "--dns-prefetch-disable")
#: Room above and below the content for the running header and footer.
MARGIN: PdfMargins = {"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
#: Header and footer text (Chromium renders them apart from the page: inline styles only).
_BAND = ("font-size:8px;color:#555555;width:100%;margin:0 14mm;display:flex;"
         "justify-content:space-between;font-family:'DejaVu Sans',Arial,sans-serif;")
#: Longest title shown in the running header.
TITLE_CHARS = 90


class PdfUnavailable(Conflict):
    """Chromium is missing or failed: the PDF cannot be printed on this server."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "PDF_UNAVAILABLE")


async def render_pdf(snapshot: Mapping[str, Any], settings: Settings,
                     summary: Mapping[str, Any] | None = None) -> bytes:
    """The report as an A4 PDF (``summary``: as for :func:`render_html`).

    Raises:
        PdfUnavailable: Chromium is not at ``settings.browser_executable`` or cannot print.
        SnapshotInvalid: the snapshot is not a valid schema_version 1 snapshot.
    """
    html = render_html(snapshot, summary)
    executable = settings.browser_executable
    if not executable or not Path(executable).is_file():
        raise PdfUnavailable(f"Chromium was not found at {executable!r}, so the PDF cannot be "
                             "printed: install it (apt-get install chromium) or set "
                             "ASSAY_BROWSER_EXECUTABLE to its path; the HTML export needs no "
                             "browser")
    try:
        return await _print(html, executable, _header(snapshot), _footer(snapshot))
    except PlaywrightError as exc:
        first = (str(exc).strip().splitlines() or ["no details"])[0]
        raise PdfUnavailable(f"Chromium at {executable} could not print the report ({first}): "
                             "check that it runs on this machine, or use the HTML export"
                             ) from None


async def _print(html: str, executable: str, header: str, footer: str) -> bytes:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, headless=True,
                                                   args=list(PRINT_ARGS))
        try:
            context = await browser.new_context(java_script_enabled=False, offline=True,
                                                service_workers="block",
                                                accept_downloads=False)
            await context.route("**/*", _refuse)
            page = await context.new_page()
            await page.set_content(html, wait_until="load")
            await page.emulate_media(media="print")
            return await page.pdf(format="A4", print_background=True,
                                  display_header_footer=True, header_template=header,
                                  footer_template=footer, margin=MARGIN)
        finally:
            with contextlib.suppress(PlaywrightError):
                await browser.close()


async def _refuse(route: Route) -> None:
    """Every request the page would make (there should be none) is aborted."""
    await route.abort("blockedbyclient")


def _header(snapshot: Mapping[str, Any]) -> str:
    title = str(snapshot["title"])
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "\u2026"
    return (f'<div style="{_BAND}"><span>{e(title)}</span>'
            f"<span>Assay report · {e(moment(str(snapshot['created_at'])))}</span></div>")


def _footer(snapshot: Mapping[str, Any]) -> str:
    where = f"{snapshot['project']['name']} · {snapshot['plan']['name']}"
    return (f'<div style="{_BAND}"><span>{e(where)}</span><span>Page <span class="pageNumber">'
            '</span> of <span class="totalPages"></span></span></div>')
