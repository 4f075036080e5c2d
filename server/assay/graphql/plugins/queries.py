"""plugins: every installed plugin with its version, distribution and status (admins)."""

from __future__ import annotations

import strawberry

from assay.auth.permissions import Permission
from assay.graphql.permissions import guarded_field
from assay.graphql.plugins.types import PluginKind, PluginLoadStatus, PluginType
from assay.plugins.listing import plugins


@strawberry.type
class PluginsQuery:
    @guarded_field(
        Permission.PLUGIN_READ,
        description="Every installed evaluator, PII detector, judge and connector, by kind "
        "then name, loaded or rejected (with the reason); optionally only one kind or status.",
    )
    def plugins(self, kind: PluginKind | None = None,
                status: PluginLoadStatus | None = None) -> list[PluginType]:
        return [PluginType.from_status(row) for row in plugins()
                if (kind is None or row.kind == kind.value)
                and (status is None or row.status == status.value)]
