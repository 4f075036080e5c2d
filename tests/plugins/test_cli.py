"""`assay plugins list`: a table for people, JSON for scripts; no database needed."""

from __future__ import annotations

import json
from pathlib import Path

from assay.cli.plugins import table
from assay_sdk.registry import PluginStatus
from tests.plugins.conftest import plugin_env, run

HTTP = {"kind": "connector", "name": "http", "version": "1.0.0", "distribution": "assay 0.1.0",
        "status": "LOADED", "reason": None, "target": "assay.connectors.http:HttpConnector"}


def test_the_table_aligns_columns_and_ends_with_the_reason() -> None:
    rows = [
        PluginStatus("evaluator", "tone", "1.0.0", "assay 0.1.0", "LOADED", None,
                     "assay_evaluators.tone:ToneEvaluator"),
        PluginStatus("pii_detector", "acme_id", None, "acme-pii 2.1.0", "REJECTED",
                     "it failed to load: ImportError: no stdnum", "acme_pii:Id"),
    ]

    assert table(rows) == (
        "KIND          NAME     VERSION  DISTRIBUTION    STATUS    REASON\n"
        "evaluator     tone     1.0.0    assay 0.1.0     LOADED\n"
        "pii_detector  acme_id  -        acme-pii 2.1.0  REJECTED  it failed to load: "
        "ImportError: no stdnum")


def test_list_prints_a_table_with_every_plugin(tmp_path: Path) -> None:
    done = run("-m", "assay.cli", "plugins", "list", env=plugin_env(tmp_path))

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["KIND", "NAME", "VERSION", "DISTRIBUTION", "STATUS", "REASON"]
    http = [line.split() for line in lines if line.split()[:2] == ["connector", "http"]]
    assert http == [["connector", "http", "1.0.0", "assay", "0.1.0", "LOADED"]]
    kinds = [line.split()[0] for line in lines[1:]]
    assert sorted(set(kinds), key=kinds.index) == ["evaluator", "pii_detector", "judge",
                                                   "connector"]


def test_list_json_gives_every_field(tmp_path: Path) -> None:
    done = run("-m", "assay.cli", "plugins", "list", "--json", env=plugin_env(tmp_path))

    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [row for row in rows if row["kind"] == "connector"] == [
        {**HTTP, "name": "browser", "target": "assay.connectors.browser:BrowserConnector"}, HTTP]
    assert {row["kind"] for row in rows} == {"evaluator", "pii_detector", "judge", "connector"}
    assert all(set(row) == set(HTTP) for row in rows)
    assert all((row["reason"] is None) == (row["status"] == "LOADED") for row in rows)
