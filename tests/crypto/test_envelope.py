"""Sealing: fresh nonces, bindings that refuse moved ciphertexts, no plaintext in the output."""

from __future__ import annotations

import pytest

from assay.crypto import envelope
from assay.db.transactions import tenant_transaction
from assay.ids import new_id
from tests.support import make_org

VALUE = "the-same-secret-value"


async def test_a_thousand_seals_of_one_value_use_a_thousand_nonces(database: object) -> None:
    org = await make_org()
    binding = envelope.Binding("connection_credentials", new_id(), "value")

    async with tenant_transaction(org.id):
        sealed = [await envelope.seal(VALUE, binding) for _ in range(1000)]
        opened = {await envelope.open_sealed(s, binding) for s in sealed[:10]}

    assert len({s.nonce for s in sealed}) == 1000
    assert len({s.ciphertext for s in sealed}) == 1000
    assert {len(s.nonce) for s in sealed} == {12}
    assert not any(VALUE.encode() in s.ciphertext for s in sealed)
    assert opened == {VALUE}


@pytest.mark.parametrize(
    "moved",
    [
        envelope.Binding("connection_credentials", new_id(), "value"),
        envelope.Binding("judges", new_id(), "value"),
        envelope.Binding("connection_credentials", new_id(), "other"),
    ],
)
async def test_a_value_does_not_open_under_another_binding(
    database: object, moved: envelope.Binding
) -> None:
    org = await make_org()
    here = envelope.Binding("connection_credentials", new_id(), "value")

    async with tenant_transaction(org.id):
        sealed = await envelope.seal(VALUE, here)
        with pytest.raises(envelope.SealedValueError) as caught:
            await envelope.open_sealed(sealed, moved)

    assert str(caught.value) == "the sealed value does not belong here or was altered"


async def test_a_value_does_not_open_in_another_organization(database: object) -> None:
    org, other = await make_org(), await make_org("Other")
    binding = envelope.Binding("connection_credentials", new_id(), "value")
    async with tenant_transaction(org.id):
        sealed = await envelope.seal(VALUE, binding)

    with pytest.raises(envelope.SealedValueError):
        async with tenant_transaction(other.id):
            await envelope.open_sealed(sealed, binding)


async def test_hint_reveals_at_most_four_characters() -> None:
    assert envelope.hint("sk-0123456789abcd") == "…abcd"
    assert envelope.hint("short-value") == "…"
