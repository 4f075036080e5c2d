"""A stored HTTP connection config, read once into what the http connector needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assay.connectors.http_redaction import ALWAYS_SECRET
from assay_sdk.connectors import ConnectorError


def config_error(message: str) -> ConnectorError:
    """A CONFIGURATION error: the connection must be fixed before a run can use it."""
    return ConnectorError("CONFIGURATION", message)


@dataclass(frozen=True)
class HttpTarget:
    """A validated HTTP connection config (``assay.connections.http_config``), read once."""

    url: str
    method: str
    response_path: str
    auth_type: str = "NONE"
    auth_header: str | None = None
    query_param: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    secret_headers: tuple[str, ...] = ()
    body_template: str | None = None
    session_id_path: str | None = None
    timeout_seconds: float = 30.0

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> HttpTarget:
        """Raises ConnectorError CONFIGURATION when a required key is missing."""
        try:
            auth = config.get("auth") or {}
            return cls(
                url=str(config["url"]), method=str(config.get("method") or "POST").upper(),
                response_path=str(config["response_path"]),
                auth_type=str(auth.get("type") or "NONE"), auth_header=auth.get("header_name"),
                query_param=auth.get("query_param"),
                headers=tuple((h["name"], h["value"]) for h in config.get("headers") or ()),
                secret_headers=tuple(config.get("secret_headers") or ()),
                body_template=config.get("body_template"),
                session_id_path=config.get("session_id_path"),
                timeout_seconds=float(config.get("timeout_seconds") or 30),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise config_error(f"the HTTP connection's configuration is incomplete ({exc!r}):"
                               " save the connection again to validate it") from None

    def required_credentials(self) -> list[str]:
        """The credential names this target sends: 'auth' and 'header:<Name>'."""
        names = [f"header:{name}" for name in self.secret_headers]
        return ["auth", *names] if self.auth_type != "NONE" else names

    def secret_header_names(self) -> frozenset[str]:
        """The headers (lower case) whose values are never recorded."""
        names = {name.lower() for name in self.secret_headers} | ALWAYS_SECRET
        if self.auth_type == "API_KEY_HEADER" and self.auth_header:
            names.add(self.auth_header.lower())
        return frozenset(names)
