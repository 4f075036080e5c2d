"""The Project type."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.node import register_node
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.relay import Node, encode_id
from assay.projects.models import Project


@strawberry.type(name="Project", description="A workspace inside an organization.")
class ProjectType(Node):
    name: str
    description: str
    created_at: datetime
    pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_model(cls, row: Project) -> ProjectType:
        return cls(
            id=strawberry.ID(encode_id("Project", row.id)),
            pk=row.id,
            name=row.name,
            description=row.description,
            created_at=row.created_at,
        )


register_node(
    "Project",
    permission=Permission.PROJECT_READ,
    load=projects_by_id,
    to_type=ProjectType.from_model,
)
