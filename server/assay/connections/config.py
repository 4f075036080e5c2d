"""Connection configuration: validate a spec of either kind into the dict stored, never a secret."""

from __future__ import annotations

# The stored dict holds no secret: secrets are credentials, referenced by name — ``auth`` for
# the HTTP auth scheme, ``header:<Name>`` for a secret header, ``{{credentials.NAME}}`` in a
# browser step value. Field checks live in checks.py, the kinds in http_config.py and
# browser_config.py, the meaning of placeholders and response paths in templates.py.
from collections.abc import Sequence
from typing import Any

from assay.connections import checks
from assay.connections.browser_config import normalise_browser
from assay.connections.checks import CredentialRules, Issues, Path
from assay.connections.http_config import normalise_http
from assay.connections.models import ConnectionKind
from assay.connections.specs import ConnectionSpec, CredentialValue, HttpSpec

MAX_NAME = 200
MAX_CREDENTIALS = 50
#: (minimum, maximum, default) simultaneous conversations per kind.
CONCURRENCY: dict[ConnectionKind, tuple[int, int, int]] = {
    ConnectionKind.HTTP: (1, 100, 10),
    ConnectionKind.BROWSER: (1, 20, 2),
}

def normalise(issues: Issues, path: Path, spec: ConnectionSpec,
              credentials: CredentialRules) -> dict[str, Any]:
    """The config dict to store for ``spec``; every problem is added to ``issues``."""
    if isinstance(spec, HttpSpec):
        return normalise_http(issues, path, spec, credentials)
    return normalise_browser(issues, path, spec, credentials)


def concurrency(issues: Issues, path: Path, kind: ConnectionKind, value: int | None) -> int:
    """The concurrency to store: the kind's default when None."""
    return checks.bounded(issues, path, value, CONCURRENCY[kind], "simultaneous conversations")


def normalise_name(issues: Issues, path: Path, name: str) -> str:
    result = name.strip()
    if not result or len(result) > MAX_NAME:
        issues.add(path, f"give the connection a name of 1 to {MAX_NAME} characters",
                   "INVALID_NAME")
    return result


def credential_list(issues: Issues, path: Path,
                    credentials: Sequence[CredentialValue]) -> dict[str, str]:
    """Name → value of the credentials given at creation; names unique, values non-empty."""
    if len(credentials) > MAX_CREDENTIALS:
        issues.add(path, f"give at most {MAX_CREDENTIALS} credentials", "TOO_MANY")
    result: dict[str, str] = {}
    for index, credential in enumerate(credentials):
        where = (*path, str(index))
        name = checks.credential_name(issues, (*where, "name"), credential.name)
        checks.credential_value(issues, (*where, "value"), credential.value)
        if name in result:
            issues.add((*where, "name"), f"the credential '{name}' is given twice: keep one",
                       "DUPLICATE_NAME")
        result[name] = credential.value
    return result
