"""Schema migrations (aerich) plus the security guards derived from the models."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from aerich import Command
from tortoise import Tortoise, connections

from assay.db.config import DatabaseUrl, tortoise_config
from assay.db.security import apply_security, ensure_app_role

MIGRATIONS_DIR = Path(__file__).resolve().parents[3] / "migrations"


def _command(url: DatabaseUrl, location: Path) -> Command:
    return Command(tortoise_config=tortoise_config(url, pool_max=2), app="models",
                   location=str(location))


async def upgrade(
    owner_url: DatabaseUrl, *, app_role: str, app_password: str | None = None
) -> list[str]:
    """Apply pending migrations as the owner, then (re)apply grants, RLS and triggers.

    With ``app_password`` set, the runtime role is created when missing.
    """
    async with _command(owner_url, MIGRATIONS_DIR) as command:
        await command.init()
        applied = await command.upgrade(run_in_transaction=True)
        conn = connections.get("default")
        if app_password is not None:
            await ensure_app_role(conn, app_role, app_password)
        await apply_security(conn, app_role)
    await Tortoise.close_connections()
    return applied


async def _offline_migrate(location: Path, name: str) -> str | None:
    """Generate a migration from the last file's recorded model state; no database is used."""
    url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1/assay")
    command = _command(url, location)
    await Tortoise.init(config=command.tortoise_config)  # connections open lazily: none here
    try:
        if not (location / "models").exists():
            await command.init_migrations(safe=True)
            return "initial migration written"
        await command.init(offline=True)
        return await command.migrate(name=name, no_input=True, offline=True) or None
    finally:
        await Tortoise.close_connections()


async def make(name: str) -> str | None:
    """Write a migration for model changes since the last one."""
    return await _offline_migrate(MIGRATIONS_DIR, name)


async def pending_changes() -> str | None:
    """The migration the models would need now, or None when migrations are in sync."""
    with tempfile.TemporaryDirectory() as scratch:
        location = Path(scratch)
        shutil.copytree(MIGRATIONS_DIR, location, dirs_exist_ok=True)
        written = await _offline_migrate(location, "check")
        if written is None:
            return None
        return next(location.glob(f"models/*{written}*"), location).read_text()
