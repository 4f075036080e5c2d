"""Sealed connection credentials: store, replace and open them; the only door to their values."""

from __future__ import annotations

import logging
import uuid

from assay.connections.models import AgentConnection, ConnectionCredential
from assay.crypto import envelope
from assay.crypto.keys import KeyError_
from assay.errors import DomainError
from assay.ids import new_id

log = logging.getLogger("assay.connections")

TABLE = "connection_credentials"
FIELD = "value"


class CredentialUnreadable(DomainError):
    """A stored credential does not open here (moved, altered, or its key is gone)."""

    code = "CREDENTIAL_UNREADABLE"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(
            f"the credential '{name}' of this connection cannot be opened ({reason}): "
            "set it again with rotateConnectionCredential"
        )
        self.name = name


def binding(row_id: uuid.UUID) -> envelope.Binding:
    """Where a credential value lives: its row of connection_credentials."""
    return envelope.Binding(TABLE, row_id, FIELD)


async def add(connection: AgentConnection, name: str, value: str) -> ConnectionCredential:
    """Seal ``value`` for a new credential row of ``connection``."""
    row_id = new_id()
    sealed = await envelope.seal(value, binding(row_id))
    return await ConnectionCredential.create(
        id=row_id,
        connection_id=connection.id,
        project_id=connection.project_id,
        name=name,
        ciphertext=sealed.ciphertext,
        nonce=sealed.nonce,
        key_version=sealed.key_version,
        hint=envelope.hint(value),
    )


async def replace(credential: ConnectionCredential, value: str) -> ConnectionCredential:
    """Seal a new ``value`` into an existing credential row (same row, new nonce)."""
    sealed = await envelope.seal(value, binding(credential.id))
    credential.ciphertext = sealed.ciphertext
    credential.nonce = sealed.nonce
    credential.key_version = sealed.key_version
    credential.hint = envelope.hint(value)
    await credential.save(
        update_fields=["ciphertext", "nonce", "key_version", "hint", "updated_at"]
    )
    return credential


async def open_value(credential: ConnectionCredential) -> str:
    """The plaintext of one credential, or CredentialUnreadable (the value is never logged)."""
    sealed = envelope.Sealed(
        ciphertext=bytes(credential.ciphertext),
        nonce=bytes(credential.nonce),
        key_version=credential.key_version,
    )
    try:
        return await envelope.open_sealed(sealed, binding(credential.id))
    except (envelope.SealedValueError, KeyError_) as exc:
        reason = str(exc)
        log.warning("credential %r of connection %s does not open: %s", credential.name,
                    credential.connection_id, reason)
        raise CredentialUnreadable(credential.name, reason) from None


async def names_of(connection_id: uuid.UUID) -> set[str]:
    rows = await ConnectionCredential.filter(connection_id=connection_id).values_list(
        "name", flat=True
    )
    return {str(name) for name in rows}
