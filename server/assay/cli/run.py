"""assay run: run a plan and report it for CI, locally from a file or on a server."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from assay.errors import DomainError
from assay.runner.interrupt import Interrupt
from assay.runner.jsonout import write_json
from assay.runner.junit import write_junit
from assay.runner.problems import PlanFileInvalid
from assay.runner.progress import Progress
from assay.runner.remote import RemoteOptions, check_server_url
from assay.runner.report import CONFIGURATION, INTERRUPTED, ConfigurationError, RunReport
from assay.runner.summary import render_summary
from assay.settings import Settings

DESCRIPTION = """\
Run a plan against an agent and report it: a progress display on stderr, a summary table
on stdout, and optionally JUnit XML and JSON files for CI.

  assay run plan.yaml
      runs a local plan file on this machine (the embedded database and Redis, or
      DATABASE_URL / REDIS_URL when set); credentials come from environment variables
      named in the file, e.g. credentials: {auth: {env: AGENT_TOKEN}}. With
      --html-report FILE it then evaluates the run's asserts and PII findings and writes
      the report as one HTML page.
  assay run --server URL --plan ID --connection ID
      starts a run of a server's READY plan and follows it until it ends; the API key
      comes from --api-key or, better (it stays out of shell history), ASSAY_API_KEY.
"""
EPILOG = """\
exit codes: 0 every case passed; 1 a case failed, errored, timed out or was cancelled;
2 configuration error (bad plan file, unset variable, bad server URL, refused API key,
unknown plan or connection ...), with a message saying what to fix; 130 interrupted with
Ctrl-C (143 with SIGTERM), after cancelling the run.

