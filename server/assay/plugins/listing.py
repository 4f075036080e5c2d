"""Every plugin of the four groups, loaded or rejected, for `assay plugins list` and the
admin ``plugins`` query.

It reads the registries the server itself uses (each loaded once per process), so the
listing shows exactly what this process runs with, and it never raises because of a plugin.
"""

from __future__ import annotations

from assay.connectors.registry import connectors
from assay.plugins.registry import evaluators, judges, pii_detectors
from assay_sdk.registry import PluginStatus

#: The order kinds are listed in.
KIND_ORDER = ("evaluator", "pii_detector", "judge", "connector")


def plugins() -> list[PluginStatus]:
    """Every plugin, by kind (evaluators, PII detectors, judges, connectors), then name."""
    rows = [*evaluators().describe(), *pii_detectors().describe(), *judges().describe(),
            *connectors().describe()]
    return sorted(rows, key=lambda row: (KIND_ORDER.index(row.kind), row.name))
