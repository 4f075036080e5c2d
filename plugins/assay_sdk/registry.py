"""Loading plugins from entry points, and recording why any was rejected.

A plugin that fails to import, is of the wrong kind, names itself differently from its
entry point, targets another SDK API version, declares no version, or lacks what its kind
needs to work (an evaluator's calibration data and prompt template, a PII detector's
entity) is left out and reported; it never stops the host. Each rejection is logged as one
WARNING line (the traceback, when there is one, only at DEBUG), so a host with a broken
plugin installed does not flood its log.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Generic, Literal, TypeVar

from stevedore import ExtensionManager

from assay_sdk.evaluators import CALIBRATION_FILE, Evaluator
from assay_sdk.llm import LLMEvaluator
from assay_sdk.pii import PiiDetector
from assay_sdk.version import API_VERSION

log = logging.getLogger(__name__)

P = TypeVar("P")

#: Entry-point group -> the kind of plugin it holds, as listings name it.
KINDS = {
    "assay.evaluators": "evaluator",
    "assay.pii_detectors": "pii_detector",
    "assay.connectors": "connector",
    "assay.judges": "judge",
}
#: The longest reason kept (a plugin's exception message can be anything).
MAX_REASON = 500

Status = Literal["LOADED", "REJECTED"]


@dataclass(frozen=True)
class Rejection:
    group: str
    name: str
    #: The entry point's target, e.g. "acme_eval.tone:ToneEvaluator".
    target: str
    reason: str
    #: The version the plugin declares, when it could be read.
    version: str | None = None
    #: The distribution that declares the entry point, e.g. "acme-eval 1.2.0".
    distribution: str = "unknown"


@dataclass(frozen=True)
class Loaded(Generic[P]):
    name: str
    plugin: type[P]
    version: str
    #: The distribution that ships it, e.g. "assay 0.1.0".
    distribution: str
    #: The entry point's target, e.g. "assay_evaluators.tone:ToneEvaluator".
    target: str = ""


@dataclass(frozen=True)
class PluginStatus:
    """One line of a plugin listing: what it is, where it comes from, whether it loaded."""

    kind: str
    name: str
    version: str | None
    distribution: str
    status: Status
    #: Why it was rejected; None when it loaded.
    reason: str | None
    target: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "version": self.version,
                "distribution": self.distribution, "status": self.status,
                "reason": self.reason, "target": self.target}


def kind_of(group: str) -> str:
    """The listing kind of an entry-point group ("assay.evaluators" -> "evaluator")."""
    return KINDS.get(group, group.rpartition(".")[2])


@dataclass
class Registry(Generic[P]):
    group: str
    plugins: dict[str, Loaded[P]] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return kind_of(self.group)

    def get(self, name: str) -> type[P]:
        try:
            return self.plugins[name].plugin
        except KeyError:
            why = [r.reason for r in self.rejected if r.name == name]
            detail = f": it was rejected ({why[0]})" if why else ": no plugin has that name"
            raise LookupError(f"plugin {name!r} of {self.group} is not available{detail}") from None

    def describe(self) -> list[PluginStatus]:
        """Every plugin of the group, loaded or rejected, by name."""
        rows = [PluginStatus(self.kind, p.name, p.version, p.distribution, "LOADED", None,
                             p.target) for p in self.plugins.values()]
        rows += [PluginStatus(self.kind, r.name, r.version, r.distribution, "REJECTED",
                              r.reason, r.target) for r in self.rejected]
        return sorted(rows, key=lambda row: (row.name, row.status, row.target))


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_REASON else flat[:MAX_REASON - 1] + "…"


def _declaring_distributions(group: str) -> dict[tuple[str, str], str]:
    """(entry-point name, target) -> "distribution version", for every entry point of
    ``group`` installed (read once per load, not per plugin)."""
    found: dict[tuple[str, str], str] = {}
    for entry_point in metadata.entry_points(group=group):
        dist = entry_point.dist
        if dist is not None:
            found.setdefault((entry_point.name, entry_point.value),
                             f"{dist.name} {dist.version}")
    return found


def _declared_version(plugin: Any) -> str | None:
    version = getattr(plugin, "version", None)
    return version if isinstance(version, str) and version.strip() else None


def _evaluator_problem(plugin: type[Evaluator]) -> str | None:
    """What keeps an evaluator from being calibrated or run: its data files."""
    package = plugin.package()
    try:
        cases = plugin.calibration_cases()
    except FileNotFoundError:
        return f"it ships no calibration data ({CALIBRATION_FILE} is missing from {package})"
    except Exception as exc:  # a plugin's own code can raise anything
        return f"its calibration data cannot be read: {type(exc).__name__}: {exc}"
    if not cases:
        return f"its calibration data is empty ({CALIBRATION_FILE} in {package} has no case)"
    if issubclass(plugin, LLMEvaluator):
        try:
            plugin.template()
        except FileNotFoundError:
            return f"its prompt template {plugin.template_file} is missing from {package}"
        except Exception as exc:
            return f"its prompt template cannot be read: {type(exc).__name__}: {exc}"
    return None


def _detector_problem(plugin: type[PiiDetector]) -> str | None:
    entity = getattr(plugin, "entity", None)
    if not isinstance(entity, str) or not entity.strip():
        return "it declares no entity (the type it reports, e.g. EMAIL)"
    return None


def _problem(name: str, plugin: Any, base: type[Any]) -> str | None:
    if not isinstance(plugin, type) or not issubclass(plugin, base):
        return f"it is not a subclass of {base.__module__}.{base.__qualname__}"
    if getattr(plugin, "name", None) != name:
        return f"its name {getattr(plugin, 'name', None)!r} differs from the entry point {name!r}"
    if getattr(plugin, "api_version", None) != API_VERSION:
        return (f"it targets SDK API version {getattr(plugin, 'api_version', None)}, "
                f"this host speaks {API_VERSION}")
    if _declared_version(plugin) is None:
        return "it declares no version"
    if inspect.isabstract(plugin):
        missing = ", ".join(sorted(getattr(plugin, "__abstractmethods__", ())))
        return f"it leaves abstract methods unimplemented: {missing}"
    if issubclass(plugin, Evaluator):
        return _evaluator_problem(plugin)
    if issubclass(plugin, PiiDetector):
        return _detector_problem(plugin)
    return None


def _checked(name: str, plugin: Any, base: type[Any]) -> str | None:
    try:
        return _problem(name, plugin, base)
    except Exception as exc:  # e.g. a metaclass whose attribute access raises
        return f"checking it raised {type(exc).__name__}: {exc}"


class _Manager(ExtensionManager):  # type: ignore[type-arg]
    """stevedore's manager, minus the two exceptions it lets escape from a plugin's import
    (AssertionError, and SystemExit which it does not catch at all): each becomes an
    ordinary load failure, so no import can stop the host."""

    def _load_one_plugin(self, ep: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super()._load_one_plugin(ep, *args, **kwargs)
        except (AssertionError, SystemExit) as exc:
            raise _ImportAborted(f"{type(exc).__name__}: {exc}") from exc


class _ImportAborted(Exception):
    pass


def load(group: str, base: type[P]) -> Registry[P]:
    """Every compatible plugin of ``group`` (subclasses of ``base``), and the rejected ones.

    Entry points are read afresh on every call (hosts cache the registry themselves), so a
    distribution installed since the last call is seen.
    """
    registry: Registry[P] = Registry(group)
    distributions = _declaring_distributions(group)

    def reject(name: str, target: str, reason: str, version: str | None = None) -> None:
        reason = _one_line(reason)
        dist = distributions.get((name, target), "unknown")
        registry.rejected.append(Rejection(group, name, target, reason, version, dist))
        log.warning("plugin %s of %s (%s) rejected: %s", name, group, dist, reason)

    def failed(manager: Any, entry_point: Any, exc: BaseException) -> None:
        shown = str(exc) if isinstance(exc, _ImportAborted) else f"{type(exc).__name__}: {exc}"
        reject(entry_point.name, entry_point.value, f"it failed to load: {shown}")
        log.debug("plugin %s of %s failed to load", entry_point.name, group, exc_info=exc)

    ExtensionManager.ENTRY_POINT_CACHE.pop(group, None)
    manager = _Manager(group, invoke_on_load=False, on_load_failure_callback=failed)
    for extension in manager.extensions:
        target = extension.entry_point.value
        problem = _checked(extension.name, extension.plugin, base)
        if problem is not None:
            reject(extension.name, target, problem, _declared_version(extension.plugin))
            continue
        if extension.name in registry.plugins:
            first = registry.plugins[extension.name]
            reject(extension.name, target, f"another plugin of that name ({first.target}, "
                   f"from {first.distribution}) was loaded first",
                   _declared_version(extension.plugin))
            continue
        registry.plugins[extension.name] = Loaded(
            extension.name, extension.plugin, extension.plugin.version,
            distributions.get((extension.name, target), "unknown"), target,
        )
    return registry
