"""assay keys: key-encryption-key management.

``rotate-kek`` rewraps every organization's data keys under the current KEK (the first
entry of ASSAY_KEK) without touching any sealed value. With the embedded default's key file,
it generates the new KEK itself and retires the old one once everything is rewrapped.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from assay.cli.support import connected, prepare
from assay.crypto.keys import KekRing, generate_kek_entry
from assay.crypto.rotation import rotate_kek as rewrap
from assay.runtime import require_owner
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("keys", help="key-encryption-key commands")
    keys = parser.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    rotate = keys.add_parser("rotate-kek", help="rewrap every data key under the current KEK")
    rotate.set_defaults(handler=rotate_kek)
    generate = keys.add_parser("generate-kek", help="print a new KEK entry for ASSAY_KEK")
    generate.add_argument("--id", default=None, help="key id (default kek-<date>)")
    generate.set_defaults(handler=generate_kek)


def generate_kek(args: argparse.Namespace, settings: Settings) -> int:
    print(generate_kek_entry(args.id or f"kek-{datetime.now(UTC):%Y%m%d%H%M%S}"))
    return 0


async def rotate_kek(args: argparse.Namespace, settings: Settings) -> int:
    dbs = await prepare(settings)
    key_file = settings.data_dir / "kek"
    embedded_file = settings.kek is None
    if embedded_file:
        old = key_file.read_text().strip() if key_file.exists() else ""
        new_entry = generate_kek_entry(f"local-{datetime.now(UTC):%Y%m%d%H%M%S}")
        key_file.write_text(f"{new_entry},{old}" if old else new_entry)
    ring = KekRing.parse(settings.kek.reveal() if settings.kek else key_file.read_text().strip())
    async with connected(settings, require_owner(dbs)):
        report = await rewrap(ring)
    if embedded_file:
        key_file.write_text(new_entry)
    print(f"rewrapped {report.data_keys_rewrapped} data key(s) of "
          f"{report.organizations} organization(s) under KEK {ring.current_id!r}")
    return 0
