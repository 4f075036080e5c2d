"""Bootstrapping organizations: the organization, its owner, a first project and a key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.auth import api_keys
from assay.auth.models import ApiKeyScope, User
from assay.crypto import envelope
from assay.db.transactions import tenant_transaction
from assay.errors import invalid
from assay.ids import new_id
from assay.organizations.models import Membership, Organization, Role
from assay.projects import service as projects

BOOTSTRAP_KEY_LIFETIME = timedelta(days=90)


@dataclass(frozen=True)
class Bootstrap:
    organization_id: uuid.UUID
    owner_id: uuid.UUID
    project_id: uuid.UUID
    api_key: str


def _check_email(email: str) -> str:
    email = email.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > 320:
        raise invalid("ownerEmail", "give a valid email address, like owner@example.com")
    return email


def check_name(name: str, path: str = "name") -> str:
    name = name.strip()
    if not name or len(name) > 200:
        raise invalid(path, "give the organization a name of 1 to 200 characters")
    return name


async def found_organization(*, name: str, owner: User, project_name: str = "Default"
                             ) -> tuple[uuid.UUID, uuid.UUID]:
    """Create an organization owned by ``owner``, with its data key and a first project.

    Runs in its own tenant transaction (a savepoint when nested) and leaves that
    organization in scope only inside it. Returns (organization id, project id).
    """
    org_id = new_id()
    async with tenant_transaction(org_id):
        await Organization.create(id=org_id, name=name)
        await Membership.create(user_id=owner.id, role=Role.OWNER)
        await envelope.create_data_key()
        await audit.record("organization.create", target_type="Organization", target_id=org_id,
                           details={"name": name, "owner": owner.email})
        project = await projects.create_project(name=project_name, description="")
    return org_id, project.id


async def create_organization(*, name: str, owner_email: str, project_name: str = "Default"
                              ) -> Bootstrap:
    name = check_name(name)
    email = _check_email(owner_email)
    owner, _ = await User.get_or_create(email=email)
    async with in_transaction():  # all or nothing: organization, project and key
        org_id, project_id = await found_organization(
            name=name, owner=owner, project_name=project_name)
        async with tenant_transaction(org_id):
            minted = await api_keys.mint(
                project_id=project_id,
                name="bootstrap",
                scope=ApiKeyScope.WRITE,
                expires_at=datetime.now(UTC) + BOOTSTRAP_KEY_LIFETIME,
                created_by=owner.id,
            )
    return Bootstrap(org_id, owner.id, project_id, minted.plaintext)
