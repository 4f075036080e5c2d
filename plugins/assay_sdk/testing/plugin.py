"""The pytest side of the kit: options, one test item per (plugin, rule), a summary.

Items are added at collection (before ``-k`` and ``-m`` deselect), under the node
``assay-conformance``: ``assay-conformance::evaluator:politeness::calibration-range``.
A failure reads ``evaluator 'politeness' (acme 1.0.0) fails rule 'calibration-range': ...``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from assay_sdk.testing.model import ConformanceFailure, Rule, SelectionError, Target, select
from assay_sdk.testing.rules import rules_for

ROOT = "assay-conformance"
_TARGETS = pytest.StashKey[list[Target]]()
_NOTES = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("assay", "Assay plugin conformance kit")
    group.addoption("--assay-distribution", default=None, metavar="NAME",
                    help="check every evaluator, PII detector and judge of this installed "
                    "distribution (ini: assay_distribution)")
    group.addoption("--assay-plugin", action="append", default=[], metavar="SLUG",
                    help="check only this plugin, as slug or kind:slug (repeatable; "
                    "ini: assay_plugins)")
    parser.addini("assay_distribution", "the distribution whose plugins the kit checks",
                  default=None)
    parser.addini("assay_plugins", "the plugins the kit checks (slug or kind:slug)",
                  type="linelist", default=[])


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_NOTES] = []
    if config.getoption("help", False) or config.getoption("version", False):
        config.stash[_TARGETS] = []
        return
    distribution = config.getoption("assay_distribution") or config.getini("assay_distribution")
    names = list(config.getoption("assay_plugin") or config.getini("assay_plugins"))
    try:
        config.stash[_TARGETS] = select(distribution or None, names)
    except SelectionError as exc:
        raise pytest.UsageError(f"assay_sdk.testing: {exc}") from None


def pytest_report_header(config: pytest.Config) -> str:
    targets = config.stash[_TARGETS]
    listed = ", ".join(f"{t.kind} {t.name} ({t.distribution})" for t in targets)
    return f"assay conformance kit: {len(targets)} plugin(s): {listed}"


class RuleItem(pytest.Item):
    """One rule checked on one plugin."""

    def __init__(self, *, target: Target, rule: Rule, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.target = target
        self.rule = rule

    def runtest(self) -> None:
        note = self.rule.check(self.target)
        if note:
            self.config.stash[_NOTES].append(
                f"{self.target.kind} {self.target.name}: {self.rule.name}: {note}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, ConformanceFailure):
            return (f"{self.target.label} fails rule {self.rule.name!r} "
                    f"({self.rule.summary}):\n{excinfo.value}")
        return (f"{self.target.label}: checking rule {self.rule.name!r} raised "
                f"{excinfo.typename}: {excinfo.value}\n{super().repr_failure(excinfo)}")

    def reportinfo(self) -> tuple[Any, int | None, str]:
        return self.path, None, f"{self.target.kind} {self.target.name}: {self.rule.name}"


class PluginCollector(pytest.Collector):
    """The rules of one plugin."""

    def __init__(self, *, target: Target, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.target = target

    def collect(self) -> Iterator[RuleItem]:
        for rule in rules_for(self.target):
            yield RuleItem.from_parent(self, name=rule.name, target=self.target, rule=rule)


class ConformanceCollector(pytest.Collector):
    def collect(self) -> Iterator[PluginCollector]:
        for target in self.config.stash[_TARGETS]:
            yield PluginCollector.from_parent(self, name=f"{target.kind}:{target.name}",
                                              target=target)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    root = ConformanceCollector.from_parent(session, name=ROOT, nodeid=ROOT)
    added: list[pytest.Item | pytest.Collector] = [
        item for plugin in root.collect() for item in plugin.collect()]
    # Reported like any collected node, so "collected N items" counts the rules.
    session.ihook.pytest_collectreport(report=pytest.CollectReport(
        ROOT, "passed", None, added))
    items[:0] = [item for item in added if isinstance(item, pytest.Item)]


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int,
                            config: pytest.Config) -> None:
    notes = config.stash.get(_NOTES, [])
    if notes:
        terminalreporter.section("assay conformance")
        for note in notes:
            terminalreporter.write_line(note)
