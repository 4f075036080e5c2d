"""An organization's judge configurations: create, update, delete, list, and open one.

Each names a judge plugin (provider), a model, an optional base URL, the sampling the
evaluations use (temperature, samples) and an API key that is sealed at once and never
returned. At most one is the organization's default: evaluations that name no judge use
it. Making one the default clears the others in the same transaction, under a lock on the
organization's row so two concurrent changes cannot leave two defaults.

Other modules use :func:`get_configuration`, :func:`judge_snapshot` and :func:`open_judge`.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.connections.checks import Issues
from assay.connectors.network import NetworkPolicy
from assay.errors import Conflict, NotFound, invalid
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.ids import new_id
from assay.judging import fields, keys
from assay.judging.models import JudgeConfiguration
from assay.organizations.models import Organization
from assay.plugins.registry import judges
from assay.settings import Settings
from assay.tenancy.scope import require_org
from assay_sdk import Judge, JudgeError, JudgeSettings

#: The node type (global ids, audit targets).
TARGET = "Judge"
INPUT = ("input",)


@dataclass(frozen=True, kw_only=True)
class JudgeSpec:
    """A new configuration as the caller gave it (checked by create_configuration)."""

    name: str
    provider: str
    model: str
    base_url: str | None = None
    temperature: float | None = None
    samples: int | None = None
    api_key: str | None = None
    #: None: the default when the organization has none yet.
    is_default: bool | None = None


@dataclass(frozen=True, kw_only=True)
class JudgeChanges:
    """What to change; None leaves a field as it is."""

    name: str | None = None
    provider: str | None = None
    model: str | None = None
    #: "" goes back to the provider's public endpoint.
    base_url: str | None = None
    temperature: float | None = None
    samples: int | None = None
    #: A new key, sealed in place of the old one.
    api_key: str | None = None
    #: Forget the key (a keyless server).
    remove_api_key: bool = False
    #: True makes it the default; False is refused (make another one the default).
    is_default: bool | None = None

    def empty(self) -> bool:
        values = (self.name, self.provider, self.model, self.base_url, self.temperature,
                  self.samples, self.api_key, self.is_default)
        return all(v is None for v in values) and not self.remove_api_key


async def list_configurations() -> list[JudgeConfiguration]:
    """The organization's configurations, the default first, then by name."""
    return list(await JudgeConfiguration.all().order_by("-is_default", "name", "id"))


async def get_configuration(configuration_id: uuid.UUID | None) -> JudgeConfiguration | None:
    """The configuration with this id in the organization in scope; with None, the
    organization's default. None when there is no such configuration (or no default)."""
    if configuration_id is None:
        return await JudgeConfiguration.filter(is_default=True).order_by("created_at").first()
    return await JudgeConfiguration.filter(id=configuration_id).first()


async def require_configuration(configuration_id: uuid.UUID, *, lock: bool = False
                                ) -> JudgeConfiguration:
    queryset = JudgeConfiguration.filter(id=configuration_id)
    row = await (queryset.select_for_update() if lock else queryset).first()
    if row is None:
        raise NotFound(TARGET, configuration_id)
    return row


async def create_configuration(spec: JudgeSpec) -> JudgeConfiguration:
    issues = Issues()
    row = JudgeConfiguration(
        id=new_id(),
        name=fields.name(issues, (*INPUT, "name"), spec.name),
        provider=fields.provider(issues, (*INPUT, "provider"), spec.provider),
        model=fields.model(issues, (*INPUT, "model"), spec.model),
        base_url=fields.base_url(issues, (*INPUT, "baseUrl"), spec.base_url),
        temperature=fields.temperature(issues, (*INPUT, "temperature"), spec.temperature),
        samples=fields.samples(issues, (*INPUT, "samples"), spec.samples),
    )
    key = fields.api_key(issues, (*INPUT, "apiKey"), spec.api_key)
    issues.raise_if_any()
    await keys.seal_into(row, key)
    make_default = spec.is_default
    if make_default is None:
        make_default = await get_configuration(None) is None
    if make_default:
        await _clear_default()
    row.is_default = make_default
    await _save(row, None)
    await audit.record("judge.configure", target_type=TARGET, target_id=row.id,
                       details={**_described(row), "has_key": key is not None})
    return row


