"""Schema directives that document access rules in schema.graphql."""

from __future__ import annotations

import strawberry
from strawberry.schema_directive import Location


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="The caller needs this permission (see assay.auth.permissions).",
)
class RequiresPermission:
    permission: str


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="Anyone may call this field, signed in or not.",
)
class Public:
    reason: str
