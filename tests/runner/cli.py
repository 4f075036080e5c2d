"""Running `assay run` as a real process, with plan files written for loopback agents."""

from __future__ import annotations

import asyncio
import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

from assay.db.config import DatabaseUrl
from tests.connectors.agents import Agent
from tests.server_process import environment, run_assay

#: The bearer token the plan files' connection reads from the environment.
TOKEN = "sk-plan-file-0123456789"
#: Redis database (of the session's Redis) for `assay run` processes: their in-process worker
#: must not take jobs other tests queue in database 0.
REDIS_DB = 7


def run_env(database: dict[str, DatabaseUrl], data_dir: Path, redis: str,
            **extra: str) -> dict[str, str]:
    env = environment(database, data_dir, REDIS_URL=f"{redis}?db={REDIS_DB}",
                      AGENT_TOKEN=TOKEN, **extra)
    env.pop("ASSAY_API_KEY", None)
    env.pop("ASSAY_ALLOW_PRIVATE_TARGETS", None)
    return env


async def assay_run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`assay run ARGS` in a thread, so loopback agents in this event loop can answer."""
    return await asyncio.to_thread(run_assay, "run", *args, env=env)


def http_connection(agent: Agent, path: str = "/chat", timeout: int = 5) -> str:
    return textwrap.dedent(f"""\
        connection:
          http:
            url: {agent.url(path)}
            method: POST
            body_template: '{{"messages": {{{{conversation}}}}}}'
            response_path: choices.0.message.content
            auth: {{type: BEARER}}
            timeout_seconds: {timeout}
          credentials:
            auth: {{env: AGENT_TOKEN}}
        """)


def write_plan(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text)
    return path


def read_json(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text())
    return document


def duration(milliseconds: float) -> str:
    """How the summary writes a duration."""
    return f"{milliseconds:.0f} ms" if milliseconds < 1000 else f"{milliseconds / 1000:.1f} s"


def elapsed(run: dict[str, Any]) -> str:
    """How the summary writes the run's wall time."""
    from datetime import datetime

    seconds = (datetime.fromisoformat(run["finished_at"])
               - datetime.fromisoformat(run["created_at"])).total_seconds()
    return f"{seconds:.1f} s"


def by_title(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {result["test_case"]["title"]: result for result in document["results"]}
