"""Loading plugins from entry points, and recording why any was rejected.

A plugin that fails to import, is of the wrong kind, names itself differently from its
entry point, or targets another SDK API version is left out and reported; it never stops
the host.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Generic, TypeVar

from stevedore import ExtensionManager

from assay_sdk.connectors import API_VERSION

log = logging.getLogger(__name__)

P = TypeVar("P")


@dataclass(frozen=True)
class Rejection:
    group: str
    name: str
    #: The entry point's target, e.g. "acme_eval.tone:ToneEvaluator".
    target: str
    reason: str


@dataclass(frozen=True)
class Loaded(Generic[P]):
    name: str
    plugin: type[P]
    version: str
    #: The distribution that ships it, e.g. "assay 0.1.0".
    distribution: str


@dataclass
class Registry(Generic[P]):
    group: str
    plugins: dict[str, Loaded[P]] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)

    def get(self, name: str) -> type[P]:
        try:
            return self.plugins[name].plugin
        except KeyError:
            why = [r.reason for r in self.rejected if r.name == name]
            detail = f": it was rejected ({why[0]})" if why else ": no plugin has that name"
            raise LookupError(f"plugin {name!r} of {self.group} is not available{detail}") from None


def _distribution(target: str) -> str:
    module = target.partition(":")[0].split(".")[0]
    for dist in metadata.packages_distributions().get(module, []):
        return f"{dist} {metadata.version(dist)}"
    return "unknown"


def _problem(name: str, plugin: Any, base: type[Any]) -> str | None:
    if not isinstance(plugin, type) or not issubclass(plugin, base):
        return f"it is not a subclass of {base.__module__}.{base.__qualname__}"
    if getattr(plugin, "name", None) != name:
        return f"its name {getattr(plugin, 'name', None)!r} differs from the entry point {name!r}"
    if getattr(plugin, "api_version", None) != API_VERSION:
        return (f"it targets SDK API version {getattr(plugin, 'api_version', None)}, "
                f"this host speaks {API_VERSION}")
    if not isinstance(getattr(plugin, "version", None), str):
        return "it declares no version"
    return None


def load(group: str, base: type[P]) -> Registry[P]:
    """Every compatible plugin of ``group`` (subclasses of ``base``), and the rejected ones."""
    registry: Registry[P] = Registry(group)

    def failed(manager: Any, entry_point: Any, exc: BaseException) -> None:
        registry.rejected.append(Rejection(group, entry_point.name, entry_point.value,
                                           f"it failed to load: {type(exc).__name__}: {exc}"))
        log.warning("plugin %s of %s failed to load", entry_point.name, group, exc_info=exc)

    manager = ExtensionManager(group, invoke_on_load=False, on_load_failure_callback=failed)
    for extension in manager.extensions:
        target = extension.entry_point.value
        problem = _problem(extension.name, extension.plugin, base)
        if problem is not None:
            registry.rejected.append(Rejection(group, extension.name, target, problem))
            log.warning("plugin %s of %s rejected: %s", extension.name, group, problem)
            continue
        registry.plugins[extension.name] = Loaded(
            extension.name, extension.plugin, extension.plugin.version, _distribution(target)
        )
    return registry
