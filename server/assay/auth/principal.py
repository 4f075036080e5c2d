"""Who is calling: resolved once per request from an API key or a session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from assay.auth.models import ApiKeyScope
from assay.auth.permissions import Permission
from assay.organizations.models import Role


@dataclass(frozen=True)
class Principal:
    #: "api_key" or "user".
    kind: str
    user_id: uuid.UUID
    org_id: uuid.UUID
    role: Role
    permissions: frozenset[Permission]
    #: Projects this principal may reach; None = all of the organization's.
    project_ids: frozenset[uuid.UUID] | None = None
    api_key_id: uuid.UUID | None = None
    api_key_scope: ApiKeyScope | None = None
    #: The session a signed-in user's request came with (None for API keys).
    session_id: uuid.UUID | None = None

    @property
    def actor_id(self) -> uuid.UUID:
        return self.api_key_id if self.api_key_id is not None else self.user_id

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions
