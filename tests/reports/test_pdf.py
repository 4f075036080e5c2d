"""The PDF export: the HTML report printed by the real Chromium, offline and without
JavaScript."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from playwright.async_api import async_playwright

from assay.reports import exports
from assay.reports.exports import pdf
from assay.reports.exports.html import render_html
from assay.settings import Settings
from tests.reports.test_html import hostile, sample

#: The width of an A4 page's content in CSS pixels: 210 mm less the two 14 mm margins.
A4_CONTENT_PX = 688

#: A page object (not the /Pages tree) in the PDF's uncompressed object headers.
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pages(document: bytes) -> int:
    return len(PAGE.findall(document))


class Listener:
    """A TCP server on loopback that counts the connections made to it."""

    def __init__(self) -> None:
        self.connections = 0
        self.port = 0

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        writer.close()


@pytest.fixture
async def listener() -> AsyncIterator[Listener]:
    found = Listener()
    server = await asyncio.start_server(found._accept, "127.0.0.1", 0)
    found.port = server.sockets[0].getsockname()[1]
    async with server:
        yield found


async def test_the_sample_prints_to_a_multi_page_pdf(settings: Settings) -> None:
    document = await pdf.render_pdf(sample(), settings)

    assert document.startswith(b"%PDF-")
    assert document.rstrip().endswith(b"%%EOF")
    # The cover and executive summary, the charts and evaluators, the comparison, the
    # errors and PII alerts, the failed cases: each big section starts a page.
    assert pages(document) >= 4


async def test_the_export_registry_prints_it_with_the_summary(settings: Settings) -> None:
    summary = {"language": "es", "model": "m", "paragraphs": ["Uno.", "Dos.", "Tres."],
               "evaluators": {"tone": "Bien."}}

    document = await exports.render("pdf", hostile(), settings, summary)

    assert document.startswith(b"%PDF-") and pages(document) >= 4


async def test_nothing_in_the_page_reaches_a_network(settings: Settings,
                                                     listener: Listener) -> None:
    """Even markup that escaped the HTML renderer could not load anything while printing."""
    where = f"http://127.0.0.1:{listener.port}"
    html = (f'<html><head><link rel="stylesheet" href="{where}/style.css"></head><body>'
            f'<img src="{where}/pixel.png"><iframe src="{where}/frame"></iframe>'
            f'<p style="background: url({where}/bg.png)">Hello</p></body></html>')

    document = await pdf._print(html, settings.browser_executable, "<span></span>",
                                "<span></span>")

    assert document.startswith(b"%PDF-")
    assert listener.connections == 0


async def test_scripts_do_not_run_while_printing(settings: Settings) -> None:
    grow = ("<script>for (let i = 0; i < 400; i++) { document.body.appendChild("
            "document.createElement('p')).textContent = 'added by a script ' + i; }</script>")
    quiet = "<html><body><p>One short page.</p>{}</body></html>"

    document = await pdf._print(quiet.format(grow), settings.browser_executable,
                                "<span></span>", "<span></span>")

    assert pages(document) == 1


async def test_a_missing_chromium_is_a_typed_error_that_says_what_to_do(
    settings: Settings
) -> None:
    absent = replace(settings, browser_executable="/nowhere/chromium")

    with pytest.raises(pdf.PdfUnavailable) as raised:
        await pdf.render_pdf(sample(), absent)

    assert raised.value.code == "PDF_UNAVAILABLE"
    assert raised.value.message == (
        "Chromium was not found at '/nowhere/chromium', so the PDF cannot be printed: "
        "install it (apt-get install chromium) or set ASSAY_BROWSER_EXECUTABLE to its path; "
        "the HTML export needs no browser")


def unbroken() -> dict[str, Any]:
    """The sample with long unbroken words in every kind of cell and heading."""
    snapshot = sample()
    snapshot["title"] = "W" * 120
    snapshot["cases"][3]["title"] = "T" * 150
    snapshot["cases"][3]["evaluators"][1]["explanation"] = "https://example.com/" + "a" * 200
    snapshot["cases"][3]["answer"] = "b" * 400
    snapshot["errors"][0].update(error_code="CODE_" * 12, error_message="x" * 300)
    snapshot["comparison"]["regressions"][0]["title"] = "R" * 150
    snapshot["pii_alerts"][0]["masked"] = "\u2022" * 150
    snapshot["evaluators"][0]["title"] = "E" * 80
    return snapshot


@pytest.mark.parametrize("snapshot", [sample(), unbroken()], ids=["sample", "unbroken"])
async def test_nothing_is_wider_than_an_a4_page(settings: Settings,
                                                snapshot: dict[str, Any]) -> None:
    """Chromium shrinks every printed page when one element overflows: nothing may."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=settings.browser_executable, args=list(pdf.PRINT_ARGS))
        try:
            page = await browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1000},
                                          java_script_enabled=True)
            await page.emulate_media(media="print")
            await page.set_content(render_html(snapshot))
            width = await page.evaluate("document.documentElement.scrollWidth")
        finally:
            await browser.close()

    assert width == A4_CONTENT_PX


def test_the_running_header_and_footer_are_escaped() -> None:
    snapshot = hostile()
    header, footer = pdf._header(snapshot), pdf._footer(snapshot)
    assert "<script" not in header + footer
    assert header.startswith('<div style="font-size:8px;') and (
        "<span>Weekly &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</span>") in header
    assert "Assay report · 2025-06-06 09:30 UTC" in header
    assert ("<span>Acme support · Plan &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
            '</span><span>Page <span class="pageNumber"></span> of <span class="totalPages">'
            "</span></span>") in footer
    assert "Weekly" in render_html(snapshot)
