"""Webhook signing secrets, sealed: made here, shown once, and the only door to their values.

A secret is made by Assay (never chosen by a person, so it is long and random), sealed with
the organization's data key (assay.crypto.envelope) and bound to its row of
webhook_endpoints and to the field ``secret``: a ciphertext copied to another row or
organization does not open. Only a short hint ("…wxyz") is ever shown after creation.
"""

from __future__ import annotations

import logging
import secrets
import uuid

from assay.crypto import envelope
from assay.crypto.keys import KeyError_
from assay.webhooks.models import WebhookEndpoint

log = logging.getLogger("assay.webhooks")

TABLE = "webhook_endpoints"
FIELD = "secret"
PREFIX = "whsec_"
#: Random bytes in a secret (256 bits).
ENTROPY_BYTES = 32


class SecretUnreadable(Exception):
    """A stored secret does not open here (moved, altered, or its data key is gone)."""


def new_secret() -> str:
    """A fresh signing secret: ``whsec_`` and 43 URL-safe characters."""
    return PREFIX + secrets.token_urlsafe(ENTROPY_BYTES)


def binding(row_id: uuid.UUID) -> envelope.Binding:
    return envelope.Binding(TABLE, row_id, FIELD)


async def seal_into(endpoint: WebhookEndpoint, secret: str) -> None:
    """Put ``secret`` (sealed) and its hint on the endpoint (saved or not; id set)."""
    sealed = await envelope.seal(secret, binding(endpoint.id))
    endpoint.secret_ciphertext = sealed.ciphertext
    endpoint.secret_nonce = sealed.nonce
    endpoint.secret_version = sealed.key_version
    endpoint.secret_hint = envelope.hint(secret)


#: The columns :func:`seal_into` sets.
COLUMNS = ("secret_ciphertext", "secret_nonce", "secret_version", "secret_hint")


async def open_secret(endpoint: WebhookEndpoint) -> str:
    """The plaintext secret (in the organization in scope). Raises SecretUnreadable; never
    logs the value."""
    sealed = envelope.Sealed(ciphertext=bytes(endpoint.secret_ciphertext),
                             nonce=bytes(endpoint.secret_nonce),
                             key_version=int(endpoint.secret_version))
    try:
        return await envelope.open_sealed(sealed, binding(endpoint.id))
    except (envelope.SealedValueError, KeyError_) as exc:
        log.warning("the signing secret of webhook endpoint %s does not open: %s",
                    endpoint.id, exc)
        raise SecretUnreadable(str(exc)) from None
