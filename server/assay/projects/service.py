"""Projects: create workspaces in the organization in scope."""

from __future__ import annotations

import uuid

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.errors import Conflict, NotFound, invalid
from assay.projects.models import Project


async def get_project(project_id: uuid.UUID) -> Project:
    """A project the caller can reach, or NotFound (also for other organizations' projects)."""
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise NotFound("Project", project_id)
    return project


async def create_project(*, name: str, description: str = "") -> Project:
    name = name.strip()
    if not name or len(name) > 200:
        raise invalid("name", "give the project a name of 1 to 200 characters")
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            project = await Project.create(name=name, description=description.strip())
    except IntegrityError:
        raise Conflict(
            f"a project named {name!r} already exists: choose another name", "DUPLICATE_NAME"
        ) from None
    await audit.record(
        "project.create", target_type="Project", target_id=project.id, details={"name": name}
    )
    return project
