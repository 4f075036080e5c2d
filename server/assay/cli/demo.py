"""assay demo: a demo organization on the embedded default (filled in below)."""

from __future__ import annotations

import argparse
from typing import Any

from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="create a demo organization and show what it holds")
    parser.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    raise NotImplementedError
