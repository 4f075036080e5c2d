"""Exporting a stored report: its snapshot (and AI summary, when one exists) in a format."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from assay.reports import exports
from assay.reports.models import Report, ReportSummary
from assay.reports.service import get_report
from assay.settings import Settings

#: The summary's language used when none is asked for.
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class ExportedReport:
    content: bytes
    media_type: str
    filename: str


async def summary_of(report: Report, language: str | None) -> dict[str, Any] | None:
    """The report's AI summary in ``language`` (default: English, else the first written),
    as the HTML and PDF exports take it; None when there is none."""
    rows = await ReportSummary.filter(report_id=report.id).order_by("created_at", "id")
    wanted = language or DEFAULT_LANGUAGE
    chosen = next((row for row in rows if row.language == wanted), None)
    if chosen is None and language is None and rows:
        chosen = rows[0]
    if chosen is None:
        return None
    text: dict[str, Any] = dict(chosen.text) if isinstance(chosen.text, dict) else {}
    return {**text, "language": chosen.language, "model": chosen.model}


async def export_report(report_id: uuid.UUID, fmt: str, settings: Settings,
                        language: str | None = None) -> ExportedReport:
    """Raises NotFound (the report), ValidationFailed (UNKNOWN_FORMAT) and Conflict
    (EXPORT_UNAVAILABLE, or the PDF renderer's own error)."""
    spec = exports.export_format(fmt)
    report = await get_report(report_id)
    summary = await summary_of(report, language) if spec.wants_summary else None
    content = await exports.render(spec.name, report.snapshot, settings, summary)
    return ExportedReport(content, spec.media_type, exports.filename(report.snapshot, spec.name))
