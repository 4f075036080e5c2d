"""The Plugin type: one installed plugin, loaded or rejected, and why."""

from __future__ import annotations

from enum import Enum

import strawberry

from assay_sdk.registry import PluginStatus


@strawberry.enum(description="What a plugin extends.")
class PluginKind(Enum):
    EVALUATOR = "evaluator"
    PII_DETECTOR = "pii_detector"
    JUDGE = "judge"
    CONNECTOR = "connector"


@strawberry.enum(name="PluginStatus", description="Whether the server could use a plugin.")
class PluginLoadStatus(Enum):
    LOADED = "LOADED"
    REJECTED = "REJECTED"


@strawberry.type(name="Plugin", description="An installed plugin (found through its entry "
                 "point), whether it loaded, and if not, why. Plugins are the same for every "
                 "organization: they are what this server runs with.")
class PluginType:
    kind: PluginKind
    name: str = strawberry.field(description="The slug, equal to the entry point's name.")
    version: str | None = strawberry.field(
        description="The version it declares; null when it could not be read (it failed "
        "to import).")
    distribution: str = strawberry.field(
        description="The installed package that ships it and that package's version, e.g. "
        "\"assay 0.1.0\"; \"unknown\" when it cannot be told.")
    status: PluginLoadStatus
    reason: str | None = strawberry.field(
        description="Why it was rejected (import error, SDK API version, name, missing "
        "calibration data...); null when it loaded.")
    target: str = strawberry.field(description="The entry point's target, module:Class.")

    @classmethod
    def from_status(cls, row: PluginStatus) -> PluginType:
        return cls(kind=PluginKind(row.kind), name=row.name, version=row.version,
                   distribution=row.distribution, status=PluginLoadStatus(row.status),
                   reason=row.reason, target=row.target)
