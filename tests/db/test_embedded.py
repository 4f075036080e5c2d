"""The embedded default: real PostgreSQL and Redis servers started from pip wheels."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import redis

from assay.db.embedded import start_postgres, start_redis


async def test_embedded_postgres_starts_and_has_the_assay_database(tmp_path: Path) -> None:
    url = start_postgres(tmp_path)

    conn = await asyncpg.connect(**url.credentials())
    try:
        database, version = await conn.fetchrow("SELECT current_database(), version()")
    finally:
        await conn.close()

    assert url.database == "assay"
    assert database == "assay"
    assert version.startswith("PostgreSQL ")
    assert start_postgres(tmp_path) == url  # a second start reuses the running server


def test_embedded_redis_answers_on_a_unix_socket(tmp_path: Path) -> None:
    url = start_redis(tmp_path)

    client = redis.Redis.from_url(url)
    client.set("assay:probe", "ok")

    assert url.startswith("unix://")
    assert client.get("assay:probe") == b"ok"
