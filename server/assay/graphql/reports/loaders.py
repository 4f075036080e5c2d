"""Batch loaders for reports."""

from __future__ import annotations

import uuid
from typing import Any

from assay.graphql.loaders import by_id
from assay.reports.models import Report


async def reports_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Report.filter(id__in=keys), keys)
