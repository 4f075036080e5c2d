"""The ``connection:`` section of a plan file: an HTTP or browser connection, whose
credentials come from environment variables, validated exactly as the API validates one."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assay.connections import checks, config
from assay.connections.models import ConnectionKind
from assay.connections.specs import (
    BrowserSpec,
    ConnectionSpec,
    HeaderSpec,
    HttpAuthSpec,
    HttpSpec,
    SelectorsSpec,
    StepSpec,
)
from assay.runner import naming
from assay.runner.problems import Collector, Path
from assay.runner.specreader import read_spec
from assay.settings import plan_file_secret

SECTION = ("connection",)
KINDS: dict[str, tuple[ConnectionKind, type[HttpSpec] | type[BrowserSpec]]] = {
    "http": (ConnectionKind.HTTP, HttpSpec),
    "browser": (ConnectionKind.BROWSER, BrowserSpec),
}
KEYS = ("http", "browser", "credentials")
HOW_TO_ADD = "add it under connection.credentials, e.g. auth: {env: AGENT_TOKEN}"
#: Every field of a connection spec, as the API's messages spell them.
API_FIELDS = frozenset(
    naming.camel(f.name)
    for cls in (HttpSpec, HttpAuthSpec, HeaderSpec, BrowserSpec, SelectorsSpec, StepSpec)
    for f in dataclasses.fields(cls)
)


@dataclass(frozen=True)
class FileConnection:
    kind: ConnectionKind
    spec: ConnectionSpec
    #: The config as it will be stored (validated and normalised).
    config: dict[str, Any]
    #: Credential name -> value read from its environment variable.
    credentials: dict[str, str] = field(repr=False)


def read_connection(raw: object, concurrency: object, out: Collector
                    ) -> tuple[FileConnection | None, int]:
    """The connection and the concurrency to use; problems go to ``out``."""
    if not isinstance(raw, Mapping):
        what = "is required" if raw is None else "must be a mapping"
        out.add(SECTION, f"{what}: give http: or browser: (how to reach the agent) and "
                "credentials: (environment variables holding its secrets)")
        return None, 1
    for key in raw:
        if key not in KEYS:
            out.add((*SECTION, str(key)), "is not a field of a connection: use http or "
                    "browser, and credentials")
    kinds = [name for name in KINDS if name in raw]
    if len(kinds) != 1:
        out.add(SECTION, "give exactly one of http: (an HTTP endpoint) or browser: (a chat "
                "page driven in Chromium)")
        return None, 1
    kind, spec_class = KINDS[kinds[0]]
    path = (*SECTION, kinds[0])
    names, values = _credentials(raw.get("credentials"), out)
    spec = read_spec(spec_class, raw[kinds[0]], path, out)
    issues = checks.Issues()
    stored = None if spec is None else config.normalise(
        issues, path, spec, checks.CredentialRules(names, HOW_TO_ADD))
    limit = _concurrency(issues, kind, concurrency, out)
    _report(issues, out)
    if spec is None or stored is None or issues.items or len(values) != len(names):
        return None, limit
    return FileConnection(kind, spec, stored, values), limit


def _concurrency(issues: checks.Issues, kind: ConnectionKind, value: object,
                 out: Collector) -> int:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        out.add(("concurrency",), "must be a whole number of simultaneous conversations")
        value = None
    return config.concurrency(issues, ("concurrency",), kind, value)


def _report(issues: checks.Issues, out: Collector) -> None:
    for issue in issues.items:
        out.add(*naming.file_issue(issue, API_FIELDS))


def _credentials(raw: object, out: Collector) -> tuple[set[str], dict[str, str]]:
    """The credential names declared, and the values of those whose variable is set."""
    path = (*SECTION, "credentials")
    if raw is None:
        return set(), {}
    if not isinstance(raw, Mapping):
        out.add(path, "must map each credential name to the environment variable holding it, "
                "e.g. auth: {env: AGENT_TOKEN}")
        return set(), {}
    if len(raw) > config.MAX_CREDENTIALS:
        out.add(path, f"give at most {config.MAX_CREDENTIALS} credentials")
    names: set[str] = set()
    values: dict[str, str] = {}
    for key, source in raw.items():
        issues = checks.Issues()
        name = checks.credential_name(issues, (*path, str(key)), str(key))
        _report(issues, out)
        names.add(name)
        value = _from_environment(source, (*path, str(key)), name, out)
        if value is not None and not issues.items:
            values[name] = value
    return names, values


def _from_environment(source: object, path: Path, name: str, out: Collector) -> str | None:
    if not isinstance(source, Mapping) or list(source) != ["env"]:
        out.add(path, "name the environment variable that holds this secret, e.g. "
                "{env: AGENT_TOKEN}; plan files never hold secrets themselves")
        return None
    variable = source["env"]
    if not isinstance(variable, str) or not variable.strip():
        out.add((*path, "env"), "give the name of an environment variable, e.g. AGENT_TOKEN")
        return None
    secret = plan_file_secret(variable.strip())
    if secret is None:
        out.add((*path, "env"), f"the environment variable {variable.strip()} is not set (it "
                f"holds the credential '{name}'): export it, then run again")
        return None
    issues = checks.Issues()
    checks.credential_value(issues, (*path, "env"), secret.reveal())
    for issue in issues.items:
        out.add(issue.path, f"{variable.strip()}: {issue.message}")
    return None if issues.items else secret.reveal()
