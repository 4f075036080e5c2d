"""Where the database and Redis are: configured services, or the embedded default.

With no DATABASE_URL, an embedded PostgreSQL runs under the data directory; with no
REDIS_URL, an embedded Redis does. Both are real servers from pip wheels.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assay.db import embedded
from assay.db.config import DatabaseUrl
from assay.settings import Settings, SettingsError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Databases:
    #: The runtime role (subject to row-level security).
    app: DatabaseUrl
    #: The owner role (migrations, maintenance); None when not configured.
    owner: DatabaseUrl | None
    embedded: bool


def databases(settings: Settings) -> Databases:
    if settings.database_url is None:
        owner = embedded.start_postgres(settings.data_dir)
        return Databases(app=owner.with_user(settings.database_app_role), owner=owner,
                         embedded=True)
    app = DatabaseUrl.parse(settings.database_url.reveal())
    configured_owner = settings.database_owner_url
    return Databases(
        app=app,
        owner=DatabaseUrl.parse(configured_owner.reveal()) if configured_owner else None,
        embedded=False,
    )


def require_owner(dbs: Databases) -> DatabaseUrl:
    if dbs.owner is None:
        raise SettingsError(
            "this command needs the database owner: set DATABASE_OWNER_URL to a role that owns "
            "the tables and is superuser or BYPASSRLS"
        )
    return dbs.owner


def redis_url(settings: Settings) -> str:
    if settings.redis_url is not None:
        return settings.redis_url.reveal()
    return embedded.start_redis(settings.data_dir)
