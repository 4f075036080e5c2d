"""One SCIM request as the endpoints see it, and their replies: bodies, versions, projections."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from assay.http_guards import BodyTooLarge
from assay.scim import urns
from assay.scim.errors import ScimError, invalid_syntax
from assay.scim.paging import Page
from assay.scim.render import Projection, Site, version_tag

_JSON_TYPES = (urns.MEDIA_TYPE, "application/json")


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class ScimCall:
    request: Request
    site: Site
    params: dict[str, str]
    max_body_bytes: int

    def query(self, name: str) -> str | None:
        """A query parameter; SCIM's names are case-insensitive."""
        return next((v for k, v in self.request.query_params.items()
                     if k.lower() == name.lower()), None)

    @property
    def page(self) -> Page:
        return Page.of(self.query("startIndex"), self.query("count"))

    @property
    def projection(self) -> Projection:
        return Projection.of(self.query("attributes"), self.query("excludedAttributes"))

    async def body(self) -> dict[str, Any]:
        """The JSON object the request carries, or the SCIM error that says what to send."""
        try:
            raw = await self.request.body()
        except BodyTooLarge:
            raise ScimError(413, f"the request body is over the {self.max_body_bytes}-byte "
                            "limit: send fewer members per request") from None
        media_type = self.request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in _JSON_TYPES:
            raise ScimError(415, f"send the body as JSON with 'Content-Type: {urns.MEDIA_TYPE}'")
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, ValueError):
            raise invalid_syntax("the body is not valid JSON: send a JSON object") from None
        if not isinstance(body, dict):
            raise invalid_syntax("the body must be a JSON object")
        return body

    def check_version(self, version: int) -> None:
        """Honour If-Match (RFC 7644 §3.14): a write to a changed resource is refused (412)."""
        header = self.request.headers.get("if-match")
        if header is None:
            return
        tags = {tag.strip() for tag in header.split(",")}
        if "*" in tags or any(_opaque(tag) == str(version) for tag in tags):
            return
        raise ScimError(412, f"the resource is now at version {version_tag(version)}, not "
                        f"{header}: GET it again and retry with its meta.version in If-Match")

    def unchanged(self, version: int) -> bool:
        """Whether If-None-Match names the current version (the client's copy is current)."""
        header = self.request.headers.get("if-none-match")
        return header is not None and any(
            tag.strip() == "*" or _opaque(tag) == str(version) for tag in header.split(","))


def _opaque(tag: str) -> str:
    """The opaque part of an entity tag: ``W/"3"`` and ``"3"`` are both ``3`` (weak match)."""
    tag = tag.strip()
    if tag.startswith("W/"):
        tag = tag[2:]
    return tag.strip('"')


def resource_reply(resource: dict[str, Any], version: int, *, status: int = 200,
                   projection: Projection | None = None) -> Reply:
    headers = {"ETag": version_tag(version)}
    if status == 201:
        headers["Location"] = resource["meta"]["location"]
    body = projection.apply(resource) if projection is not None else resource
    return Reply(status, body, headers)


Handler = Callable[[ScimCall], Awaitable[Reply]]