def _described(row: JudgeConfiguration) -> dict[str, Any]:
    return {"name": row.name, "provider": row.provider, "model": row.model,
            "base_url": row.base_url, "temperature": row.temperature,
            "samples": row.samples, "is_default": row.is_default}


async def update_configuration(configuration_id: uuid.UUID, changes: JudgeChanges
                               ) -> JudgeConfiguration:
    if changes.empty():
        raise invalid(INPUT, "nothing to change: give name, provider, model, baseUrl, "
                      "temperature, samples, apiKey, removeApiKey or isDefault",
                      "NOTHING_TO_CHANGE")
    row = await require_configuration(configuration_id, lock=True)
    values, key_change = _checked_changes(row, changes)
    changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
    for column in changed:
        setattr(row, column, values[column])
    if key_change is not None:
        await keys.seal_into(row, key_change[0])
        changed.append("api_key")
    if changes.is_default and not row.is_default:
        await _clear_default()
        row.is_default = True
        changed.append("is_default")
    if not changed:
        return row
    await _save(row, [*{c for c in changed if c != "api_key"}, *_KEY_COLUMNS, "updated_at"])
    await audit.record("judge.update", target_type=TARGET, target_id=row.id,
                       details={"changed": sorted(changed), "name": row.name})
    return row


_KEY_COLUMNS = ("key_ciphertext", "key_nonce", "key_version", "key_hint")


def _checked_changes(row: JudgeConfiguration, changes: JudgeChanges
                     ) -> tuple[dict[str, Any], tuple[str | None] | None]:
    """The new column values, and the key change ((new key or None,) or no change)."""
    issues = Issues()
    values: dict[str, Any] = {}
    if changes.name is not None:
        values["name"] = fields.name(issues, (*INPUT, "name"), changes.name)
    if changes.provider is not None:
        values["provider"] = fields.provider(issues, (*INPUT, "provider"), changes.provider)
    if changes.model is not None:
        values["model"] = fields.model(issues, (*INPUT, "model"), changes.model)
    if changes.base_url is not None:
        values["base_url"] = fields.base_url(issues, (*INPUT, "baseUrl"), changes.base_url)
    if changes.temperature is not None:
        values["temperature"] = fields.temperature(issues, (*INPUT, "temperature"),
                                                   changes.temperature)
    if changes.samples is not None:
        values["samples"] = fields.samples(issues, (*INPUT, "samples"), changes.samples)
    key_change: tuple[str | None] | None = None
    if changes.api_key is not None and changes.remove_api_key:
        issues.add((*INPUT, "removeApiKey"), "give a new apiKey or removeApiKey, not both",
                   "KEY_CONFLICT")
    elif changes.api_key is not None:
        key_change = (fields.api_key(issues, (*INPUT, "apiKey"), changes.api_key),)
    elif changes.remove_api_key and row.key_ciphertext is not None:
        key_change = (None,)
    if changes.is_default is False and row.is_default:
        issues.add((*INPUT, "isDefault"), "a default judge stops being the default only when "
                   "another one becomes it: update that one with isDefault: true",
                   "DEFAULT_REQUIRED")
    issues.raise_if_any()
    return values, key_change


