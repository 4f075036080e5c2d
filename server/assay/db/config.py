"""Tortoise configuration built from database URLs.

``MODEL_MODULES`` lists every module with models: aerich and the application both read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

MODEL_MODULES = [
    "assay.organizations.models",
    "assay.auth.models",
    "assay.projects.models",
    "assay.testing.models",
    "assay.connections.models",
    "assay.crypto.models",
    "assay.audit.models",
    "assay.runs.models",
    "assay.judging.models",
    "assay.evaluations.models",
    "assay.reports.models",
    "assay.webhooks.models",
    "assay.scim.models",
]


@dataclass(frozen=True)
class DatabaseUrl:
    """A parsed ``postgresql://user:password@host:port/database?host=/socket/dir`` URL."""

    user: str
    password: str
    host: str
    port: int
    database: str

    @classmethod
    def parse(cls, url: str) -> DatabaseUrl:
        parts = urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql"):
            raise ValueError(f"database URL must start with postgresql://, got {parts.scheme}://")
        query = parse_qs(parts.query)
        host = query.get("host", [parts.hostname or "127.0.0.1"])[0]
        return cls(
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password or ""),
            host=host,
            port=int(query.get("port", [parts.port or 5432])[0]),
            database=(parts.path or "/postgres").lstrip("/") or "postgres",
        )

    def with_user(self, user: str, password: str = "") -> DatabaseUrl:
        return DatabaseUrl(user, password, self.host, self.port, self.database)

    def with_database(self, database: str) -> DatabaseUrl:
        return DatabaseUrl(self.user, self.password, self.host, self.port, database)

    def credentials(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "database": self.database,
        }


async def keep_session_on_release(connection: Any) -> None:
    """What the pool does to a connection handed back, after asyncpg rolled back any open
    transaction (it always does): nothing more.

    asyncpg's default reset (RESET ALL, UNLISTEN *, CLOSE ALL, releasing advisory locks) is a
    round trip per transaction, a tenth of a run case's database time. Assay keeps no session
    state to undo: the tenant scope is set with ``set_config(..., true)`` (transaction-local),
    advisory locks are transaction-level, and nothing LISTENs or keeps a cursor open.
    ``tests/db/test_pool_release.py`` checks that no scope survives a release.
    """


def tortoise_config(url: DatabaseUrl, *, pool_max: int = 20) -> dict[str, Any]:
    return {
        "connections": {
            "default": {
                "engine": "tortoise.backends.asyncpg",
                "credentials": {**url.credentials(), "minsize": 1, "maxsize": pool_max,
                                "reset": keep_session_on_release},
            }
        },
        "apps": {
            "models": {"models": [*MODEL_MODULES, "aerich.models"], "default_connection": "default"}
        },
        "use_tz": True,
        "timezone": "UTC",
    }


#: What `aerich` reads for offline migration generation (no database is contacted).
AERICH_CONFIG = tortoise_config(DatabaseUrl.parse("postgresql://postgres@127.0.0.1/assay"))
