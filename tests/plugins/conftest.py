"""The example plugin package, installed for real (pip, into a private target directory)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server_process import REPO

EXAMPLES = REPO / "plugins" / "examples"
EXAMPLE_DISTRIBUTION = "assay-example-evaluators 0.1.0"


@pytest.fixture(scope="session")
def example_target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the installed example package (put it on sys.path or PYTHONPATH).

    pip builds from a copy, so the build leaves nothing in the repository; it never looks
    at an index.
    """
    source = tmp_path_factory.mktemp("example-source") / "examples"
    shutil.copytree(EXAMPLES, source, ignore=shutil.ignore_patterns(
        "build", "*.egg-info", "__pycache__"))
    target = tmp_path_factory.mktemp("example-target")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert done.returncode == 0, done.stderr
    return target


def plugin_env(tmp_path: Path, *paths: Path) -> dict[str, str]:
    """The environment of an `assay` or `pytest` subprocess that also sees ``paths``."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in paths),
            "ASSAY_DATA_DIR": str(tmp_path / "data"), "ASSAY_LOG_LEVEL": "ERROR"}


def run(*args: str, env: dict[str, str], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=300)
