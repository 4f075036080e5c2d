"""`assay report`: the CLI as a process against a real `assay serve`."""

from __future__ import annotations

import asyncio
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assay.db.config import DatabaseUrl
from tests.reports.conftest import Evaluated
from tests.server_process import environment, run_assay
from tests.server_process import serving as assay_serving
from tests.support import gid


@pytest.fixture(scope="module")
async def server(database: dict[str, DatabaseUrl],
                 tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[str, dict]]:
    env = environment(database, tmp_path_factory.mktemp("report-cli"))
    async with assay_serving(env) as client:
        cli_env = {k: v for k, v in env.items()
                   if k not in ("DATABASE_URL", "DATABASE_OWNER_URL", "REDIS_URL")}
        yield str(client.base_url), cli_env


async def _report(server: tuple[str, dict], evaluated: Evaluated,
                  *args: str) -> subprocess.CompletedProcess[str]:
    url, env = server
    return await asyncio.to_thread(
        run_assay, "report", "--server", url, *args,
        env={**env, "ASSAY_API_KEY": evaluated.world.org.api_key})


async def test_a_run_s_junit_report_is_written_and_check_gates_on_the_threshold(
        server: tuple[str, dict], evaluated: Evaluated, tmp_path: Path) -> None:
    output = tmp_path / "report.xml"
    done = await _report(server, evaluated, "--run", gid("Run", evaluated.current_run),
                         "--baseline", gid("Evaluation", evaluated.baseline),
                         "--title", "Week 23", "--format", "junit", "--output", str(output),
                         "--check")
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert re.fullmatch(r"report \S+: 3/6 cases passed \(pass rate 50\.0%, threshold 80%\)",
                        lines[0]), lines
    assert lines[1:] == ["assay report: the pass rate is below the report's threshold"]
    root = ET.fromstring(output.read_text("utf-8"))
    assert (root.tag, root.get("name"), root.get("tests"), root.get("failures"),
            root.get("errors")) == ("testsuites", "Week 23", "6", "2", "1")
    report_id = lines[0].split()[1].rstrip(":")

    csv_out = await _report(server, evaluated, "--report", report_id, "--format", "csv",
                            "--output", "-", "--check")
    assert csv_out.returncode == 1, csv_out.stderr
    assert csv_out.stdout.splitlines()[0].startswith("evaluation_id,run_id,test_case_id,")
    assert len(csv_out.stdout.splitlines()) == 1 + 12
    lenient = await _report(server, evaluated, "--run", gid("Run", evaluated.current_run),
                            "--threshold", "0.5", "--format", "json",
                            "--output", str(tmp_path / "r.json"), "--check")
    assert lenient.returncode == 0, lenient.stderr
    assert '"meets_threshold": true' in (tmp_path / "r.json").read_text("utf-8")


async def test_refusals_exit_2_with_what_to_fix(server: tuple[str, dict],
                                                evaluated: Evaluated, tmp_path: Path) -> None:
    output = str(tmp_path / "out.json")
    unknown = await _report(server, evaluated, "--run", gid("Run", evaluated.world.plan_id),
                            "--output", output)
    assert unknown.returncode == 2
    assert re.fullmatch(r"assay report: the server refused: Run not found: check the id, and "
                        r"that you have access to it \(RUN_NOT_FOUND, HTTP 404, request "
                        r"[0-9a-f]+\)\n", unknown.stderr), unknown.stderr
    mixed = await _report(server, evaluated, "--report", "x", "--title", "T",
                          "--output", output)
    assert (mixed.returncode, mixed.stderr) == (2, "assay report: --title apply when making a "
                                                "report with --run; a --report is already "
                                                "made\n")
    missing = await _report(server, evaluated, "--report", gid("Report", evaluated.current),
                            "--format", "pdf", "--output", output)
    assert missing.returncode == 2
    assert "(REPORT_NOT_FOUND, HTTP 404" in missing.stderr
    assert not Path(output).exists()
