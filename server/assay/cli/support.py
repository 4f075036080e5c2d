"""Shared helpers for CLI commands: database connections as the app or the owner."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise import Tortoise

from assay.crypto import envelope
from assay.crypto.keys import load_kek_ring
from assay.db import migrate
from assay.db.config import DatabaseUrl, tortoise_config
from assay.runtime import Databases, databases
from assay.settings import Settings


async def prepare(settings: Settings) -> Databases:
    """Resolve the databases; the embedded default is migrated automatically."""
    dbs = databases(settings)
    if dbs.embedded and dbs.owner is not None:
        await migrate.upgrade(dbs.owner, app_role=settings.database_app_role, app_password="")
    return dbs


@asynccontextmanager
async def connected(settings: Settings, url: DatabaseUrl) -> AsyncIterator[None]:
    envelope.configure(load_kek_ring(settings.kek, settings.data_dir))
    await Tortoise.init(config=tortoise_config(url, pool_max=5))
    try:
        yield
    finally:
        await Tortoise.close_connections()
