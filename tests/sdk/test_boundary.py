"""assay_sdk imports nothing from assay, so it can ship on its own."""

from __future__ import annotations

import ast
from pathlib import Path

import assay_sdk

SDK = Path(assay_sdk.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_sdk_never_imports_the_server() -> None:
    offenders = {
        str(path.relative_to(SDK)): sorted(n for n in imported_modules(path)
                                           if n == "assay" or n.startswith("assay."))
        for path in SDK.rglob("*.py")
    }

    assert {"__init__.py", "connectors.py", "evaluators.py", "judges.py", "llm.py", "pii.py",
            "registry.py", "version.py"} <= set(offenders)
    assert {name: found for name, found in offenders.items() if found} == {}
