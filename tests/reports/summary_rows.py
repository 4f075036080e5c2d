"""A kept AI summary for the security world's report (``tests/security/world.py`` calls
:func:`keep_world_summary`): summariseReport then succeeds there from the kept summary,
without a judge (the world's judge is on an address the SSRF guard refuses)."""

from __future__ import annotations

import uuid

from assay.db.transactions import tenant_transaction
from assay.graphql.relay import decode_id
from assay.reports.models import Report, ReportSummary


async def keep_world_summary(org_id: uuid.UUID, report_gid: str) -> None:
    decoded = decode_id(report_gid)
    assert decoded is not None and decoded[0] == "Report", report_gid
    async with tenant_transaction(org_id):
        report = await Report.get(id=decoded[1])
        await ReportSummary.create(
            project_id=report.project_id, report_id=report.id, language="en",
            text={"paragraphs": ["Kept.", "For the", "world."], "evaluators": {}},
            model="world-model")
