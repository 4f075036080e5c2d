"""Which evaluators an evaluation uses, with their thresholds and weights, checked.

The caller names evaluator slugs and, optionally, a threshold and a weight for some of
them. No slug at all is allowed: such an evaluation applies only the run's asserts and PII
findings (no judge, no scores; what `assay run --html-report` makes). Every slug must name
an evaluator this process loaded; a threshold lies in [0, 1], a weight in (0, 100], and
both may only be given for a chosen slug. Every problem is reported at once, each on the
input field it concerns, so a client fixes them in one go.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assay.errors import Issue, ValidationFailed
from assay.plugins.registry import evaluators
from assay_sdk import Evaluator, LLMEvaluator

INPUT = ("input",)
#: At most this many evaluators in one evaluation.
MAX_EVALUATORS = 50
MAX_WEIGHT = 100.0
DEFAULT_WEIGHT = 1.0


@dataclass(frozen=True)
class Chosen:
    """One evaluator of an evaluation, as it will be applied to every case."""

    plugin: type[Evaluator]
    threshold: float
    weight: float

    @property
    def slug(self) -> str:
        return self.plugin.name

    def snapshot(self) -> dict[str, Any]:
        """What the evaluation records of it (its ``evaluators`` column)."""
        prompt_hash = self.plugin.prompt_hash() if issubclass(self.plugin, LLMEvaluator) \
            else None
        return {"slug": self.slug, "version": self.plugin.version, "title": self.plugin.title,
                "threshold": self.threshold, "weight": self.weight,
                "uses_judge": bool(self.plugin.uses_judge), "prompt_hash": prompt_hash}


def _plugin(slug: str, path: tuple[str, ...], issues: list[Issue]) -> type[Evaluator] | None:
    registry = evaluators()
    loaded = registry.plugins.get(slug)
    if loaded is not None:
        return loaded.plugin
    rejected = [r.reason for r in registry.rejected if r.name == slug]
    if rejected:
        issues.append(Issue(path, f"the evaluator {slug!r} is installed but unavailable "
                            f"({rejected[0]}): ask an operator to fix or reinstall its "
                            "package, or leave it out", "EVALUATOR_UNAVAILABLE"))
    else:
        available = ", ".join(sorted(registry.plugins)) or "none is installed"
        issues.append(Issue(path, f"unknown evaluator {slug!r}: choose among {available}",
                            "UNKNOWN_EVALUATOR"))
    return None


def _slugs(slugs: Sequence[str], issues: list[Issue]) -> list[type[Evaluator]]:
    path = (*INPUT, "evaluators")
    if len(slugs) > MAX_EVALUATORS:
        issues.append(Issue(path, f"choose at most {MAX_EVALUATORS} evaluators",
                            "TOO_MANY_EVALUATORS"))
        return []
    plugins: list[type[Evaluator]] = []
    seen: set[str] = set()
    for index, raw in enumerate(slugs):
        slug = raw.strip()
        where = (*path, str(index))
        if slug in seen:
            issues.append(Issue(where, f"{slug!r} is chosen twice: name each evaluator once",
                                "DUPLICATE_EVALUATOR"))
            continue
        seen.add(slug)
        plugin = _plugin(slug, where, issues)
        if plugin is not None:
            plugins.append(plugin)
    return plugins


def _values(name: str, given: Mapping[str, float], chosen: set[str], low: float, high: float,
            low_inclusive: bool, issues: list[Issue]) -> dict[str, float]:
    """The valid values of ``given`` (thresholds or weights) by slug; issues for the rest."""
    bounds = f"{'[' if low_inclusive else '('}{low:g}, {high:g}]"
    values: dict[str, float] = {}
    for raw, value in given.items():
        slug = raw.strip()
        path = (*INPUT, name, slug)
        if slug not in chosen:
            issues.append(Issue(path, f"{slug!r} is not among the chosen evaluators: give a "
                                f"{name[:-1]} only for an evaluator in evaluators",
                                "NOT_CHOSEN"))
            continue
        number = float(value)
        above_low = number >= low if low_inclusive else number > low
        if not math.isfinite(number) or not above_low or number > high:
            issues.append(Issue(path, f"give a {name[:-1]} in {bounds}, not {number:g}",
                                "OUT_OF_RANGE"))
            continue
        values[slug] = number
    return values


def choose(slugs: Sequence[str], thresholds: Mapping[str, float] | None = None,
           weights: Mapping[str, float] | None = None) -> list[Chosen]:
    """The chosen evaluators in the given order, with their thresholds (default: each
    evaluator's own) and weights (default 1); none for no slug (asserts and PII only).

    Raises:
        ValidationFailed: with one issue per problem (codes TOO_MANY_EVALUATORS,
            DUPLICATE_EVALUATOR, UNKNOWN_EVALUATOR, EVALUATOR_UNAVAILABLE, NOT_CHOSEN,
            OUT_OF_RANGE).
    """
    issues: list[Issue] = []
    plugins = _slugs(slugs, issues)
    names = {slug.strip() for slug in slugs}
    chosen_thresholds = _values("thresholds", thresholds or {}, names, 0.0, 1.0, True, issues)
    chosen_weights = _values("weights", weights or {}, names, 0.0, MAX_WEIGHT, False, issues)
    if issues:
        raise ValidationFailed(issues)
    return [Chosen(plugin, chosen_thresholds.get(plugin.name, plugin.default_threshold),
                   chosen_weights.get(plugin.name, DEFAULT_WEIGHT))
            for plugin in plugins]
