"""What a browser conversation records: secrets kept out of it, the console log, the steps."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from playwright.async_api import ConsoleMessage, Dialog, Request

from assay.connections.templates import (
    CREDENTIAL_REF,
    PLACEHOLDER,
    credential_refs,
    fill_step_value,
)
from assay.connectors.browser_options import Step
from assay.connectors.http_redaction import SECRET, Redactor
from assay_sdk.connectors import ConnectorError

MAX_LOG_LINES = 2_000
MAX_LINE = 4_000


class Secrets:
    """A conversation's credentials: filled into step values, redacted from all it records."""

    def __init__(self, credentials: Mapping[str, str]) -> None:
        self._credentials = dict(credentials)
        self._redactor = Redactor(self._credentials.values())

    def fill(self, step: Step) -> str:
        """The step's value with each {{credentials.NAME}} replaced by the secret."""
        try:
            return fill_step_value(step.value or "", self._credentials)
        except KeyError as exc:
            raise ConnectorError(
                "CONFIGURATION", f"{step.describe()} uses the credential {exc}, which is not "
                "set: add it to the connection's credentials") from None

    def redact(self, text: str) -> str:
        """``text`` with every credential value (also percent- or JSON-encoded) as [secret]."""
        return self._redactor.text(text)

    def uses_secret(self, step: Step) -> bool:
        return any(ref is not None for ref in credential_refs(step.value or ""))


def shown(step: Step) -> dict[str, Any]:
    """The step as Exchange.request shows it: credential placeholders become [secret]."""
    entry: dict[str, Any] = {"step": step.label, "action": step.action}
    for name in ("selector", "key", "url", "milliseconds"):
        if getattr(step, name) is not None:
            entry[name] = getattr(step, name)
    if step.value is not None:
        entry["value"] = PLACEHOLDER.sub(
            lambda m: SECRET if CREDENTIAL_REF.fullmatch(m.group(1)) else m.group(0),
            step.value)
    return entry


class Journal:
    """The browser console log of one conversation (plus page errors, failed requests,
    dialogs and refused connections), redacted, newest lines kept when it grows long."""

    def __init__(self, secrets: Secrets) -> None:
        self._secrets = secrets
        self._lines: deque[str] = deque(maxlen=MAX_LOG_LINES)
        self._dropped = 0

    def add(self, source: str, text: str) -> None:
        if len(self._lines) == MAX_LOG_LINES:
            self._dropped += 1
        stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
        line = self._secrets.redact(f"{stamp} {source}: {text}")
        self._lines.append(line if len(line) <= MAX_LINE else f"{line[:MAX_LINE]} [cut]")

    def console(self, message: ConsoleMessage) -> None:
        if str(message.type) == "verbose":  # Chromium's own hints, hidden by default in DevTools
            return
        where = message.location
        # Line numbers from 1, as DevTools shows them (Chromium reports them from 0).
        origin = f" ({where['url']}:{where['lineNumber'] + 1})" if where.get("url") else ""
        self.add(f"console.{message.type}", f"{message.text}{origin}")

    def page_error(self, error: Exception) -> None:
        self.add("pageerror", str(error))

    def request_failed(self, request: Request) -> None:
        self.add("network", f"{request.method} {request.url} failed: {request.failure}")

    async def dialog(self, dialog: Dialog) -> None:
        self.add("dialog", f"{dialog.type} {dialog.message!r} (dismissed)")
        await dialog.dismiss()

    def lines(self) -> tuple[str, ...]:
        """The log so far, oldest first (a first line says how many were dropped, if any)."""
        head = (f"[{self._dropped} earlier lines dropped]",) if self._dropped else ()
        return (*head, *self._lines)

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"
