"""Agent connections: how to reach the agent under test, with sealed credentials."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from assay.tenancy.models import ProjectScopedModel


class ConnectionKind(StrEnum):
    HTTP = "HTTP"
    BROWSER = "BROWSER"


class AgentConnection(ProjectScopedModel):
    name = fields.CharField(max_length=200)
    kind = fields.CharEnumField(ConnectionKind, max_length=16)
    #: The kind's validated configuration (see assay.connections.config); never secrets.
    config: Any = fields.JSONField(default=dict)
    #: How many conversations may run against this agent at once.
    concurrency = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "agent_connections"
        unique_together = (("project", "name"),)


class ConnectionCredential(ProjectScopedModel):
    """One sealed secret of a connection (AES-GCM, bound to org, table, row and field)."""

    connection: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.AgentConnection", related_name=False, on_delete=fields.CASCADE
    )
    connection_id: Any
    name = fields.CharField(max_length=100)
    ciphertext = fields.BinaryField()
    nonce = fields.BinaryField()
    key_version = fields.IntField()
    #: A short, non-secret reminder such as "…a1b2".
    hint = fields.CharField(max_length=16)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "connection_credentials"
        unique_together = (("connection", "name"),)
