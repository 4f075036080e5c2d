"""One REST request as a handler sees it, and what a handler answers.

Handlers get the caller, the path parameters and the parsed JSON body, never the raw ASGI
scope; they run inside the request's tenant transaction (see assay.rest.api).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from assay.auth.principal import Principal
from assay.rest.errors import invalid_input
from assay.settings import Settings


@dataclass(frozen=True)
class RestCall:
    request: Request
    settings: Settings
    principal: Principal | None
    #: Path parameters by name, as sent (ids are parsed by the handler).
    params: Mapping[str, str]
    #: The parsed JSON body; None when the route takes none.
    body: Any = None
    #: Steps to take once the request's transaction has committed (never if it rolls back).
    committed: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def after_commit(self, step: Callable[[], Awaitable[None]]) -> None:
        self.committed.append(step)

    def header(self, name: str) -> str | None:
        return self.request.headers.get(name)

    def body_object(self) -> dict[str, Any]:
        """The body, which must be a JSON object (an empty body counts as ``{}``)."""
        if self.body is None:
            return {}
        if not isinstance(self.body, dict):
            raise invalid_input("body", "send a JSON object, e.g. {\"connection_id\": \"...\"}")
        return self.body


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    #: A file rather than JSON: made by ``render`` once the request's transaction has
    #: committed (a slow renderer, like the PDF's, holds no database connection), sent with
    #: ``media_type``.
    render: Callable[[], Awaitable[bytes]] | None = None
    media_type: str = "application/octet-stream"


Handler = Callable[[RestCall], Awaitable[Reply]]
