"""What the conformance kit checks: targets (one installed plugin each), rules, failures.

A target is an entry point of ``assay.evaluators``, ``assay.pii_detectors`` or
``assay.judges`` declared by an installed distribution. A rule is one named requirement a
plugin must meet; it raises :class:`ConformanceFailure` saying what is wrong, or returns an
optional note worth showing even when it passes (a recall, an agreement).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from assay_sdk.evaluators import Evaluator
from assay_sdk.judges import Judge
from assay_sdk.pii import PiiDetector
from assay_sdk.registry import Registry, kind_of, load

#: The groups the kit checks, and the base class each plugin of a group must extend.
BASES: dict[str, type[Any]] = {
    "assay.evaluators": Evaluator,
    "assay.pii_detectors": PiiDetector,
    "assay.judges": Judge,
}


class ConformanceFailure(AssertionError):
    """A plugin broke a rule; the message says what is wrong and what to do."""


class SelectionError(ValueError):
    """The options name nothing that can be checked."""


@dataclass
class Target:
    """One installed plugin to check."""

    group: str
    name: str
    #: The entry point's target, module:Class.
    value: str
    #: "distribution version".
    distribution: str
    entry_point: metadata.EntryPoint = field(repr=False)
    _loaded: tuple[Any, BaseException | None] | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        return kind_of(self.group)

    @property
    def label(self) -> str:
        return f"{self.kind} {self.name!r} ({self.distribution})"

    def load(self) -> Any:
        """The plugin's class.

        Raises:
            ConformanceFailure: when its entry point does not import.
        """
        if self._loaded is None:
            try:
                self._loaded = (self.entry_point.load(), None)
            except BaseException as exc:  # a plugin's import can raise anything
                if isinstance(exc, KeyboardInterrupt):
                    raise
                self._loaded = (None, exc)
        plugin, error = self._loaded
        if error is not None:
            raise ConformanceFailure(
                f"its entry point {self.value} does not import: {type(error).__name__}: "
                f"{error}")
        return plugin

    def loads(self) -> bool:
        try:
            self.load()
        except ConformanceFailure:
            return False
        return True

    def registry(self) -> Registry[Any]:
        return registry(self.group)


@functools.cache
def registry(group: str) -> Registry[Any]:
    """The host's view of ``group`` (loaded once per session, as a server does)."""
    return load(group, BASES[group])


@dataclass(frozen=True)
class Rule:
    """A named requirement, the plugins it applies to, and its check."""

    name: str
    #: What it requires, in one line (shown with --collect-only and in failures).
    summary: str
    check: Callable[[Target], str | None]
    applies: Callable[[Target], bool] = lambda target: True


def _distribution_name(dist: metadata.Distribution) -> str:
    return f"{dist.name} {dist.version}"


def _matches(entry_point: metadata.EntryPoint, wanted: Sequence[str]) -> bool:
    kind = kind_of(entry_point.group)
    return not wanted or entry_point.name in wanted or f"{kind}:{entry_point.name}" in wanted


def select(distribution: str | None, names: Sequence[str] = ()) -> list[Target]:
    """The plugins to check: every plugin of ``distribution`` (or of any installed
    distribution when None), narrowed to ``names`` ("slug" or "kind:slug") when given.

    Raises:
        SelectionError: when the distribution is not installed or nothing matches.
    """
    if distribution is None and not names:
        raise SelectionError(
            "name what to check: --assay-distribution NAME (every plugin of that installed "
            "distribution) and/or --assay-plugin SLUG, or assay_distribution / assay_plugins "
            "in your pytest configuration")
    if distribution is not None:
        try:
            dists: Iterable[metadata.Distribution] = [metadata.distribution(distribution)]
        except metadata.PackageNotFoundError:
            raise SelectionError(
                f"distribution {distribution!r} is not installed in this environment: "
                "install it (pip install -e .) before running the kit") from None
    else:
        dists = metadata.distributions()
    targets: dict[tuple[str, str], Target] = {}
    for dist in dists:
        for entry_point in dist.entry_points:
            if entry_point.group in BASES and _matches(entry_point, names):
                key = (entry_point.group, entry_point.name)
                targets.setdefault(key, Target(entry_point.group, entry_point.name,
                                               entry_point.value, _distribution_name(dist),
                                               entry_point))
    if not targets:
        where = f"distribution {distribution!r}" if distribution else "any installed distribution"
        wanted = f" named {', '.join(names)}" if names else ""
        raise SelectionError(f"{where} declares no plugin{wanted} in the groups "
                             f"{', '.join(BASES)}: check its entry points")
    order = list(BASES)
    return sorted(targets.values(), key=lambda t: (order.index(t.group), t.name))
