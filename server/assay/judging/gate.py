"""The calibration gate: which evaluator versions an organization may use with a judge model.

An evaluator that calls a judge may be enabled for (provider, model) when the latest
stored calibration report of its current version with that model is within its declared
margin. Without one, only an owner may enable it, with a written reason (at least
``MIN_REASON`` characters) that is stored with the enablement and in the audit trail.

Enabling what is already enabled succeeds and changes nothing (``created`` is False, no
event is written): a client that retries never sees a spurious error.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from assay.audit import service as audit
from assay.audit.context import current_actor
from assay.errors import Conflict, NotFound, invalid
from assay.judging.models import CalibrationReport, EvaluatorEnablement
from assay.plugins.registry import evaluators, judges
from assay_sdk import CalibrationMargin, Evaluator

MIN_REASON = 20
MAX_REASON = 2000
MAX_MODEL = 200
#: The node type (global ids, audit targets).
TARGET = "EvaluatorEnablement"
INPUT = ("input",)


class GateRefused(Conflict):
    """The gate keeps this evaluator version closed for the judge model; nothing was written.

    ``code``: NO_CALIBRATION, OUTSIDE_MARGIN or OVERRIDE_NOT_ALLOWED.
    """

    def __init__(self, code: str, message: str, *, evaluator: type[Evaluator], judge: str,
                 model: str, report: CalibrationReport | None) -> None:
        super().__init__(message, code)
        self.evaluator = evaluator.name
        self.version = evaluator.version
        self.margin: CalibrationMargin = evaluator.margin
        self.judge = judge
        self.model = model
        #: The latest report for the version and model, when there is one.
        self.report = report


@dataclass(frozen=True)
class Enabled:
    enablement: EvaluatorEnablement
    #: False when it was enabled already (nothing changed).
    created: bool


async def not_enabled(evaluators: Sequence[type[Evaluator]], provider: str, model: str
                      ) -> list[str]:
    """Slugs, in the given order, of the evaluators that call a judge and whose current
    version is not enabled for (provider, model) in the organization in scope."""
    judged = [e for e in evaluators if e.uses_judge]
    if not judged:
        return []
    rows = await EvaluatorEnablement.filter(
        judge=provider, model=model, evaluator__in=sorted({e.name for e in judged})
    ).values_list("evaluator", "evaluator_version")
    enabled = {(str(slug), str(version)) for slug, version in rows}
    return [e.name for e in judged if (e.name, e.version) not in enabled]


async def latest_report(evaluator: str, version: str, judge: str, model: str
                        ) -> CalibrationReport | None:
    """The most recent calibration report of this evaluator version with this model."""
    return await CalibrationReport.filter(
        evaluator=evaluator, evaluator_version=version, judge=judge, model=model
    ).order_by("-created_at", "-id").first()


def evaluator_class(slug: str) -> type[Evaluator]:
    """A loaded evaluator that calls a judge, or a validation error saying what is wrong."""
    registry = evaluators()
    path = (*INPUT, "evaluator")
    if slug in registry.plugins:
        plugin = registry.plugins[slug].plugin
        if not plugin.uses_judge:
            raise invalid(path, f"{slug} calls no judge: it needs no enabling and can be "
                          "used in any evaluation", "NO_JUDGE_NEEDED")
        return plugin
    rejected = [r.reason for r in registry.rejected if r.name == slug]
    if rejected:
        raise invalid(path, f"the evaluator {slug!r} is installed but unavailable "
                      f"({rejected[0]}): fix or reinstall its package", "EVALUATOR_UNAVAILABLE")
    available = ", ".join(sorted(registry.plugins)) or "none is installed"
    raise invalid(path, f"unknown evaluator {slug!r}: choose one of {available}",
                  "UNKNOWN_EVALUATOR")


def _judge(provider: str, model: str) -> tuple[str, str]:
    provider, model = provider.strip(), model.strip()
    registry = judges()
    if provider not in registry.plugins:
        available = ", ".join(sorted(registry.plugins)) or "none is installed"
        raise invalid((*INPUT, "judge"), f"unknown judge provider {provider!r}: choose one of "
                      f"{available}", "UNKNOWN_PROVIDER")
    if not model or len(model) > MAX_MODEL or any(c.isspace() for c in model):
        raise invalid((*INPUT, "model"), f"give the model as the provider names it (1 to "
                      f"{MAX_MODEL} characters, no spaces), e.g. gpt-4o-mini", "INVALID_MODEL")
    return provider, model


async def enable(slug: str, *, provider: str, model: str, override_reason: str | None,
                 is_owner: bool) -> Enabled:
    """Enable the current version of ``slug`` for (provider, model), through the gate."""
    evaluator = evaluator_class(slug.strip())
    provider, model = _judge(provider, model)
    reason = (override_reason or "").strip()
    existing = await _enablement(evaluator, provider, model)
    if existing is not None:
        return Enabled(existing, created=False)
    report = await latest_report(evaluator.name, evaluator.version, provider, model)
    if report is not None and report.within_margin:
        return await _create(evaluator, provider, model, report, "")
    if not reason:
        raise _refusal(evaluator, provider, model, report)
    if not is_owner:
        what = _what(evaluator, provider, model)
        raise GateRefused("OVERRIDE_NOT_ALLOWED", f"only an owner may enable {what} without "
                          "a calibration report within its margin: ask an owner, or run "
                          f"`{_command(evaluator, provider, model)}`",
                          evaluator=evaluator, judge=provider, model=model, report=report)
    if len(reason) < MIN_REASON or len(reason) > MAX_REASON:
        raise invalid((*INPUT, "overrideReason"), f"write why this evaluator may be used "
                      f"without a calibration within its margin, in {MIN_REASON} to "
                      f"{MAX_REASON} characters", "REASON_TOO_SHORT"
                      if len(reason) < MIN_REASON else "REASON_TOO_LONG")
    return await _create(evaluator, provider, model, None, reason)


def _what(evaluator: type[Evaluator], provider: str, model: str) -> str:
    return f"{evaluator.name} {evaluator.version} with {provider} {model}"


def _command(evaluator: type[Evaluator], provider: str, model: str) -> str:
    return f"assay calibrate {evaluator.name} --judge {provider} --model {model}"


def _refusal(evaluator: type[Evaluator], provider: str, model: str,
             report: CalibrationReport | None) -> GateRefused:
    what = _what(evaluator, provider, model)
    if report is None:
        return GateRefused("NO_CALIBRATION", f"no calibration report for {what}: run "
                           f"`{_command(evaluator, provider, model)}`, or an owner may "
                           "override with a reason", evaluator=evaluator, judge=provider,
                           model=model, report=None)
    margin = evaluator.margin
    return GateRefused(
        "OUTSIDE_MARGIN",
        f"the latest calibration report for {what} is outside the evaluator's margin: mean "
        f"absolute error {report.mean_abs_error:.3f} (at most {margin.max_mean_abs_error:.3f})"
        f", pass agreement {report.pass_agreement:.3f} (at least "
        f"{margin.min_pass_agreement:.3f}): calibrate with another model, or an owner may "
        "override with a reason",
        evaluator=evaluator, judge=provider, model=model, report=report)


async def _enablement(evaluator: type[Evaluator], provider: str, model: str
                      ) -> EvaluatorEnablement | None:
    return await EvaluatorEnablement.filter(evaluator=evaluator.name,
                                            evaluator_version=evaluator.version,
                                            judge=provider, model=model).first()


async def _create(evaluator: type[Evaluator], provider: str, model: str,
                  report: CalibrationReport | None, reason: str) -> Enabled:
    actor = current_actor()
    try:
        async with in_transaction():  # a savepoint: a concurrent enable may win the race
            row = await EvaluatorEnablement.create(
                evaluator=evaluator.name, evaluator_version=evaluator.version, judge=provider,
                model=model, calibration_report_id=report.id if report else None,
                override_reason=reason, enabled_by=f"{actor.type}:{actor.id}"[:100])
    except IntegrityError:
        existing = await _enablement(evaluator, provider, model)
        if existing is None:
            raise
        return Enabled(existing, created=False)
    details: dict[str, Any] = {
        "evaluator": evaluator.name, "version": evaluator.version, "judge": provider,
        "model": model, "override": report is None, "override_reason": reason,
        "calibration_report_id": str(report.id) if report else None,
    }
    if report is not None:
        details |= {"mean_abs_error": report.mean_abs_error,
                    "pass_agreement": report.pass_agreement}
    await audit.record("evaluator.enable", target_type=TARGET, target_id=row.id,
                       details=details)
    return Enabled(row, created=True)


async def disable(enablement_id: uuid.UUID) -> EvaluatorEnablement:
    """Withdraw one enablement (evaluations already made keep their results)."""
    row = await EvaluatorEnablement.filter(id=enablement_id).select_for_update().first()
    if row is None:
        raise NotFound(TARGET, enablement_id)
    await row.delete()
    await audit.record("evaluator.disable", target_type=TARGET, target_id=row.id,
                       details={"evaluator": row.evaluator, "version": row.evaluator_version,
                                "judge": row.judge, "model": row.model})
    return row