async def delete_configuration(configuration_id: uuid.UUID) -> JudgeConfiguration:
    """Delete one configuration (its sealed key goes with it); returns the deleted row.

    Refused for the default while other configurations exist (evaluations that name no
    judge would silently lose theirs), and while a queued or running evaluation uses it.
    The last configuration may go: evaluations that need a judge then say how to add one.
    """
    row = await require_configuration(configuration_id, lock=True)
    if row.is_default and await JudgeConfiguration.exclude(id=row.id).exists():
        raise Conflict(f"{row.name!r} is the default judge: make another judge the default "
                       "(updateJudge with isDefault: true), then delete this one",
                       "DEFAULT_JUDGE")
    if await _in_use(row.id):
        raise Conflict(f"an evaluation that is queued or running uses {row.name!r}: wait "
                       "for it to finish, then delete the judge", "JUDGE_IN_USE")
    await row.delete()
    await audit.record("judge.delete", target_type=TARGET, target_id=row.id,
                       details={"name": row.name, "provider": row.provider,
                                "model": row.model})
    return row


async def _in_use(configuration_id: uuid.UUID) -> bool:
    live = (EvaluationStatus.QUEUED, EvaluationStatus.RUNNING)
    snapshots = await Evaluation.filter(status__in=live).values_list("judge", flat=True)
    return any(isinstance(s, dict) and s.get("configuration_id") == str(configuration_id)
               for s in snapshots)


async def _clear_default() -> None:
    """Unset the current default, holding the organization's row until the transaction ends
    (serialises concurrent default changes)."""
    await Organization.filter(id=require_org()).select_for_update().first()
    await JudgeConfiguration.filter(is_default=True).update(is_default=False)


async def _save(row: JudgeConfiguration, update_fields: list[str] | None) -> None:
    try:
        async with in_transaction():  # a savepoint: a clash leaves the request usable
            await row.save(update_fields=update_fields)
    except IntegrityError:
        raise Conflict(f"a judge named {row.name!r} already exists in this organization: "
                       "choose another name", "DUPLICATE_NAME") from None


def judge_snapshot(configuration: JudgeConfiguration) -> dict[str, Any]:
    """The judge as an evaluation records it: everything that shaped its verdicts, no key."""
    loaded = judges().plugins.get(configuration.provider)
    return {
        "configuration_id": str(configuration.id),
        "name": configuration.name,
        "provider": configuration.provider,
        "provider_version": loaded.version if loaded is not None else "",
        "model": configuration.model,
        "base_url": configuration.base_url,
        "temperature": configuration.temperature,
        "samples": configuration.samples,
    }


async def open_judge(configuration: JudgeConfiguration, settings: Settings) -> Judge:
    """The provider plugin for ``configuration``, with its key opened (in the organization in
    scope) and the operator's SSRF guard. The caller closes it with ``aclose``.

    Raises:
        JudgeError: CONFIGURATION when the provider is unavailable or the key does not open.
    """
    return await build_judge(configuration, settings)


async def build_judge(configuration: JudgeConfiguration, settings: Settings, *,
                      max_attempts: int | None = None, timeout_s: float | None = None
                      ) -> Judge:
    """:func:`open_judge` with the retry budget or timeout changed (a quick test call)."""
    try:
        plugin = judges().get(configuration.provider)
    except LookupError as exc:
        raise JudgeError("CONFIGURATION", f"{exc}: choose an available provider for judge "
                         f"{configuration.name!r} with updateJudge") from None
    try:
        api_key = await keys.open_key(configuration)
    except keys.KeyUnreadable as exc:
        raise JudgeError("CONFIGURATION", f"the API key of judge {configuration.name!r} "
                         f"cannot be opened ({exc}): set it again with updateJudge") from None
    judge_settings = JudgeSettings(model=configuration.model,
                                   base_url=configuration.base_url or None, api_key=api_key)
    changes: dict[str, Any] = {}
    if max_attempts is not None:
        changes["max_attempts"] = max_attempts
    if timeout_s is not None:
        changes["timeout_s"] = timeout_s
    if changes:
        judge_settings = dataclasses.replace(judge_settings, **changes)
    return plugin(judge_settings, guard=NetworkPolicy(allow_private=settings.allow_private_targets))
