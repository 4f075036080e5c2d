"""Real installed distributions made on the fly: a package and its dist-info on sys.path.

Python's import system and importlib.metadata see them exactly as they see a pip-installed
package, so the registry and the conformance kit load them through their entry points.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


def write_distribution(root: Path, *, name: str, version: str, package: str,
                       modules: Mapping[str, str],
                       entry_points: Mapping[str, Mapping[str, str]],
                       data: Mapping[str, str] | None = None) -> Path:
    """Under ``root``: package ``package`` (``modules``: relative path -> source, data
    files likewise) and ``<name>-<version>.dist-info`` declaring ``entry_points``."""
    for relative, source in {**modules, **(data or {})}.items():
        path = root / package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "top_level.txt").write_text(f"{package}\n")
    sections = [f"[{group}]\n" + "".join(f"{ep} = {target}\n" for ep, target in eps.items())
                for group, eps in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(sections))
    return root


@contextmanager
def on_path(root: Path, *packages: str) -> Iterator[Path]:
    """``root`` importable for the duration; its packages forgotten afterwards."""
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield root
    finally:
        sys.path.remove(str(root))
        for module in list(sys.modules):
            if module.split(".")[0] in packages:
                del sys.modules[module]
        importlib.invalidate_caches()
