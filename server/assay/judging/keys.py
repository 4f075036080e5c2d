"""Judge API keys, sealed: the only door to their values.

A key is sealed with the organization's data key (assay.crypto.envelope) and bound to its
row of judge_configurations and to the field ``api_key``: a ciphertext copied to another
row or organization does not open. Only a short hint ("…wxyz") is ever shown.
"""

from __future__ import annotations

import logging
import uuid

from assay.crypto import envelope
from assay.crypto.keys import KeyError_
from assay.judging.models import JudgeConfiguration

log = logging.getLogger("assay.judging")

TABLE = "judge_configurations"
FIELD = "api_key"


class KeyUnreadable(Exception):
    """A stored key does not open here (moved, altered, or its data key is gone)."""


def binding(row_id: uuid.UUID) -> envelope.Binding:
    return envelope.Binding(TABLE, row_id, FIELD)


async def seal_into(configuration: JudgeConfiguration, api_key: str | None) -> None:
    """Put ``api_key`` (sealed) on the unsaved or saved row; None makes it keyless."""
    if api_key is None:
        configuration.key_ciphertext = None
        configuration.key_nonce = None
        configuration.key_version = None
        configuration.key_hint = ""
        return
    sealed = await envelope.seal(api_key, binding(configuration.id))
    configuration.key_ciphertext = sealed.ciphertext
    configuration.key_nonce = sealed.nonce
    configuration.key_version = sealed.key_version
    configuration.key_hint = envelope.hint(api_key)


async def open_key(configuration: JudgeConfiguration) -> str | None:
    """The plaintext key (None when keyless). Raises KeyUnreadable; never logs the value."""
    if configuration.key_ciphertext is None:
        return None
    sealed = envelope.Sealed(
        ciphertext=bytes(configuration.key_ciphertext),
        nonce=bytes(configuration.key_nonce),
        key_version=int(configuration.key_version or 0),
    )
    try:
        return await envelope.open_sealed(sealed, binding(configuration.id))
    except (envelope.SealedValueError, KeyError_) as exc:
        log.warning("the API key of judge configuration %s does not open: %s",
                    configuration.id, exc)
        raise KeyUnreadable(str(exc)) from None
