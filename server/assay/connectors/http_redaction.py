"""Keeping credentials out of what the http connector records and reports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

from assay_sdk.connectors import ConnectorError

SECRET = "[secret]"
#: Headers whose values are secrets whatever the connection says.
ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


class Redactor:
    """Replaces every credential value (raw, percent- and JSON-encoded) with "[secret]"."""

    def __init__(self, secrets: Iterable[str], secret_headers: frozenset[str] = frozenset()
                 ) -> None:
        forms = {form for value in secrets if value
                 for form in (value, quote(value, safe=""), quote_plus(value),
                              str(httpx.QueryParams({"k": value}))[2:],
                              json.dumps(value)[1:-1])}
        ordered = sorted((form for form in forms if form), key=len, reverse=True)
        # One pass, longest form first: a replacement is never matched again.
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._headers = secret_headers

    def text(self, value: str) -> str:
        return self._pattern.sub(SECRET, value) if self._pattern else value

    def headers(self, headers: httpx.Headers) -> dict[str, str]:
        return {name: SECRET if name.lower() in self._headers else self.text(value)
                for name, value in headers.items()}

    def error(self, error: ConnectorError, *, attempts: int | None = None,
              request: Mapping[str, Any] | None = None) -> ConnectorError:
        """A copy of ``error`` with its message redacted and the exchange attached."""
        return ConnectorError(error.code, self.text(error.message),
                              request=request if request is not None else error.request,
                              response=error.response, artifacts=error.artifacts,
                              attempts=error.attempts if attempts is None else attempts)


def url_password(url: str) -> str:
    """A password written into the URL (https://user:password@host) is a secret too."""
    try:
        return httpx.URL(url).password or ""
    except httpx.InvalidURL:
        return ""
