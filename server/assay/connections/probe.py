"""testConnection: send one message through a connection and report exactly what happened."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from assay.audit import service as audit
from assay.connections import service
from assay.connectors.network import NetworkPolicy
from assay.connectors.registry import connector_for
from assay.errors import invalid
from assay.settings import Settings
from assay_sdk import ConnectorContext, ConnectorError, Exchange

MAX_MESSAGE = 4000


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    reply: str | None
    latency_ms: float | None
    attempts: int
    request: dict[str, Any] = field(default_factory=dict)
    response: dict[str, Any] = field(default_factory=dict)
    error_code: str | None = None
    error_message: str | None = None


def _succeeded(exchange: Exchange) -> ProbeResult:
    return ProbeResult(ok=True, reply=exchange.reply, latency_ms=exchange.latency_ms,
                       attempts=exchange.attempts, request=dict(exchange.request),
                       response=dict(exchange.response))


def _failed(error: ConnectorError) -> ProbeResult:
    return ProbeResult(ok=False, reply=None, latency_ms=None, attempts=error.attempts,
                       request=error.request, response=error.response,
                       error_code=error.code, error_message=error.message)


async def probe(connection_id: uuid.UUID, message: str, settings: Settings) -> ProbeResult:
    """Send ``message`` once, in a new conversation; one audit event records the outcome."""
    if not message.strip() or len(message) > MAX_MESSAGE:
        raise invalid("message", f"give a message of 1 to {MAX_MESSAGE} characters")
    connection = await service.get_connection(connection_id)
    credentials = await service.unseal_credentials(connection)
    connector = connector_for(connection.kind)()
    await connector.start(ConnectorContext(
        guard=NetworkPolicy(allow_private=settings.allow_private_targets),
        browser_executable=settings.browser_executable,
    ))
    try:
        async with connector.conversation(connection.config, credentials) as conversation:
            result = _succeeded(await conversation.send(message))
    except ConnectorError as error:
        result = _failed(error)
    finally:
        await connector.stop()
    await audit.record("connection.test", target_type=service.TARGET, target_id=connection.id,
                       details={"ok": result.ok, "error_code": result.error_code,
                                "attempts": result.attempts})
    return result
