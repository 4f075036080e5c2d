"""Viewer, ApiKey and Session types, and the error of signing up or in."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum

import strawberry

from assay.auth.models import ApiKey, Session
from assay.auth.models import ApiKeyScope as ApiKeyScopeModel
from assay.auth.permissions import Permission
from assay.graphql.errors import MutationError
from assay.graphql.node import register_node
from assay.graphql.projects.loaders import projects_by_id
from assay.graphql.projects.types import ProjectType
from assay.graphql.relay import Node, encode_id
from assay.organizations.models import Role as RoleModel

Role = strawberry.enum(RoleModel, name="Role")
ApiKeyScope = strawberry.enum(ApiKeyScopeModel, name="ApiKeyScope")


@strawberry.enum(description="How the caller authenticated.")
class PrincipalKind(Enum):
    USER = "user"
    API_KEY = "api_key"


@strawberry.type(description="Who is calling, in which organization, with which permissions.")
class Viewer:
    kind: PrincipalKind
    organization_id: strawberry.ID
    role: Role  # type: ignore[valid-type]
    permissions: list[str]
    api_key_scope: ApiKeyScope | None  # type: ignore[valid-type]


async def _load_key_projects(info: strawberry.Info, project_id: uuid.UUID) -> ProjectType:
    row = await info.context.loaders.load(projects_by_id, project_id)
    return ProjectType.from_model(row)


@strawberry.type(
    name="ApiKey", description="A key for scripts and CI. Its secret is never shown again."
)
class ApiKeyType(Node):
    name: str
    prefix: str = strawberry.field(description="The start of the key, to recognise it.")
    scope: ApiKeyScope  # type: ignore[valid-type]
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    project_pk: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def project(self, info: strawberry.Info) -> ProjectType:
        return await _load_key_projects(info, self.project_pk)

    @classmethod
    def from_model(cls, row: ApiKey) -> ApiKeyType:
        return cls(
            id=strawberry.ID(encode_id("ApiKey", row.id)),
            name=row.name,
            prefix=row.prefix,
            scope=row.scope,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
            project_pk=row.project_id,
        )


async def api_keys_by_id(keys: list[uuid.UUID]) -> list[ApiKey | None]:
    from assay.graphql.loaders import by_id

    return by_id(await ApiKey.filter(id__in=keys), keys)


register_node("ApiKey", permission=Permission.APIKEY_READ, load=api_keys_by_id,
              to_type=ApiKeyType.from_model)


@strawberry.type(
    name="Session",
    description="A signed-in browser or client of the calling person. Its token is never shown.",
)
class SessionType:
    id: strawberry.ID
    created_at: datetime = strawberry.field(description="When it signed in.")
    last_seen_at: datetime = strawberry.field(description="Its last request (to the minute).")
    expires_at: datetime = strawberry.field(description="When it ends at the latest.")
    ip: str = strawberry.field(description="The address it signed in from.")
    user_agent: str = strawberry.field(description="The browser or client it signed in with.")
    current: bool = strawberry.field(description="Whether this request came with it.")

    @classmethod
    def from_model(cls, row: Session, current: uuid.UUID | None = None) -> SessionType:
        return cls(
            id=strawberry.ID(encode_id("Session", row.id)),
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            expires_at=row.expires_at,
            ip=row.ip,
            user_agent=row.user_agent,
            current=row.id == current,
        )


@strawberry.type(description="Signing up or in did not work; the message says what to do.")
class AuthError(MutationError):
    pass
