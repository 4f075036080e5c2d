"""assay report: write a report's export (JSON, CSV, JUnit XML, HTML, PDF) to a file, for CI.

A client of a server's REST API, as `assay run --server` is: with --run it first makes the
report of the run's latest COMPLETED evaluation (or of --evaluation), then downloads the
export; with --report it downloads the export of a report made earlier.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from assay.runner.remote import API, Api, RemoteError, check_server_url
from assay.runner.report import CONFIGURATION, ConfigurationError
from assay.settings import Settings

FORMATS = ("json", "csv", "junit", "html", "pdf")
#: Seconds to wait for an export (a PDF is printed by Chromium on the server).
TIMEOUT_SECONDS = 120

DESCRIPTION = """\
Write a report's export to a file: JSON (the report itself), CSV (one row per case and
evaluator), JUnit XML (for CI test reports), HTML (one page with charts) or PDF.

  assay report --server URL --run ID --format junit --output report.xml
      makes a report of the run's latest COMPLETED evaluation (or of --evaluation ID),
      then writes its export;
  assay report --server URL --report ID --format pdf --output report.pdf
      writes the export of a report made earlier.

The API key comes from --api-key or, better (it stays out of shell history), ASSAY_API_KEY.
"""
EPILOG = """\
exit codes: 0 written; 1 written, but the report's pass rate is below its threshold (with
--check); 2 configuration error or refusal (bad server URL or key, unknown run or report,
no completed evaluation ...), with a message saying what to fix.
"""


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="write a report's export (JSON, CSV, JUnit, HTML, "
                            "PDF) for a run or a report", description=DESCRIPTION,
                            epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--report", metavar="ID", help="a report made earlier")
    which.add_argument("--run", metavar="ID", help="a run: report on its latest COMPLETED "
                       "evaluation")
    parser.add_argument("--evaluation", metavar="ID", help="with --run: report on this "
                        "evaluation instead of the latest")
    parser.add_argument("--baseline", metavar="ID", help="with --run: a COMPLETED evaluation "
                        "of an earlier run of the same plan to compare with")
    parser.add_argument("--title", help="with --run: the report's title")
    parser.add_argument("--threshold", type=float, help="with --run: the pass rate, 0 to 1, "
                        "the report must reach (default 0.8)")
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument("--output", required=True, metavar="FILE",
                        help="where to write it ('-' for standard output)")
    parser.add_argument("--language", metavar="LANG", help="the AI summary to include in HTML "
                        "and PDF (en, es)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the report's pass "
                        "rate is below its threshold")
    parser.add_argument("--server", required=True, metavar="URL",
                        help="the Assay server, e.g. https://assay.example.com")
    parser.add_argument("--api-key", metavar="KEY", help="an API key of the run's project "
                        "(default: ASSAY_API_KEY)")
    parser.set_defaults(handler=report)


def _fail(message: str) -> int:
    print(f"assay report: {message}", file=sys.stderr, flush=True)
    return CONFIGURATION


def _check(args: argparse.Namespace) -> None:
    if args.report is not None:
        used = [flag for flag, value in (("--evaluation", args.evaluation),
                                         ("--baseline", args.baseline), ("--title", args.title),
                                         ("--threshold", args.threshold)) if value is not None]
        if used:
            raise ConfigurationError(f"{', '.join(used)} apply when making a report with "
                                     "--run; a --report is already made")
    if args.output != "-":
        path = Path(args.output)
        if path.is_dir() or not path.parent.is_dir():
            raise ConfigurationError(f"--output {args.output}: give a file in an existing "
                                     "folder")


def _body(args: argparse.Namespace) -> dict[str, Any]:
    body: dict[str, Any] = {"evaluation_ids": [args.evaluation]} if args.evaluation \
        else {"run_id": args.run}
    for name, value in (("title", args.title), ("threshold", args.threshold),
                        ("baseline_evaluation_id", args.baseline)):
        if value is not None:
            body[name] = value
    return body


async def _download(api: Api, report_id: str, args: argparse.Namespace) -> bytes:
    params = {"format": args.format, **({"language": args.language} if args.language else {})}
    path = f"{API}/reports/{quote(report_id, safe='')}/export"
    try:
        response = await api.http.get(path, params=params, timeout=TIMEOUT_SECONDS)
    except httpx.TransportError as error:
        raise ConfigurationError(f"cannot reach the server at {api.server} ({error}): check "
                                 "--server and the network") from None
    if response.is_success:
        return response.content
    raise _refusal(response, api.server)


def _refusal(response: httpx.Response, server: str) -> Exception:
    """The server's refusal of a download, as RemoteError (or a ConfigurationError when the
    answer is not Assay's error shape)."""
    try:
        body = response.json()
        error = body["errors"][0]
        extensions = error["extensions"]
        return RemoteError(response.status_code, str(extensions["code"]),
                           str(error["message"]), str(extensions.get("requestId", "")))
    except (ValueError, KeyError, IndexError, TypeError):
        return ConfigurationError(f"the server at {server} did not answer as Assay's REST API "
                                  f"does (HTTP {response.status_code}): check --server")


def _write(output: str, content: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    Path(output).write_bytes(content)


async def _export(args: argparse.Namespace, key: str
                  ) -> tuple[dict[str, Any] | None, bytes, bool | None]:
    """(the report made, if any; the export; whether it meets its threshold, when --check)."""
    server = check_server_url(args.server)
    headers = {"Authorization": f"Bearer {key}", "User-Agent": "assay-report"}
    async with httpx.AsyncClient(base_url=server, headers=headers, timeout=30) as http:
        api = Api(http, server, lambda note: print(note, file=sys.stderr))
        created = None
        report_id = args.report
        if report_id is None:
            created = await api.call("POST", f"{API}/reports", json=_body(args))
            report_id = created["id"]
        content = await _download(api, report_id, args)
        meets = None
        if args.check:
            meets = bool(created["totals"]["meets_threshold"]) if created is not None \
                else await _meets(api, report_id, args, content)
        return created, content, meets


async def _meets(api: Api, report_id: str, args: argparse.Namespace, content: bytes) -> bool:
    if args.format != "json":
        content = await _download(api, report_id, argparse.Namespace(format="json",
                                                                     language=None))
    return bool(json.loads(content)["totals"]["meets_threshold"])


async def report(args: argparse.Namespace, settings: Settings) -> int:
    key = args.api_key or (settings.api_key.reveal() if settings.api_key else "")
    try:
        _check(args)
        if not key:
            raise ConfigurationError("give --api-key, or set ASSAY_API_KEY")
        created, content, meets = await _export(args, key)
        _write(args.output, content)
    except ConfigurationError as error:
        return _fail(str(error))
    except RemoteError as error:
        return _fail(f"the server refused: {error.describe()}")
    except OSError as error:
        return _fail(f"cannot write {args.output} ({error}): check the path")
    if created is not None:
        totals = created["totals"]
        print(f"report {created['id']}: {totals['passed']}/{totals['cases']} cases passed "
              f"(pass rate {totals['pass_rate']:.1%}, threshold {created['threshold']:.0%})",
              file=sys.stderr)
    if meets is False:
        print("assay report: the pass rate is below the report's threshold", file=sys.stderr)
        return 1
    return 0
