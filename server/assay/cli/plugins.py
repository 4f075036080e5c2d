"""assay plugins: what this installation can run.

``assay plugins list`` prints every evaluator, PII detector, judge and connector found
through the entry points, with its version, the distribution that ships it, and whether it
loaded (and if not, why). ``--json`` prints the same as a JSON list for scripts. It needs no
database: it reads only the installed packages.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from assay.plugins.listing import plugins
from assay.settings import Settings
from assay_sdk.registry import PluginStatus

HEADERS = ("KIND", "NAME", "VERSION", "DISTRIBUTION", "STATUS", "REASON")


def register(sub: Any) -> None:
    parser = sub.add_parser("plugins", help="installed plugins")
    actions = parser.add_subparsers(dest="plugins_command", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", help="every plugin with its version, distribution and status")
    listing.add_argument("--json", action="store_true",
                         help="print a JSON list (kind, name, version, distribution, "
                         "status, reason, target) instead of a table")
    listing.set_defaults(handler=list_plugins)


def table(rows: Sequence[PluginStatus]) -> str:
    """Rows as aligned columns under a header; the reason, of any length, comes last."""
    cells = [HEADERS] + [(row.kind, row.name, row.version or "-", row.distribution,
                          row.status, row.reason or "") for row in rows]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADERS) - 1)]
    lines = ["  ".join([*(cell.ljust(width) for cell, width in zip(line, widths, strict=False)),
                        line[-1]]).rstrip() for line in cells]
    return "\n".join(lines)


def list_plugins(args: argparse.Namespace, settings: Settings) -> int:
    rows = plugins()
    if args.json:
        print(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
    else:
        print(table(rows))
    return 0
