"""assay export-schema: print the GraphQL SDL (schema.graphql is this output)."""

from __future__ import annotations

import argparse
from typing import Any

from assay.graphql.schema import build_schema
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    print(build_schema(Settings()).as_str())
    return 0
