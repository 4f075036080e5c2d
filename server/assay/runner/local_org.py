"""The organization that holds local plan files' runs, found again on every invocation.

Row-level security hides organizations from one another, so the database cannot be asked
"which one is ours?": its id is kept in the data directory, one per database, under a file
lock so that two runs starting at once create it once. When the database no longer has it
(a fresh database, a restored one), a new one is made.
"""

from __future__ import annotations

import fcntl
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assay.audit.context import Actor, acting_as
from assay.auth import api_keys
from assay.auth.models import ApiKey
from assay.db.config import DatabaseUrl
from assay.db.transactions import tenant_transaction
from assay.organizations.models import Organization
from assay.organizations.service import create_organization

NAME = "Local plan files"
OWNER_EMAIL = "assay-run@assay.localhost"
#: Who the local runs' audit events name.
ACTOR = Actor(type="system", id="assay-run")


def state_file(data_dir: Path) -> Path:
    return data_dir / "runner" / "organizations.json"


def _database_key(database: DatabaseUrl) -> str:
    return f"{database.host}:{database.port}/{database.database}"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_suffix(".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _load(path: Path) -> dict[str, str]:
    try:
        known = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in known.items()} if isinstance(known, dict) else {}


async def _exists(org_id: uuid.UUID) -> bool:
    async with tenant_transaction(org_id):
        return await Organization.filter(id=org_id).exists()


async def local_organization(data_dir: Path, database: DatabaseUrl) -> uuid.UUID:
    """The id of the local runs' organization in ``database``, created when missing."""
    path, key = state_file(data_dir), _database_key(database)
    with _locked(path):
        known = _load(path)
        if key in known:
            try:
                org_id = uuid.UUID(known[key])
            except ValueError:
                org_id = None
            if org_id is not None and await _exists(org_id):
                return org_id
        org_id = await _create()
        known[key] = str(org_id)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(known, indent=2) + "\n")
        temporary.replace(path)
        return org_id


async def _create() -> uuid.UUID:
    """A new organization; its bootstrap key is revoked at once (nobody ever saw it)."""
    with acting_as(ACTOR):
        boot = await create_organization(name=NAME, owner_email=OWNER_EMAIL,
                                         project_name="Default")
        async with tenant_transaction(boot.organization_id):
            for key in await ApiKey.filter(revoked_at__isnull=True):
                await api_keys.revoke(key.id)
    return boot.organization_id