private targets: Assay refuses agents on loopback, private, link-local and metadata
addresses unless the operator sets ASSAY_ALLOW_PRIVATE_TARGETS=true. For a local plan
file, --allow-private-targets allows them for that run only (e.g. an agent started by the
same CI job on localhost); a server's runs follow the server's own setting.
"""


def register(sub: Any) -> None:
    parser = sub.add_parser("run", help="run a plan file locally, or a server's plan, for CI",
                            description=DESCRIPTION, epilog=EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE.yaml",
                        help="a local plan file to run on this machine")
    local = parser.add_argument_group("local plan files")
    local.add_argument("--allow-private-targets", action="store_true",
                       help="let this run reach an agent on a loopback or private address")
    remote = parser.add_argument_group("a server's plan")
    remote.add_argument("--server", metavar="URL", help="the Assay server, e.g. "
                        "https://assay.example.com")
    remote.add_argument("--api-key", metavar="KEY", help="an API key of the plan's project "
                        "(default: ASSAY_API_KEY)")
    remote.add_argument("--plan", metavar="ID", help="the id of a READY plan")
    remote.add_argument("--connection", metavar="ID", help="the id of the agent connection")
    remote.add_argument("--idempotency-key", metavar="KEY", help="starting again with the "
                        "same key follows the same run instead of starting another")
    remote.add_argument("--poll-interval", type=float, default=1.0, metavar="SECONDS",
                        help="how often to ask the server for progress (default 1)")
    output = parser.add_argument_group("reports")
    output.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML here")
    output.add_argument("--json", type=Path, metavar="FILE",
                        help="write the run and every result as JSON here")
    output.add_argument("--html-report", type=Path, metavar="FILE",
                        help="local plan files: after the run, evaluate its asserts and PII "
                        "findings and write the report as one HTML page here")
    output.add_argument("--report-threshold", type=float, metavar="RATE",
                        help="the pass rate, 0 to 1, the HTML report must reach (default 1: "
                        "every case); it does not change the exit code")
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    print(f"assay run: {message}", file=sys.stderr, flush=True)
    return CONFIGURATION


def _check_outputs(args: argparse.Namespace) -> None:
    if args.html_report is not None and args.server is not None:
        raise ConfigurationError("--html-report applies to local plan files; for a server's "
                                 "run, use assay report --run ID --format html")
    if args.report_threshold is not None:
        if args.html_report is None:
            raise ConfigurationError("--report-threshold applies to the --html-report FILE: "
                                     "add --html-report, or leave it out")
        if not 0 <= args.report_threshold <= 1:
            raise ConfigurationError("--report-threshold: give the pass rate the report must "
                                     "reach, from 0 to 1 (e.g. 0.8 for 80%)")
    for flag, path in (("--junit", args.junit), ("--json", args.json),
                       ("--html-report", args.html_report)):
        if path is not None and not path.parent.is_dir():
            raise ConfigurationError(f"{flag} {path}: the folder {path.parent} does not exist: "
                                     "create it or choose another path")
        if path is not None and path.is_dir():
            raise ConfigurationError(f"{flag} {path} is a folder: give a file name")


def _remote_options(args: argparse.Namespace, settings: Settings) -> RemoteOptions:
    if args.file is not None:
        raise ConfigurationError("give either a plan FILE or --server, not both")
    if args.allow_private_targets:
        raise ConfigurationError("--allow-private-targets applies to local plan files; a "
                                 "server's runs follow its ASSAY_ALLOW_PRIVATE_TARGETS")
    key = args.api_key or (settings.api_key.reveal() if settings.api_key else "")
    missing = [flag for flag, value in (("--plan", args.plan), ("--connection", args.connection),
                                        ("--api-key (or ASSAY_API_KEY)", key)) if not value]
    if missing:
        raise ConfigurationError(f"a run on a server needs {', '.join(missing)}")
    if not args.poll_interval > 0:
        raise ConfigurationError("--poll-interval must be a positive number of seconds")
    return RemoteOptions(check_server_url(args.server), key, args.plan, args.connection,
                         args.idempotency_key, args.poll_interval)


def _check_local(args: argparse.Namespace) -> Path:
    given = [flag for flag, value in (("--api-key", args.api_key), ("--plan", args.plan),
                                      ("--connection", args.connection),
                                      ("--idempotency-key", args.idempotency_key))
             if value is not None]
    if given:
        raise ConfigurationError(f"{', '.join(given)} apply to a run on a server: add --server "
                                 "URL, or leave them out to run the plan FILE here")
    path: Path | None = args.file
    if path is None:
        raise ConfigurationError("give a plan FILE to run here, or --server URL with --plan "
                                 "and --connection (see assay run --help)")
    return path


async def run(args: argparse.Namespace, settings: Settings) -> int:
    logging.getLogger("arq").setLevel(logging.WARNING)
    progress = Progress(sys.stderr)
    try:
        _check_outputs(args)
        with Interrupt() as interrupt:
            report = await _execute(args, settings, progress, interrupt)
    except PlanFileInvalid as invalid:
        return _fail(invalid.render())
    except (ConfigurationError, DomainError) as error:
        progress.close()
        return _fail(str(error))
    progress.close()
    print(render_summary(report), end="", flush=True)
    try:
        if args.junit is not None:
            write_junit(report, args.junit)
        if args.json is not None:
            write_json(report, args.json)
        if report.html is not None:
            from assay.runner.html_report import write_html

            write_html(report.html, args.html_report)
            print(f"assay run: HTML report written to {args.html_report}", file=sys.stderr,
                  flush=True)
    except OSError as error:
        return _fail(f"cannot write the report ({error}): check the path")
    if report.html_problem is not None:
        return _fail(f"the run ended, but its HTML report could not be made: "
                     f"{report.html_problem}")
    if interrupt.signal is not None:
        return INTERRUPTED.get(interrupt.signal, 130)
    return report.exit_code()


async def _execute(args: argparse.Namespace, settings: Settings, progress: Progress,
                   interrupt: Interrupt) -> RunReport:
    if args.server is not None:
        from assay.runner.remote import run_remote

        return await run_remote(_remote_options(args, settings), progress, interrupt)
    from assay.runner.local import run_local
    from assay.runner.planfile import load_plan_file

    plan_file = load_plan_file(_check_local(args))
    from assay.runner.html_report import DEFAULT_THRESHOLD

    threshold = None if args.html_report is None else (
        DEFAULT_THRESHOLD if args.report_threshold is None else args.report_threshold)
    return await run_local(plan_file, settings, progress, interrupt,
                           allow_private=args.allow_private_targets,
                           report_threshold=threshold)
