"""Settings: the only module that reads the environment.

Every value has a safe default for the embedded development stack. Secret values are
wrapped in :class:`Secret`, whose ``repr`` and ``str`` never show the value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Environment = Literal["development", "production", "test"]


class Secret:
    """A string that never prints itself."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    environment: Environment = "development"
    data_dir: Path = field(default_factory=lambda: Path.home() / ".assay")
    #: Application role URL (non-owner, subject to row-level security). None = embedded.
    database_url: Secret | None = None
    #: Owner role URL used by migrations and privileged CLI commands. None = derived.
    database_owner_url: Secret | None = None
    #: Name of the runtime role `assay migrate` grants privileges to.
    database_app_role: str = "assay_app"
    redis_url: Secret | None = None
    #: Key-encryption keys: "id:base64key" entries, the first is current. None = generated file.
    kek: Secret | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    #: API server processes `assay serve` starts.
    web_workers: int = 1
    max_request_bytes: int = 1_048_576
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    log_level: str = "INFO"
    #: Let connections reach loopback, private and link-local addresses (demos and tests).
    allow_private_targets: bool = False
    #: Chromium for browser connections (Playwright drives it; it cannot download its own).
    browser_executable: str = "/usr/bin/chromium"

    @property
    def production(self) -> bool:
        return self.environment == "production"


def _secret(name: str) -> Secret | None:
    value = os.environ.get(name)
    return Secret(value) if value else None


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be true or false (1/0, yes/no), got {raw!r}")


def _environment() -> Environment:
    raw = os.environ.get("ASSAY_ENV", "development")
    if raw not in ("development", "production", "test"):
        raise SettingsError(
            f"ASSAY_ENV must be development, production or test, got {raw!r}"
        )
    return raw  # type: ignore[return-value]


def load_settings() -> Settings:
    """Read the environment once and return an immutable settings object."""
    data_dir = Path(os.environ.get("ASSAY_DATA_DIR") or Path.home() / ".assay").expanduser()
    return Settings(
        environment=_environment(),
        data_dir=data_dir,
        database_url=_secret("DATABASE_URL"),
        database_owner_url=_secret("DATABASE_OWNER_URL"),
        database_app_role=os.environ.get("ASSAY_DATABASE_APP_ROLE", "assay_app"),
        redis_url=_secret("REDIS_URL"),
        kek=_secret("ASSAY_KEK"),
        host=os.environ.get("ASSAY_HOST", "127.0.0.1"),
        port=_int("ASSAY_PORT", 8000),
        web_workers=_int("ASSAY_WEB_WORKERS", 1),
        max_request_bytes=_int("ASSAY_MAX_REQUEST_BYTES", 1_048_576),
        max_query_depth=_int("ASSAY_MAX_QUERY_DEPTH", 10),
        max_aliases=_int("ASSAY_MAX_ALIASES", 15),
        max_tokens=_int("ASSAY_MAX_TOKENS", 2000),
        log_level=os.environ.get("ASSAY_LOG_LEVEL", "INFO"),
        allow_private_targets=_bool("ASSAY_ALLOW_PRIVATE_TARGETS", False),
        browser_executable=os.environ.get("ASSAY_BROWSER_EXECUTABLE", "/usr/bin/chromium"),
    )
