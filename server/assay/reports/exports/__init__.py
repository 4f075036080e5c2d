"""Exports of a report: every format renders the snapshot alone, so an export made months
later is the same as one made today.

``FORMATS`` names each format's media type and file extension; :func:`render` imports the
format's module only when it is asked for (the PDF's renderer is heavy, and the HTML and
PDF modules may be absent from a build: that is a typed EXPORT_UNAVAILABLE error).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assay.errors import Conflict, invalid
from assay.settings import Settings


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    #: The module and function that render it.
    module: str
    function: str
    #: The function returns text (encoded as UTF-8) rather than bytes.
    text: bool = True
    #: The function takes the settings as its second argument.
    wants_settings: bool = False
    #: The function takes the report's AI summary (``summary=``) and is awaited or not.
    wants_summary: bool = False


_HERE = __name__
FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", "application/json", "json", f"{_HERE}.json_export",
                         "render_json"),
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", "csv", f"{_HERE}.csv_export",
                        "render_csv"),
    "junit": ExportFormat("junit", "application/xml", "xml", f"{_HERE}.junit_export",
                          "render_junit"),
    "html": ExportFormat("html", "text/html; charset=utf-8", "html", f"{_HERE}.html",
                         "render_html", wants_summary=True),
    "pdf": ExportFormat("pdf", "application/pdf", "pdf", f"{_HERE}.pdf", "render_pdf",
                        text=False, wants_settings=True, wants_summary=True),
}


class ExportUnavailable(Conflict):
    def __init__(self, fmt: str) -> None:
        super().__init__(f"this server cannot write {fmt.upper()} exports (its renderer is "
                         "not installed): choose another format, or ask the operator to "
                         "install it", "EXPORT_UNAVAILABLE")


def export_format(name: str) -> ExportFormat:
    """The format named ``name`` (any case); a typed error listing the formats otherwise."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise invalid("format", f"{name!r} is not an export format: choose one of "
                      f"{', '.join(FORMATS)}", "UNKNOWN_FORMAT")
    return found


async def render(fmt: str, snapshot: Mapping[str, Any], settings: Settings | None = None,
                 summary: Mapping[str, Any] | None = None) -> bytes:
    """The export of ``snapshot`` in ``fmt``, as the bytes of the file; ``summary`` (the
    report's AI summary in one language) goes into the formats that show it."""
    spec = export_format(fmt)
    try:
        function = getattr(importlib.import_module(spec.module), spec.function)
    except (ModuleNotFoundError, AttributeError):
        raise ExportUnavailable(spec.name) from None
    arguments: list[Any] = [snapshot, settings] if spec.wants_settings else [snapshot]
    options = {"summary": summary} if spec.wants_summary and summary is not None else {}
    output = function(*arguments, **options)
    if inspect.isawaitable(output):
        output = await output
    if spec.text:
        return str(output).encode("utf-8")
    return bytes(output)


def filename(snapshot: Mapping[str, Any], fmt: str) -> str:
    """A download name: the report's title made safe for any file system, and the format's
    extension."""
    title = "".join(ch if ch.isalnum() or ch in "-_" else "-"
                    for ch in str(snapshot.get("title") or "report"))
    stem = "-".join(part for part in title.split("-") if part)[:80] or "report"
    return f"{stem}.{export_format(fmt).extension}"
