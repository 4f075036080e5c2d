"""Settings: the only module that reads the environment.

Every value has a safe default for the embedded development stack. Secret values are
wrapped in :class:`Secret`, whose ``repr`` and ``str`` never show the value.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, urlsplit

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
class OidcProvider:
    """The OpenID Connect provider people may sign in with (Google, or any other).

    Its endpoints and keys come from ``{issuer}/.well-known/openid-configuration``.
    """

    #: The slug in the sign-in URLs: /auth/oidc/{name}/start and /auth/oidc/{name}/callback.
    name: str
    issuer: str
    client_id: str
    client_secret: Secret
    #: The page the callback sends the browser to, with the result in the URL fragment.
    #: None = {public_url}/sign-in/oidc.
    return_url: str | None = None


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
    #: arq's limit for one case job. A job whose worker died (SIGKILL, lost machine) is run
    #: again by another worker this long (plus 10 s) after it started; a case's conversation
    #: must end before it (see assay.runs.jobs.conversation_budget).
    job_timeout_seconds: int = 300
    #: Jobs one worker process runs at once from the default (HTTP) queue.
    worker_max_jobs: int = 50
    #: Browser cases one worker process runs at once (each a context of its one browser).
    browser_worker_max_jobs: int = 2
    #: The API key `assay run --server` sends when --api-key is not given (keeps it out of
    #: shell history and CI logs).
    api_key: Secret | None = None
    #: Requests per minute one API key may make to the REST API (/api/v1).
    api_rate_limit: int = 600

    #: Outgoing mail: ``smtp://user:password@host:port`` (``?starttls=true|false``; absent =
    #: STARTTLS when the server offers it) or ``smtps://`` for TLS from the first byte.
    #: None = messages go to the outbox under data_dir (``assay mail outbox`` lists them).
    smtp_url: Secret | None = None
    mail_from: str = "Assay <assay@localhost>"
    #: The base of links in emails; never taken from a request's Host header.
    public_url: str = "http://127.0.0.1:8000"
    #: argon2id cost; the default is argon2-cffi's (RFC 9106 low-memory profile).
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    #: How long a mailed invitation to join an organization works.
    invitation_lifetime_hours: int = 72
    #: Sign-in with an OpenID Connect provider (Google); None = not offered.
    oidc: OidcProvider | None = None
    #: A session ends after this long without a request, and this long after sign-in at most.
    session_idle_minutes: int = 60
    session_absolute_hours: int = 12
    #: Brute-force throttling of password, TOTP and recovery-code attempts (counted in
    #: Redis): after this many failures on one account (or from one client address), each
    #: further attempt must wait a delay that starts at ``login_delay_seconds`` and doubles
    #: per failure, up to ``login_max_delay_seconds``. Failures are forgotten after an hour
    #: without one, and an account's at a completed sign-in.
    login_free_failures: int = 5
    login_address_free_failures: int = 20
    login_delay_seconds: int = 1
    login_max_delay_seconds: int = 900
    #: The hard ceiling of failures per account in any hour, whatever the addresses.
    login_max_failures_per_hour: int = 100
    #: Password-reset links one address may be sent per hour.
    password_reset_links_per_hour: int = 5
    #: Origins (``https://app.example.com``) whose pages may open the GraphQL websocket with
    #: the session cookie, besides the server's own origin. An API key sent in connection_init
    #: works from any origin: only the ambient cookie needs this guard (cross-site hijacking).
    allowed_origins: tuple[str, ...] = ()
    #: Subscriptions one websocket connection may have open at once.
    max_subscriptions_per_connection: int = 10
    #: A live subscription re-reads the database (and re-checks its caller) at least this
    #: often, notified or not: a lost notification delays an update by at most this long.
    progress_poll_ms: int = 3000

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


def _positive(name: str, default: int) -> int:
    value = _int(name, default)
    if value < 1:
        raise SettingsError(f"{name} must be 1 or more, got {value}")
    return value


def _between(name: str, default: int, low: int, high: int) -> int:
    value = _int(name, default)
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be true or false (1/0, yes/no), got {raw!r}")


def _smtp_url() -> Secret | None:
    secret = _secret("ASSAY_SMTP_URL")
    if secret is None:
        return None
    parts = urlsplit(secret.reveal())
    starttls = parse_qs(parts.query).get("starttls", ["auto"])[0].lower()
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname or not port_ok or (
        starttls not in ("auto", "true", "false")
    ):
        raise SettingsError(
            "ASSAY_SMTP_URL must look like smtp://user:password@host:587?starttls=true "
            "(or smtps://... for implicit TLS); starttls is true, false or left out"
        )
    return secret


def _public_url(host: str, port: int) -> str:
    raw = os.environ.get("ASSAY_PUBLIC_URL") or f"http://{host}:{port}"
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(
            f"ASSAY_PUBLIC_URL must be the http(s) address people open Assay at, like "
            f"https://assay.example.com, got {raw!r}"
        )
    return raw.rstrip("/")


def _argon2() -> dict[str, int]:
    """argon2id cost, refused below the ASVS 5 / OWASP minimums (m in KiB, t passes)."""
    time_cost = _int("ASSAY_ARGON2_TIME_COST", 3)
    memory = _int("ASSAY_ARGON2_MEMORY_KIB", 65536)
    parallelism = _int("ASSAY_ARGON2_PARALLELISM", 4)
    strong = (time_cost == 1 and memory >= 47104) or (time_cost == 2 and memory >= 19456) or (
        time_cost >= 3 and memory >= 12288)
    if not strong or parallelism < 1:
        raise SettingsError(
            "ASSAY_ARGON2_TIME_COST / ASSAY_ARGON2_MEMORY_KIB are too weak: use t=1 with at "
            "least 47104 KiB, t=2 with 19456 KiB, or t>=3 with 12288 KiB, and parallelism >= 1"
        )
    return {"argon2_time_cost": time_cost, "argon2_memory_kib": memory,
            "argon2_parallelism": parallelism}


def _sessions() -> dict[str, int]:
    idle = _int("ASSAY_SESSION_IDLE_MINUTES", 60)
    absolute = _int("ASSAY_SESSION_ABSOLUTE_HOURS", 12)
    if idle < 1 or absolute < 1 or idle > absolute * 60:
        raise SettingsError(
            "ASSAY_SESSION_IDLE_MINUTES and ASSAY_SESSION_ABSOLUTE_HOURS must be 1 or more, "
            "and the idle timeout no longer than the absolute one"
        )
    return {"session_idle_minutes": idle, "session_absolute_hours": absolute}


def _login_throttle() -> dict[str, int]:
    """Throttling of sign-in attempts; failures are remembered for an hour, so no delay may
    be longer, and NIST SP 800-63B allows at most 100 failures per account."""
    delay = _between("ASSAY_LOGIN_DELAY_SECONDS", 1, 1, 3600)
    max_delay = _int("ASSAY_LOGIN_MAX_DELAY_SECONDS", 900)
    if not delay <= max_delay <= 3600:
        raise SettingsError(
            f"ASSAY_LOGIN_MAX_DELAY_SECONDS must be between ASSAY_LOGIN_DELAY_SECONDS ({delay}) "
            f"and 3600, got {max_delay}"
        )
    return {
        "login_free_failures": _between("ASSAY_LOGIN_FREE_FAILURES", 5, 1, 100),
        "login_address_free_failures": _between("ASSAY_LOGIN_ADDRESS_FREE_FAILURES", 20, 1,
                                                100_000),
        "login_delay_seconds": delay,
        "login_max_delay_seconds": max_delay,
        "login_max_failures_per_hour": _between("ASSAY_LOGIN_MAX_FAILURES_PER_HOUR", 100, 1,
                                                100),
        "password_reset_links_per_hour": _between("ASSAY_PASSWORD_RESET_LINKS_PER_HOUR", 5, 1,
                                                  100),
    }


def _allowed_origins() -> tuple[str, ...]:
    raw = os.environ.get("ASSAY_ALLOWED_ORIGINS", "")
    origins = []
    for entry in (part.strip() for part in raw.split(",")):
        if not entry:
            continue
        parts = urlsplit(entry)
        if parts.scheme not in ("http", "https") or not parts.hostname or (
            parts.path not in ("", "/") or parts.query or parts.fragment or parts.username
        ):
            raise SettingsError(
                "ASSAY_ALLOWED_ORIGINS must be a comma-separated list of origins like "
                f"https://app.example.com (scheme, host, optional port; no path), got {entry!r}"
            )
        origins.append(f"{parts.scheme}://{parts.netloc.lower()}")
    return tuple(origins)


def _oidc_url(name: str, raw: str, environment: str) -> str:
    """https, or http to a loopback host outside production (a provider run for tests).

    Kept exactly as given: ID tokens must name this issuer character for character.
    """
    parts = urlsplit(raw)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    plain_ok = parts.scheme == "http" and loopback and environment != "production"
    if not parts.hostname or parts.query or parts.fragment or not (
        parts.scheme == "https" or plain_ok
    ):
        raise SettingsError(
            f"{name} must be an https URL without query or fragment, like "
            f"https://accounts.google.com (http only to 127.0.0.1 outside production), "
            f"got {raw!r}"
        )
    return raw


def _oidc(environment: str) -> OidcProvider | None:
    issuer = os.environ.get("ASSAY_OIDC_ISSUER", "")
    client_id = os.environ.get("ASSAY_OIDC_CLIENT_ID", "")
    secret = _secret("ASSAY_OIDC_CLIENT_SECRET")
    if not (issuer or client_id or secret):
        return None
    if not (issuer and client_id and secret):
        raise SettingsError(
            "set all of ASSAY_OIDC_ISSUER, ASSAY_OIDC_CLIENT_ID and ASSAY_OIDC_CLIENT_SECRET "
            "to offer sign-in with an OpenID Connect provider (Google), or none of them"
        )
    name = os.environ.get("ASSAY_OIDC_PROVIDER") or "google"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", name):
        raise SettingsError(
            f"ASSAY_OIDC_PROVIDER must be a short lower-case slug like google, got {name!r}")
    return_url = os.environ.get("ASSAY_OIDC_RETURN_URL") or None
    if return_url is not None:
        parts = urlsplit(return_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.fragment:
            raise SettingsError(
                "ASSAY_OIDC_RETURN_URL must be the http(s) address of the page that finishes "
                f"a Google sign-in (no fragment), got {return_url!r}")
    return OidcProvider(name=name, issuer=_oidc_url("ASSAY_OIDC_ISSUER", issuer, environment),
                        client_id=client_id, client_secret=secret, return_url=return_url)


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
    host, port = os.environ.get("ASSAY_HOST", "127.0.0.1"), _int("ASSAY_PORT", 8000)
    return Settings(
        smtp_url=_smtp_url(),
        mail_from=os.environ.get("ASSAY_MAIL_FROM") or "Assay <assay@localhost>",
        public_url=_public_url(host, port),
        **_argon2(),
        **_sessions(),
        **_login_throttle(),
        invitation_lifetime_hours=_between("ASSAY_INVITATION_HOURS", 72, 1, 720),
        oidc=_oidc(_environment()),
        environment=_environment(),
        data_dir=data_dir,
        database_url=_secret("DATABASE_URL"),
        database_owner_url=_secret("DATABASE_OWNER_URL"),
        database_app_role=os.environ.get("ASSAY_DATABASE_APP_ROLE", "assay_app"),
        redis_url=_secret("REDIS_URL"),
        kek=_secret("ASSAY_KEK"),
        host=host,
        port=port,
        web_workers=_int("ASSAY_WEB_WORKERS", 1),
        max_request_bytes=_int("ASSAY_MAX_REQUEST_BYTES", 1_048_576),
        max_query_depth=_int("ASSAY_MAX_QUERY_DEPTH", 10),
        max_aliases=_int("ASSAY_MAX_ALIASES", 15),
        max_tokens=_int("ASSAY_MAX_TOKENS", 2000),
        log_level=os.environ.get("ASSAY_LOG_LEVEL", "INFO"),
        allow_private_targets=_bool("ASSAY_ALLOW_PRIVATE_TARGETS", False),
        browser_executable=os.environ.get("ASSAY_BROWSER_EXECUTABLE", "/usr/bin/chromium"),
        job_timeout_seconds=_between("ASSAY_JOB_TIMEOUT_SECONDS", 300, 10, 86_400),
        worker_max_jobs=_between("ASSAY_WORKER_MAX_JOBS", 50, 1, 1000),
        browser_worker_max_jobs=_between("ASSAY_BROWSER_WORKER_MAX_JOBS", 2, 1, 100),
        api_key=_secret("ASSAY_API_KEY"),
        api_rate_limit=_positive("ASSAY_API_RATE_LIMIT", 600),
        allowed_origins=_allowed_origins(),
        max_subscriptions_per_connection=_between(
            "ASSAY_MAX_SUBSCRIPTIONS_PER_CONNECTION", 10, 1, 1000),
        progress_poll_ms=_between("ASSAY_PROGRESS_POLL_MS", 3000, 100, 60_000),
    )


def plan_file_secret(name: str) -> Secret | None:
    """The environment variable a plan file names for a credential (`assay run FILE`).

    Plan files never hold secrets themselves: they say which variable does, e.g.
    ``credentials: {auth: {env: AGENT_TOKEN}}``. None when it is unset or empty.
    """
    return _secret(name)
