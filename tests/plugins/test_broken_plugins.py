"""A broken or incompatible plugin installed beside the built-ins never stops the server:
the schema builds, and the listing says what is wrong with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assay.graphql.schema import build_schema
from assay.plugins import listing, registry
from assay.settings import Settings
from assay_sdk.registry import PluginStatus
from tests.plugins.fakes import on_path, write_distribution

FUTURE = '''
from assay_sdk import LLMEvaluator


class Future(LLMEvaluator):
    name = "acme_future"
    version = "3.0.0"
    api_version = 99
    title = "From the future"
    description = "Targets an SDK this host does not speak."
    rubric = "1.0: good."
'''


@pytest.fixture
def broken_installed(tmp_path: Path) -> Iterator[None]:
    write_distribution(
        tmp_path, name="acme-broken", version="0.3.0", package="acme_broken",
        modules={"__init__.py": "", "crash.py": "raise ImportError('needs acme-core>=2')\n",
                 "future.py": FUTURE},
        entry_points={
            "assay.evaluators": {"acme_crash": "acme_broken.crash:Crash",
                                 "acme_future": "acme_broken.future:Future"},
            "assay.pii_detectors": {"acme_id": "acme_broken.crash:Detector"},
        })
    with on_path(tmp_path, "acme_broken"):
        registry.evaluators.cache_clear()
        registry.pii_detectors.cache_clear()
        yield
    registry.evaluators.cache_clear()
    registry.pii_detectors.cache_clear()


def test_the_server_builds_and_lists_the_broken_plugins(broken_installed: None) -> None:
    schema = build_schema(Settings(environment="test"))

    rows = [row for row in listing.plugins() if row.distribution == "acme-broken 0.3.0"]

    assert "plugins" in schema.as_str()
    assert rows == [
        PluginStatus("evaluator", "acme_crash", None, "acme-broken 0.3.0", "REJECTED",
                     "it failed to load: ImportError: needs acme-core>=2",
                     "acme_broken.crash:Crash"),
        PluginStatus("evaluator", "acme_future", "3.0.0", "acme-broken 0.3.0", "REJECTED",
                     "it targets SDK API version 99, this host speaks 1",
                     "acme_broken.future:Future"),
        PluginStatus("pii_detector", "acme_id", None, "acme-broken 0.3.0", "REJECTED",
                     "it failed to load: ImportError: needs acme-core>=2",
                     "acme_broken.crash:Detector"),
    ]
    assert "relevance" in {row.name for row in listing.plugins() if row.kind == "evaluator"}
