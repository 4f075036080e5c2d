"""The per-request context: who calls, from where, and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from assay.auth.principal import Principal
from assay.graphql.loaders import Loaders
from assay.settings import Settings


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    principal: Principal | None
    request_id: str
    ip: str
    settings: Settings
    loaders: Loaders = field(default_factory=Loaders)
    #: Written by the tenancy extension: whether the operation's transaction committed.
    extras: dict[str, Any] = field(default_factory=dict)
