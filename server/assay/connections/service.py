"""Agent connections: create, list, update, rotate credentials, and open them for the run engine."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.connections import checks, config
from assay.connections import credentials as vault
from assay.connections.credentials import CredentialUnreadable
from assay.connections.models import AgentConnection, ConnectionCredential, ConnectionKind
from assay.connections.specs import ConnectionSpec, CredentialValue, kind_of
from assay.errors import Conflict, NotFound, invalid
from assay.projects.models import Project
from assay.projects.service import get_project

__all__ = [
    "CredentialUnreadable",
    "create_connection",
    "get_connection",
    "list_connections",
    "open_credentials",
    "rotate_credential",
    "unseal_credentials",
    "update_connection",
]

INPUT = ("input",)
TARGET = "AgentConnection"


async def list_connections(
    *, project_id: uuid.UUID | None = None, kind: ConnectionKind | None = None
) -> QuerySet[AgentConnection]:
    """Visible connections, optionally of one (visible) project and one kind."""
    queryset = AgentConnection.all()
    if project_id is not None:
        queryset = queryset.filter(project_id=(await get_project(project_id)).id)
    if kind is not None:
        queryset = queryset.filter(kind=kind)
    return queryset


async def get_connection(connection_id: uuid.UUID, *, lock: bool = False) -> AgentConnection:
    """A visible connection (locked for update when ``lock``), or NotFound."""
    queryset = AgentConnection.filter(id=connection_id)
    connection = await (queryset.select_for_update() if lock else queryset).first()
    if connection is None:
        raise NotFound("AgentConnection", connection_id)
    return connection


async def create_connection(
    *,
    project_id: uuid.UUID,
    name: str,
    spec: ConnectionSpec,
    concurrency: int | None = None,
    credentials: Sequence[CredentialValue] = (),
) -> AgentConnection:
    """Validate everything, then write the connection and its sealed credentials."""
    issues = checks.Issues()
    kind = kind_of(spec)
    values = config.credential_list(issues, (*INPUT, "credentials"), credentials)
    rules = checks.CredentialRules(set(values), "add it to input.credentials")
    fields: dict[str, Any] = {
        "name": config.normalise_name(issues, (*INPUT, "name"), name),
        "kind": kind,
        "config": config.normalise(issues, (*INPUT, kind.value.lower()), spec, rules),
        "concurrency": _concurrency(issues, kind, concurrency),
    }
    issues.raise_if_any()
    project = await get_project(project_id)
    connection = await _insert(project, fields)
    for credential_name, value in values.items():
        await vault.add(connection, credential_name, value)
    await audit.record("connection.create", target_type=TARGET, target_id=connection.id,
                       details={"project_id": str(project.id), "name": connection.name,
                                "kind": kind.value, "credentials": sorted(values)})
    return connection


def _concurrency(issues: checks.Issues, kind: ConnectionKind, value: int | None) -> int:
    return config.concurrency(issues, (*INPUT, "concurrency"), kind, value)


def _duplicate(name: str) -> Conflict:
    return Conflict(
        f"a connection named {name!r} already exists in this project: choose another name",
        "DUPLICATE_NAME",
    )


async def _insert(project: Project, fields: dict[str, Any]) -> AgentConnection:
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            return await AgentConnection.create(project_id=project.id, **fields)
    except IntegrityError:
        raise _duplicate(fields["name"]) from None


async def update_connection(
    connection_id: uuid.UUID,
    *,
    name: str | None = None,
    spec: ConnectionSpec | None = None,
    concurrency: int | None = None,
) -> AgentConnection:
    """Change the name, the whole configuration of its kind, or the concurrency."""
    if name is None and spec is None and concurrency is None:
        raise invalid(INPUT, "nothing to change: give name, http, browser or concurrency",
                      "NOTHING_TO_CHANGE")
    connection = await get_connection(connection_id, lock=True)
    changes = await _changes(connection, name, spec, concurrency)
    changed = sorted(key for key, value in changes.items() if getattr(connection, key) != value)
    if not changed:
        return connection
    await _save(connection, {key: changes[key] for key in changed})
    await audit.record("connection.update", target_type=TARGET, target_id=connection.id,
                       details={"changed": changed, "name": connection.name})
    return connection


async def _changes(connection: AgentConnection, name: str | None,
                   spec: ConnectionSpec | None, value: int | None) -> dict[str, Any]:
    issues = checks.Issues()
    kind = ConnectionKind(connection.kind)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = config.normalise_name(issues, (*INPUT, "name"), name)
    if spec is not None and kind_of(spec) is not kind:
        issues.add((*INPUT, kind_of(spec).value.lower()), f"this connection is {kind.value} and "
                   f"its kind cannot change: give {kind.value.lower()} instead, or create a "
                   "new connection", "KIND_IMMUTABLE")
    elif spec is not None:
        names = await vault.names_of(connection.id)
        rules = checks.CredentialRules(names, "set it first with rotateConnectionCredential")
        changes["config"] = config.normalise(issues, (*INPUT, kind.value.lower()), spec, rules)
    if value is not None:
        changes["concurrency"] = _concurrency(issues, kind, value)
    issues.raise_if_any()
    return changes


async def _save(connection: AgentConnection, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        setattr(connection, key, value)
    try:
        async with in_transaction():
            await connection.save(update_fields=[*changes, "updated_at"])
    except IntegrityError:
        raise _duplicate(connection.name) from None


async def rotate_credential(
    connection_id: uuid.UUID, *, name: str, value: str
) -> tuple[AgentConnection, ConnectionCredential]:
    """Replace the credential ``name`` (or add it) without asking for the old value."""
    issues = checks.Issues()
    name = checks.credential_name(issues, ("name",), name)
    checks.credential_value(issues, ("value",), value)
    issues.raise_if_any()
    connection = await get_connection(connection_id, lock=True)
    existing = await ConnectionCredential.get_or_none(connection_id=connection.id, name=name)
    if existing is not None:
        credential = await vault.replace(existing, value)
    else:
        if await ConnectionCredential.filter(
            connection_id=connection.id
        ).count() >= config.MAX_CREDENTIALS:
            raise invalid("name", f"a connection holds at most {config.MAX_CREDENTIALS} "
                          "credentials: rotate one it already has, or create another "
                          "connection", "TOO_MANY")
        credential = await vault.add(connection, name, value)
    await audit.record("connection.credential.rotate", target_type=TARGET,
                       target_id=connection.id,
                       details={"credential": name, "added": existing is None})
    return connection, credential


async def open_credentials(connection_id: uuid.UUID) -> dict[str, str]:
    """Name → plaintext of every credential of a connection, for the run engine only.

    Raises NotFound for an invisible connection and CredentialUnreadable when a value does
    not open (moved to another row or organization, altered, or its key is not configured).
    """
    return await unseal_credentials(await get_connection(connection_id))


async def unseal_credentials(connection: AgentConnection) -> dict[str, str]:
    """Name → plaintext of every credential of an already loaded ``connection``."""
    rows = await ConnectionCredential.filter(connection_id=connection.id).order_by("name")
    return {row.name: await vault.open_value(row) for row in rows}
