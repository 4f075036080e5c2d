"""KEK rotation: rewrap every organization's data keys under the ring's current key-encryption key.

Run it with Tortoise connected as the database owner (``assay keys rotate-kek``). Every tenant
table forces row-level security, so that role must be a superuser or have BYPASSRLS to list
all organizations; :func:`rotate_kek` checks this first and refuses otherwise, rather than
silently rotating nobody. Each organization is rewrapped in its own tenant transaction, so an
interrupted rotation keeps what it finished and a second run skips data keys already under
the current KEK. Sealed values are never touched: only the wrapped data keys change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from tortoise import connections

from assay.audit import service as audit
from assay.crypto import envelope, user_envelope
from assay.crypto.keys import KekRing, KeyError_
from assay.db.transactions import tenant_transaction
from assay.organizations.models import Organization

_CAN_BYPASS = (
    "SELECT rolname, rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user"
)


class RotationError(RuntimeError):
    """The rotation cannot proceed; the message says why and what to do."""


@dataclass(frozen=True)
class RotationReport:
    #: The KEK every data key is wrapped under now.
    kek_id: str
    #: Organizations visited.
    organizations: int
    #: Data keys rewrapped (those already under the current KEK are skipped).
    data_keys_rewrapped: int
    #: Users' own data keys rewrapped (they seal TOTP secrets).
    user_data_keys_rewrapped: int = 0


async def rotate_kek(ring: KekRing) -> RotationReport:
    """Rewrap the data keys of every organization under ``ring.current_id``."""
    await _require_bypass()
    org_ids: list[uuid.UUID] = list(
        await Organization.all().order_by("id").values_list("id", flat=True)  # type: ignore[arg-type]
    )
    rewrapped = 0
    for org_id in org_ids:
        rewrapped += await _rotate_org(ring, org_id)
    try:
        users = await user_envelope.rewrap_all(ring)
    except (KeyError_, InvalidTag) as exc:
        raise RotationError(f"a user data key does not unwrap ({exc or 'wrong key material'}):"
                            " check ASSAY_KEK, then run the rotation again") from None
    return RotationReport(ring.current_id, len(org_ids), rewrapped, users)


async def _require_bypass() -> None:
    rows = await connections.get("default").execute_query_dict(_CAN_BYPASS)
    if not rows or not rows[0]["bypass"]:
        role = rows[0]["rolname"] if rows else "?"
        raise RotationError(
            f"database role {role!r} is subject to row-level security and cannot see every "
            "organization: run the rotation with the owner URL of a superuser or of a role "
            "with BYPASSRLS (ALTER ROLE ... BYPASSRLS)"
        )


async def _rotate_org(ring: KekRing, org_id: uuid.UUID) -> int:
    try:
        async with tenant_transaction(org_id):
            count = await envelope.rewrap_all(ring)
            if count:
                await audit.record(
                    "crypto.kek_rotate",
                    target_type="Organization",
                    target_id=org_id,
                    details={"kek_id": ring.current_id, "data_keys_rewrapped": count},
                )
    except KeyError_ as exc:
        raise RotationError(f"organization {org_id}: {exc}; organizations before it are "
                            "already rotated, run the rotation again") from None
    except InvalidTag:
        raise RotationError(
            f"organization {org_id}: a data key does not unwrap with the key-encryption key "
            "named in the database: ASSAY_KEK holds other key material under that id"
        ) from None
    return count
