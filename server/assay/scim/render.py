"""Pieces every SCIM response shares: absolute locations, ``meta``, versions, list responses
and the ``attributes``/``excludedAttributes`` projection (RFC 7644 §3.4.2.5, §3.9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assay.scim import urns
from assay.scim.grammar import GrammarError, split_attribute

#: Where SCIM is mounted.
PREFIX = "/scim/v2"
#: Attributes every resource carries whatever the projection asks (RFC 7643 §3.1: "always").
ALWAYS = frozenset({"schemas", "id"})


@dataclass(frozen=True)
class Site:
    """The absolute base of resource locations: the configured public URL, never the Host
    header of a request."""

    base: str

    @classmethod
    def of(cls, public_url: str) -> Site:
        return cls(public_url.rstrip("/") + PREFIX)

    def location(self, endpoint: str, resource_id: object) -> str:
        return f"{self.base}/{endpoint}/{resource_id}"


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def version_tag(version: int) -> str:
    """A resource version as ``meta.version`` and the ETag header show it (a weak tag)."""
    return f'W/"{version}"'


def meta(resource_type: str, location: str, *, created: datetime | None = None,
         modified: datetime | None = None, version: int | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"resourceType": resource_type}
    if created is not None:
        found["created"] = timestamp(created)
    if modified is not None:
        found["lastModified"] = timestamp(modified)
    found["location"] = location
    if version is not None:
        found["version"] = version_tag(version)
    return found


def list_response(resources: list[dict[str, Any]], total: int, start: int) -> dict[str, Any]:
    return {"schemas": [urns.LIST_RESPONSE], "totalResults": total, "startIndex": start,
            "itemsPerPage": len(resources), "Resources": resources}


@dataclass(frozen=True)
class Projection:
    """Which top-level attributes a response carries; names are lower-cased."""

    only: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()

    @classmethod
    def of(cls, attributes: str | None, excluded: str | None) -> Projection:
        return cls(None if not attributes else _names(attributes), _names(excluded or ""))

    def keeps(self, name: str) -> bool:
        lowered = name.lower()
        if lowered in ALWAYS:
            return True
        if self.only is not None:
            return lowered in self.only
        return lowered not in self.excluded

    def apply(self, resource: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in resource.items() if self.keeps(k)}


def _names(text: str) -> frozenset[str]:
    """Top-level attribute names of a comma-separated list (``name.givenName`` -> ``name``);
    names that do not parse are left out (they select nothing)."""
    found: set[str] = set()
    for item in text.split(","):
        try:
            name, _ = split_attribute(item.strip())
        except GrammarError:
            continue
        found.add(name.lower())
    return frozenset(found)
