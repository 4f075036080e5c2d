"""assay calibrate: score evaluators' calibration datasets with a judge model, store reports.

    assay calibrate tone --judge openai --model gpt-4o-mini
    assay calibrate --all --judge anthropic --model claude-3-5-haiku-latest --json

The judge's API key is read from an environment variable (OPENAI_API_KEY or
ANTHROPIC_API_KEY by provider, or the one ``--api-key-env`` names), never from the command
line, where it would end up in shell history and process listings. Each report is appended
to the global calibration_reports table; organizations may then enable the evaluator
version with that model when the report is within the evaluator's margin.

Exit status: 0 when every report is within its margin, 1 when any is not, 2 on a usage
error (unknown evaluator or judge, missing key, broken dataset).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from assay.cli.support import connected, prepare
from assay.connections.checks import Issues
from assay.connectors.network import NetworkPolicy
from assay.judging import calibration, fields
from assay.judging.calibration import Calibration, CalibrationError
from assay.plugins.registry import evaluators, judges
from assay.settings import Settings, plan_file_secret
from assay_sdk import Evaluator, Judge, JudgeSettings

#: Where the key is read from when --api-key-env is not given.
DEFAULT_KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
WORST = 5


class UsageError(Exception):
    """The command cannot run as asked; the message says what to do."""


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "calibrate", help="calibrate evaluators against their labelled datasets with a judge",
        description="Score each evaluator's calibration dataset with a judge model, print the "
        "agreement with the labels and store a calibration report.")
    parser.add_argument("slugs", nargs="*", metavar="SLUG", help="evaluators to calibrate")
    parser.add_argument("--all", action="store_true", help="every installed evaluator")
    parser.add_argument("--judge", required=True, metavar="NAME",
                        help="judge provider (openai, anthropic)")
    parser.add_argument("--model", required=True, help="judge model, e.g. gpt-4o-mini")
    parser.add_argument("--base-url", default=None, metavar="URL",
                        help="the API's base URL (default: the provider's public endpoint)")
    parser.add_argument("--api-key-env", default=None, metavar="VAR",
                        help="environment variable holding the API key (default "
                        "OPENAI_API_KEY or ANTHROPIC_API_KEY by provider)")
    parser.add_argument("--no-api-key", action="store_true",
                        help="call a keyless server (e.g. a local vLLM or Ollama)")
    parser.add_argument("--samples", type=int, default=1, metavar="N",
                        help="verdicts per case, 1 to 10 (default 1)")
    parser.add_argument("--concurrency", type=int, default=calibration.CONCURRENCY,
                        metavar="N", help="cases scored at once, 1 to 32 (default 4)")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.set_defaults(handler=calibrate)


async def calibrate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        chosen = _evaluators(args.slugs, args.all)
        judge = _judge(args, settings)
    except UsageError as exc:
        print(f"assay calibrate: {exc}", file=sys.stderr)
        return 2
    results: list[tuple[Calibration, str]] = []
    dbs = await prepare(settings)
    try:
        async with connected(settings, dbs.app):
            for evaluator in chosen:
                outcome = await calibration.calibrate(evaluator, judge, samples=args.samples,
                                                      concurrency=args.concurrency)
                report = await calibration.store(outcome)
                results.append((outcome, str(report.id)))
                if not args.json:
                    print(describe(outcome, str(report.id)), flush=True)
    finally:
        await judge.aclose()
    if args.json:
        print(json.dumps([as_json(outcome, report_id) for outcome, report_id in results],
                         indent=2))
    return 0 if all(outcome.within_margin for outcome, _ in results) else 1


def _evaluators(slugs: Sequence[str], every: bool) -> list[type[Evaluator]]:
    registry = evaluators()
    available = ", ".join(sorted(registry.plugins)) or "none is installed"
    if every == bool(slugs):
        raise UsageError("name the evaluators to calibrate, or pass --all (not both); "
                         f"available: {available}")
    chosen = sorted(registry.plugins) if every else list(dict.fromkeys(slugs))
    result = []
    for slug in chosen:
        if slug not in registry.plugins:
            why = [r.reason for r in registry.rejected if r.name == slug]
            problem = f"is unavailable ({why[0]})" if why else "is unknown"
            raise UsageError(f"the evaluator {slug!r} {problem}; available: {available}")
        plugin = registry.plugins[slug].plugin
        try:
            calibration.dataset(plugin)
        except CalibrationError as exc:
            raise UsageError(str(exc)) from None
        result.append(plugin)
    return result


def _judge(args: argparse.Namespace, settings: Settings) -> Judge:
    registry = judges()
    if args.judge not in registry.plugins:
        available = ", ".join(sorted(registry.plugins)) or "none is installed"
        raise UsageError(f"unknown judge {args.judge!r}; available: {available}")
    if not 1 <= args.samples <= fields.SAMPLES[1]:
        raise UsageError(f"--samples must be 1 to {fields.SAMPLES[1]}")
    if not 1 <= args.concurrency <= 32:
        raise UsageError("--concurrency must be 1 to 32")
    issues = Issues()
    model = fields.model(issues, ("--model",), args.model)
    base_url = fields.base_url(issues, ("--base-url",), args.base_url)
    if issues.items:
        raise UsageError(f"{issues.items[0].path[0]}: {issues.items[0].message}")
    judge_settings = JudgeSettings(model=model, base_url=base_url or None,
                                   api_key=_api_key(args))
    plugin = registry.plugins[args.judge].plugin
    return plugin(judge_settings, guard=NetworkPolicy(allow_private=settings.allow_private_targets))


def _api_key(args: argparse.Namespace) -> str | None:
    if args.no_api_key:
        if args.api_key_env:
            raise UsageError("give --api-key-env or --no-api-key, not both")
        return None
    variable = args.api_key_env or DEFAULT_KEY_ENV.get(args.judge,
                                                       f"{args.judge.upper()}_API_KEY")
    secret = plan_file_secret(variable)
    if secret is None:
        raise UsageError(f"set {variable} to the judge's API key (it is never taken on the "
                         "command line), name another variable with --api-key-env, or pass "
                         "--no-api-key for a keyless server")
    return secret.reveal()


def _figure(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"


def describe(outcome: Calibration, report_id: str) -> str:
    """The report for people: the figures against the margin, and the worst cases."""
    margin = outcome.margin
    lines = [
        f"{outcome.evaluator} {outcome.evaluator_version} with {outcome.judge} "
        f"{outcome.model}",
        f"  cases              {outcome.cases} ({outcome.errors} could not be scored)",
        f"  mean abs error     {_figure(outcome.mean_abs_error)}  (margin: at most "
        f"{margin.max_mean_abs_error:.3f})",
        f"  rank correlation   {_figure(outcome.rank_correlation)}",
        f"  pass agreement     {_figure(outcome.pass_agreement)}  (margin: at least "
        f"{margin.min_pass_agreement:.3f})",
        f"  within tolerance   {_figure(outcome.within_tolerance)}",
        f"  within margin      {'yes' if outcome.within_margin else 'no'}",
        f"  worst {min(WORST, outcome.cases)} deviations:",
    ]
    for case in outcome.worst(WORST):
        score = "error" if case.score is None else f"{case.score:.2f}"
        note = case.error or case.explanation
        note = note if len(note) <= 90 else note[:89] + "…"
        lines.append(f"    {case.id:<12} {case.language:<3} expected {case.expected:.2f}  "
                     f"score {score:<5}  deviation {case.deviation:.2f}  {note}")
    lines.append(f"  report {report_id}")
    return "\n".join(lines)


def as_json(outcome: Calibration, report_id: str) -> dict[str, Any]:
    return {
        "report_id": report_id,
        "evaluator": outcome.evaluator,
        "evaluator_version": outcome.evaluator_version,
        "judge": outcome.judge,
        "model": outcome.model,
        "cases": outcome.cases,
        "errors": outcome.errors,
        "mean_abs_error": outcome.mean_abs_error,
        "rank_correlation": outcome.rank_correlation,
        "pass_agreement": outcome.pass_agreement,
        "within_tolerance": outcome.within_tolerance,
        "margin": {"max_mean_abs_error": outcome.margin.max_mean_abs_error,
                   "min_pass_agreement": outcome.margin.min_pass_agreement},
        "within_margin": outcome.within_margin,
        "judge_calls": outcome.judge_calls,
        "input_tokens": outcome.input_tokens,
        "output_tokens": outcome.output_tokens,
        "worst": [case.to_json() for case in outcome.worst(WORST)],
    }
