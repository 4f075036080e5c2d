"""What the AI summary may say, read from a report's snapshot: figures behind placeholders,
and facts in words that name those placeholders instead of their values.

The judge writes prose from the facts; it never sees a value, so it cannot copy one wrong,
round one differently or invent one. Qualitative findings it needs to judge ("below its
threshold", "the weakest evaluator", "the pass rate fell") are worked out here from the
figures. Free text taken from the report (titles, explanations, error codes) has its
digits masked in the facts, and each failed case's real title is behind a placeholder of
its own, so the facts carry no digit at all outside placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["score", "percent", "count", "ms", "delta", "points"]
Language = Literal["en", "es"]

#: The failed cases the facts list (by title and what the evaluators said).
MAX_CASES = 8
#: The longest evaluator explanation quoted in the facts.
MAX_EXPLANATION = 220
#: A standard deviation above this makes an evaluator "variable".
VARIABLE_STDEV = 0.2
#: A change smaller than this (either way) is "unchanged".
STEADY = 0.005

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Figure:
    """A value the summary may cite, and how to write it."""

    value: float
    kind: Kind


@dataclass(frozen=True)
class Material:
    """Everything the prompt says, and what its placeholders stand for."""

    figures: dict[str, Figure]
    #: Text placeholders (the failed cases' titles), inserted as they are.
    names: dict[str, str]
    facts: list[str]
    #: The evaluators the summary must analyse, by slug, with their (masked) titles.
    evaluators: dict[str, str]


def masked(text: str) -> str:
    """Free text for the facts: digits replaced by "#", whitespace collapsed."""
    return " ".join(_DIGITS.sub("#", text).split())


def quoted(text: str, limit: int = MAX_EXPLANATION) -> str:
    shown = masked(text)
    if len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "\u2026"
    return f'"{shown}"'


def ph(name: str) -> str:
    return "{{" + name + "}}"


def material(snapshot: Mapping[str, Any]) -> Material:
    figures = _figures(snapshot)
    names = {f"case.{i + 1}": str(case["title"])
             for i, case in enumerate(_failed(snapshot))}
    evaluators = {f["slug"]: masked(f["title"]) for f in snapshot["evaluators"]}
    facts = [*_totals_facts(snapshot), *_evaluator_facts(snapshot),
             *_comparison_facts(snapshot), *_case_facts(snapshot)]
    return Material(figures, names, facts, evaluators)


def _failed(snapshot: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [case for case in snapshot["cases"] if not case["passed"]][:MAX_CASES]


def _thresholds(snapshot: Mapping[str, Any]) -> dict[str, float]:
    chosen: dict[str, float] = {}
    for evaluation in snapshot["evaluations"]:
        for item in evaluation["evaluators"]:
            chosen.setdefault(item["slug"], float(item["threshold"]))
    return chosen


def _figures(snapshot: Mapping[str, Any]) -> dict[str, Figure]:
    totals, timing = snapshot["totals"], snapshot["latency_ms"]
    found: dict[str, Figure | None] = {
        "overall_score": _maybe(totals["overall_score"], "score"),
        "pass_rate": Figure(totals["pass_rate"], "percent"),
        "threshold": Figure(snapshot["threshold"], "percent"),
        "pii_alerts": Figure(totals["pii_alerts"], "count"),
        **{key: Figure(totals[key], "count")
           for key in ("cases", "passed", "failed", "errored", "timed_out")},
        **{f"latency.{key}": Figure(timing[key], "ms") if timing["count"] else None
           for key in ("p50", "p90", "p99", "max")},
    }
    limits = _thresholds(snapshot)
    for item in snapshot["evaluators"]:
        base = f"evaluator.{item['slug']}"
        for key in ("mean", "min", "max", "stdev"):
            found[f"{base}.{key}"] = _maybe(item[key], "score")
        for key in ("scored", "passed", "failed", "skipped", "errored"):
            found[f"{base}.{key}"] = Figure(item[key], "count")
        found[f"{base}.threshold"] = _maybe(limits.get(item["slug"]), "score")
    comparison = snapshot.get("comparison") or {}
    if comparison.get("baseline"):
        found["comparison.overall_delta"] = _maybe(comparison["overall_delta"], "delta")
        found["comparison.pass_rate_delta"] = _maybe(comparison["pass_rate_delta"], "points")
        found["comparison.regressions"] = Figure(len(comparison["regressions"]), "count")
        found["comparison.improvements"] = Figure(len(comparison["improvements"]), "count")
        for change in comparison["evaluator_deltas"]:
            found[f"evaluator.{change['slug']}.delta"] = _maybe(change["delta"], "delta")
    if comparison:
        found["comparison.flaky"] = Figure(len(comparison["flaky"]), "count")
    return {name: figure for name, figure in found.items() if figure is not None}


def _maybe(value: float | None, kind: Kind) -> Figure | None:
    return None if value is None else Figure(value, kind)


def _totals_facts(snapshot: Mapping[str, Any]) -> list[str]:
    totals = snapshot["totals"]
    meets = totals["meets_threshold"]
    facts = [
        f"Verdict: the report {'MEETS' if meets else 'DOES NOT MEET'} its goal: the pass rate "
        f"{ph('pass_rate')} is {'at or above' if meets else 'below'} the threshold "
        f"{ph('threshold')}.",
        f"Cases: {ph('cases')} in total; {ph('passed')} passed, {ph('failed')} failed, "
        f"{ph('errored')} ended in an error before an answer could be scored, "
        f"{ph('timed_out')} timed out.",
    ]
    overall = totals["overall_score"]
    if overall is None:
        facts.append("Overall score: none (no case was scored).")
    else:
        level = "high" if overall >= 0.85 else "fair" if overall >= 0.7 else "low"
        facts.append(f"Overall score (the mean score of the cases, from zero to one): "
                     f"{ph('overall_score')}, which is {level}.")
    if snapshot["latency_ms"]["count"]:
        facts.append(f"Latency of the agent's answers: median {ph('latency.p50')}, ninetieth "
                     f"percentile {ph('latency.p90')}, ninety-ninth percentile "
                     f"{ph('latency.p99')}, slowest {ph('latency.max')}.")
    alerts = snapshot["pii_alerts"]
    if alerts:
        kinds = ", ".join(sorted({masked(a["type"]) for a in alerts}))
        facts.append(f"Personal data: {ph('pii_alerts')} alerts in the agent's answers "
                     f"(types: {kinds}); the report shows only masked values.")
    else:
        facts.append("Personal data: none found in the agent's answers.")
    codes = sorted({masked(e["error_code"]) for e in snapshot["errors"] if e["error_code"]})
    if codes:
        facts.append(f"Cases that did not finish failed with these error codes: "
                     f"{', '.join(codes)}.")
    return facts


def _evaluator_facts(snapshot: Mapping[str, Any]) -> list[str]:
    items = snapshot["evaluators"]
    scored = [item for item in items if item["mean"] is not None]
    weakest = min(scored, key=lambda i: i["mean"])["slug"] if len(scored) > 1 else None
    strongest = max(scored, key=lambda i: i["mean"])["slug"] if len(scored) > 1 else None
    limits = _thresholds(snapshot)
    facts = []
    for item in items:
        slug, base = item["slug"], f"evaluator.{item['slug']}"
        title = quoted(item["title"])
        if item["mean"] is None:
            facts.append(f"Evaluator {title} (key {slug!r}) scored no answer: "
                         f"{ph(base + '.skipped')} skipped, {ph(base + '.errored')} errors.")
            continue
        limit = limits.get(slug)
        standing = "" if limit is None else (
            f" against its threshold {ph(base + '.threshold')}: "
            + ("meets it" if item["mean"] >= limit else "BELOW it"))
        spread = "variable" if (item["stdev"] or 0.0) > VARIABLE_STDEV else "consistent"
        rank = (" It is the weakest evaluator." if slug == weakest else
                " It is the strongest evaluator." if slug == strongest else "")
        facts.append(
            f"Evaluator {title} (key {slug!r}): mean {ph(base + '.mean')}{standing}; scores are "
            f"{spread} (standard deviation {ph(base + '.stdev')}, lowest {ph(base + '.min')}, "
            f"highest {ph(base + '.max')}); {ph(base + '.passed')} of "
            f"{ph(base + '.scored')} scored answers passed, {ph(base + '.skipped')} were "
            f"skipped and {ph(base + '.errored')} could not be scored.{rank}")
    return facts


def _trend(delta: float | None, up: str, down: str, still: str) -> str:
    if delta is None or abs(delta) < STEADY:
        return still
    return up if delta > 0 else down


def _comparison_facts(snapshot: Mapping[str, Any]) -> list[str]:
    comparison = snapshot.get("comparison") or {}
    facts = []
    if comparison.get("baseline"):
        overall = _trend(comparison["overall_delta"], "rose", "fell", "did not change")
        rate = _trend(comparison["pass_rate_delta"], "rose", "fell", "did not change")
        facts.append(
            f"Compared with the baseline run: the overall score {overall} "
            f"({ph('comparison.overall_delta')}) and the pass rate {rate} "
            f"({ph('comparison.pass_rate_delta')}); {ph('comparison.regressions')} cases "
            f"regressed and {ph('comparison.improvements')} improved.")
        for change in comparison["evaluator_deltas"]:
            if change["delta"] is None:
                continue
            moved = _trend(change["delta"], "improved", "declined", "did not change")
            facts.append(f"Since the baseline, the evaluator with key {change['slug']!r} "
                         f"{moved} ({ph('evaluator.' + change['slug'] + '.delta')}).")
        for name in ("regressions", "improvements"):
            titles = [quoted(c["title"], 80) for c in comparison[name]][:MAX_CASES]
            if titles:
                facts.append(f"Cases in the {name}: {', '.join(titles)}.")
    if comparison.get("flaky"):
        flaky = ", ".join(quoted(f["title"], 80) for f in comparison["flaky"][:MAX_CASES])
        facts.append(f"Flaky: {ph('comparison.flaky')} cases gave different verdicts in the "
                     f"runs of this report: {flaky}.")
    return facts


def _case_facts(snapshot: Mapping[str, Any]) -> list[str]:
    failed = _failed(snapshot)
    if not failed:
        return ["Every case passed."]
    facts = ["Failed cases (refer to one by its placeholder, which stands for its title):"]
    for index, case in enumerate(failed):
        said = [f"{masked(v['slug'])} said {quoted(v['explanation'])}"
                for v in case["evaluators"] if v["passed"] is False and v["explanation"]]
        asserts = [masked(a["type"]) for a in case["failed_asserts"]]
        details = "; ".join([*said, *(["failed asserts: " + ", ".join(asserts)]
                                      if asserts else [])]) or "no evaluator explanation"
        facts.append(f"{ph(f'case.{index + 1}')} = {quoted(case['title'], 80)}, "
                     f"{case['status'].lower()}: {details}.")
    return facts


# -- writing the values ------------------------------------------------------------------------

_PP = {"en": "percentage points", "es": "puntos porcentuales"}


def written(figure: Figure, language: Language) -> str:
    """The value as the summary shows it, in the language's conventions (es: decimal
    comma, a no-break space before "%": "85,0 %")."""
    value = figure.value
    if figure.kind == "score":
        return number(value, 2, language)
    if figure.kind == "percent":
        return number(value * 100, 1, language) + ("%" if language == "en" else "\u00a0%")
    if figure.kind == "count":
        return number(value, 0, language)
    if figure.kind == "ms":
        return number(value, 0, language) + "\u00a0ms"
    if figure.kind == "delta":
        return signed(value, 2, language)
    return f"{signed(value * 100, 1, language)}\u00a0{_PP[language]}"


def number(value: float, places: int, language: Language) -> str:
    """en: "1,234.5"; es: "1234,5" (groups of thousands only from five digits on, with a
    no-break space: "12\u00a0345,5")."""
    text = f"{abs(value):,.{places}f}"
    whole, _, fraction = text.partition(".")
    if language == "es":
        digits = whole.replace(",", "")
        whole = digits if len(digits) <= 4 else whole.replace(",", "\u00a0")
        text = whole + ("," + fraction if fraction else "")
    negative = value < 0 and float(f"{abs(value):.{places}f}") != 0
    return ("-" if negative else "") + text


def signed(value: float, places: int, language: Language) -> str:
    text = number(value, places, language)
    return text if text.startswith("-") or float(f"{value:.{places}f}") == 0 else "+" + text

