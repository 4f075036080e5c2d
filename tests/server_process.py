"""Run `assay` commands as real processes against the test database."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from assay.db.config import DatabaseUrl
from tests.support import TEST_KEK

REPO = Path(__file__).resolve().parents[1]


def url_of(db: DatabaseUrl) -> str:
    return f"postgresql://{db.user}@localhost/{db.database}?host={db.host}&port={db.port}"


def environment(database: dict[str, DatabaseUrl], data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url_of(database["app"]),
        "DATABASE_OWNER_URL": url_of(database["owner"]),
        "ASSAY_KEK": TEST_KEK,
        "ASSAY_DATA_DIR": str(data_dir),
        "ASSAY_LOG_LEVEL": "WARNING",
        **extra,
    }


def run_assay(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``assay ARGS`` as an operator runs it: a separate process, output captured."""
    return subprocess.run([sys.executable, "-m", "assay.cli", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if server.poll() is not None:
            raise RuntimeError(f"assay serve exited with {server.returncode}")
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("assay serve did not answer /healthz within 15 s")


@asynccontextmanager
async def serving(env: dict[str, str], *, workers: int = 1) -> AsyncIterator[httpx.AsyncClient]:
    """A real `assay serve` process; yields a client bound to it, stops it afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assay.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=REPO,
    )
    try:
        limits = httpx.Limits(max_connections=50)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits
        ) as client:
            await wait_ready(client, server)
            yield client
    finally:
        server.terminate()
        server.wait(timeout=15)
