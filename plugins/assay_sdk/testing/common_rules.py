"""Rules every plugin kind shares: the host's registry accepts it; its metadata is sane."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assay_sdk.testing.model import ConformanceFailure, Rule, Target
from assay_sdk.version import API_VERSION

SLUG = re.compile(r"[a-z][a-z0-9_]*")
#: Semantic versioning 2.0: MAJOR.MINOR.PATCH, optional pre-release and build metadata.
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?")


def fail_if(problems: Iterable[str]) -> None:
    """Raise one failure listing every problem found, if any."""
    found = list(problems)
    if len(found) == 1:
        raise ConformanceFailure(found[0])
    if found:
        raise ConformanceFailure("\n".join(f"- {problem}" for problem in found))


def check_registry(target: Target) -> str | None:
    registry = target.registry()
    loaded = registry.plugins.get(target.name)
    if loaded is not None and loaded.target == target.value:
        return None
    for rejection in registry.rejected:
        if rejection.name == target.name and rejection.target == target.value:
            raise ConformanceFailure(f"the host's registry rejects it: {rejection.reason}")
    if loaded is not None:
        raise ConformanceFailure(
            f"another plugin of {target.group} named {target.name!r} ({loaded.target}, from "
            f"{loaded.distribution}) is loaded instead: rename yours or uninstall the other")
    raise ConformanceFailure(f"the host's registry does not find it in {target.group}")


def text_problem(plugin: Any, attribute: str) -> str | None:
    value = getattr(plugin, attribute, None)
    if not isinstance(value, str) or not value.strip():
        return f"{attribute} must be a non-empty string, it is {value!r}"
    return None


def identity_problems(target: Target, plugin: Any) -> list[str]:
    """Slug, semantic version and SDK API version."""
    problems = []
    name = getattr(plugin, "name", None)
    if not isinstance(name, str) or not SLUG.fullmatch(name):
        problems.append(f"name {name!r} is not a slug ([a-z][a-z0-9_]*)")
    elif name != target.name:
        problems.append(f"name {name!r} differs from its entry point {target.name!r}")
    version = getattr(plugin, "version", None)
    if not isinstance(version, str) or not SEMVER.fullmatch(version):
        problems.append(f"version {version!r} is not a semantic version (e.g. 1.0.0)")
    api_version = getattr(plugin, "api_version", None)
    if api_version != API_VERSION:
        problems.append(f"api_version {api_version!r} is not this SDK's {API_VERSION}")
    return problems


REGISTRY = Rule("registry", "the host's registry loads it (else it says why not)",
                check_registry)
