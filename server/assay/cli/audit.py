"""assay audit verify: check every organization's hash chain; exit 1 on a broken link."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tortoise import Tortoise

from assay.audit.service import verify_chain
from assay.cli.support import connected, prepare
from assay.db.transactions import tenant_transaction
from assay.runtime import require_owner
from assay.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="audit trail commands")
    audit = parser.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit.add_parser("verify", help="verify the hash chain of every organization")
    verify.add_argument("--json", action="store_true", help="print one JSON object")
    verify.set_defaults(handler=run_verify)


async def run_verify(args: argparse.Namespace, settings: Settings) -> int:
    dbs = await prepare(settings)
    report: list[dict[str, Any]] = []
    async with connected(settings, require_owner(dbs)):
        conn = Tortoise.get_connection("default")
        orgs = await conn.execute_query_dict("SELECT id, name FROM organizations ORDER BY id")
        for org in orgs:
            async with tenant_transaction(org["id"]):
                checked, broken = await verify_chain()
            report.append({
                "organization_id": str(org["id"]), "name": org["name"], "events": checked,
                "broken_at_seq": broken.seq if broken else None,
                "reason": broken.reason if broken else None,
            })
    _print(report, as_json=args.json)
    return 1 if any(row["broken_at_seq"] is not None for row in report) else 0


def _print(report: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"organizations": report, "ok": all(
            r["broken_at_seq"] is None for r in report)}))
        return
    for row in report:
        if row["broken_at_seq"] is None:
            print(f"ok      {row['organization_id']}  {row['events']} events")
        else:
            print(f"BROKEN  {row['organization_id']}  at event {row['broken_at_seq']}: "
                  f"{row['reason']}")
