"""`--json FILE`: the run and every result in the REST API's shape, for scripts."""

from __future__ import annotations

import json
from pathlib import Path

from assay.runner.report import RunReport


def write_json(report: RunReport, path: Path) -> None:
    document = {"run": report.run, "results": report.results}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
