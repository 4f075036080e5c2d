"""Batch loaders for projects."""

from __future__ import annotations

import uuid
from typing import Any

from assay.graphql.loaders import by_id
from assay.projects.models import Project


async def projects_by_id(keys: list[uuid.UUID]) -> list[Any]:
    return by_id(await Project.filter(id__in=keys), keys)
