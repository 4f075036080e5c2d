"""Plugins load from entry points; bad ones are reported with the reason, never fatal."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from assay_sdk import Connector
from assay_sdk.registry import Rejection, load

GROUP = "assay.test_connectors"
PLUGINS = '''
from assay_sdk import Connector, Conversation


class Good(Connector):
    name = "good"
    version = "1.2.0"
    kind = "HTTP"

    def conversation(self, config, credentials) -> Conversation:
        raise NotImplementedError


class Misnamed(Good):
    name = "something-else"


class Future(Good):
    name = "future"
    api_version = 99


class NotAConnector:
    name = "stranger"
'''


@pytest.fixture
def distribution(tmp_path: Path) -> Iterator[Path]:
    """A real installed distribution (dist-info on sys.path) declaring six entry points."""
    (tmp_path / "fake_connectors.py").write_text(PLUGINS)
    info = tmp_path / "fake_connectors-3.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-connectors\nVersion: 3.1\n")
    (info / "top_level.txt").write_text("fake_connectors\n")
    (info / "entry_points.txt").write_text(textwrap.dedent(f"""
        [{GROUP}]
        good = fake_connectors:Good
        misnamed = fake_connectors:Misnamed
        future = fake_connectors:Future
        stranger = fake_connectors:NotAConnector
        missing = fake_connectors:Nowhere
        broken = no_such_module:Thing
    """))
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("fake_connectors", None)


def test_compatible_plugins_load_and_the_rest_are_explained(distribution: Path) -> None:
    registry = load(GROUP, Connector)

    assert sorted(registry.plugins) == ["good"]
    good = registry.plugins["good"]
    assert (good.name, good.version, good.plugin.__name__) == ("good", "1.2.0", "Good")
    assert good.distribution == "fake-connectors 3.1"
    assert sorted(registry.rejected, key=lambda r: r.name) == [
        Rejection(GROUP, "broken", "no_such_module:Thing",
                  "it failed to load: ModuleNotFoundError: No module named 'no_such_module'"),
        Rejection(GROUP, "future", "fake_connectors:Future",
                  "it targets SDK API version 99, this host speaks 1"),
        Rejection(GROUP, "misnamed", "fake_connectors:Misnamed",
                  "its name 'something-else' differs from the entry point 'misnamed'"),
        Rejection(GROUP, "missing", "fake_connectors:Nowhere",
                  "it failed to load: AttributeError: module 'fake_connectors' has no "
                  "attribute 'Nowhere'"),
        Rejection(GROUP, "stranger", "fake_connectors:NotAConnector",
                  "it is not a subclass of assay_sdk.connectors.Connector"),
    ]


def test_asking_for_a_rejected_plugin_says_why(distribution: Path) -> None:
    registry = load(GROUP, Connector)

    with pytest.raises(LookupError) as raised:
        registry.get("future")

    assert str(raised.value) == (
        "plugin 'future' of assay.test_connectors is not available: it was rejected "
        "(it targets SDK API version 99, this host speaks 1)"
    )
