"""The route table's entries: path, method, declared access, handler and OpenAPI facts.

Every route declares the permission it needs, or says why it is public; assay.rest.api
enforces it before the handler runs, and assay.rest.openapi documents it from the same entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from starlette.routing import compile_path

from assay.auth.permissions import Permission
from assay.rest.call import Handler

#: Where the REST API is mounted.
PREFIX = "/api/v1"


@dataclass(frozen=True)
class Success:
    """A documented successful answer: its description, body schema and extra headers."""

    description: str
    schema: str
    headers: tuple[str, ...] = ()
    #: A file in one of these media types instead of a JSON body of ``schema``.
    media_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """What the OpenAPI document says about a route."""

    operation_id: str
    summary: str
    description: str
    successes: Mapping[int, Success]
    #: Parameter component names (path, query, header).
    parameters: tuple[str, ...] = ()
    #: Schema component name of the JSON body, if the route takes one.
    body: str | None = None
    #: Expected refusals of this route by status: the codes each may carry.
    refusals: Mapping[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class RestRoute:
    method: str
    #: Starlette-style template, relative to the mount ("/runs/{run_id}").
    path: str
    handler: Handler
    operation: Operation
    #: What the caller needs; None only with a public_reason.
    permission: Permission | None
    public_reason: str = ""
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if (self.permission is None) == (not self.public_reason):
            raise ValueError(f"{self.method} {self.path}: give a permission or a public reason")
        object.__setattr__(self, "regex", compile_path(self.path)[0])

    @property
    def takes_body(self) -> bool:
        return self.operation.body is not None


@dataclass(frozen=True)
class Match:
    route: RestRoute | None
    params: dict[str, str]
    #: Methods the path answers to (for 405's Allow header); empty when no path matched.
    allowed: tuple[str, ...]


def match(routes: Sequence[RestRoute], method: str, path: str) -> Match:
    allowed: list[str] = []
    for route in routes:
        found = route.regex.match(path)
        if found is None:
            continue
        if route.method == method:
            return Match(route, found.groupdict(), ())
        allowed.append(route.method)
    return Match(None, {}, tuple(allowed))
