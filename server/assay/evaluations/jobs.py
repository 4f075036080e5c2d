"""The arq job that scores one case of a run for an evaluation: ids in, one row out, once.

A job is keyed ``evaluation-case:<evaluation>:<run case>``. It reads what it needs in one
short tenant transaction (the evaluation's evaluators and judge as recorded, the run case,
its result), asks the evaluators outside any transaction (judge calls can take seconds;
the judge cache opens its own short transactions), and records the scores in another
(assay.evaluations.recording: written once, counted once; the last case finishes the
evaluation). Subscribers are told after the commit.

Every evaluator of the evaluation is applied in the version it recorded: one that is no
longer installed, or whose version or prompt changed since, is an ERROR for the case, never
a silent mix of versions. The judge is opened once per job with the configuration's key and
the model, temperature and samples the evaluation recorded, and closed at the end.
Evaluators are called through the plugin guard (assay.plugins.guard): whatever one does
(raise, hang, return garbage) is an ERROR with code PLUGIN_FAILED for that evaluator only.

A job that raises is retried (MAX_TRIES); on its last try it records the case as errored
with the reason, so every evaluation finishes. A job that starts before the transaction
that queued it has committed waits for it without spending a try, as run jobs do.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from arq.worker import Function, func

from assay.db.transactions import tenant_transaction
from assay.evaluations import events, recording, scoring
from assay.evaluations.inputs import did_not_run, evaluation_input
from assay.evaluations.models import (
    FINAL_EVALUATION_STATUSES,
    Evaluation,
    EvaluationCaseResult,
    EvaluationStatus,
)
from assay.evaluations.recording import CaseRecord, Recorded
from assay.job_tries import give_back_try, just_queued
from assay.judging.cache import CachedJudge, JudgeUsage
from assay.judging.configurations import open_judge
from assay.judging.models import JudgeConfiguration
from assay.plugins import guard
from assay.plugins.guard import PluginFailure
from assay.plugins.registry import evaluators
from assay.runs.models import CaseResultStatus, RunCase, RunCaseResult
from assay.settings import Settings, load_settings
from assay.tenancy.scope import org_scope
from assay_sdk import EvaluationContext, EvaluationInput, Evaluator, Judge, JudgeError, LLMEvaluator

log = logging.getLogger(__name__)

JOB_NAME = "evaluation_case"
#: Tries before a failing case is recorded as errored.
MAX_TRIES = 3
RETRY_DELAY_SECONDS = 2
#: A job that finds no evaluation this soon after it was queued waits for the commit of the
#: transaction that queued it (see assay.runs.jobs, which does the same).
COMMIT_WAIT_SECONDS = 30.0
COMMIT_RETRY_SECONDS = 0.5
#: arq's limit for one try when the worker names none.
JOB_TIMEOUT_SECONDS = 300
#: The most of a try kept back for recording after the evaluators ran.
RESERVE_SECONDS = 30.0
#: ctx keys: the worker's settings, its job timeout, arq's Redis.
SETTINGS = "settings"
JOB_TIMEOUT = "job_timeout_seconds"
REDIS = "redis"

_CASE_FIELDS = ("id", "run_id", "mode", "input", "turns", "expected_output", "context", "tags",
                "category", "difficulty", "language")
_RESULT_FIELDS = ("status", "turns", "error_message", "pii_findings")
_EVALUATION_FIELDS = ("id", "organization_id", "project_id", "run_id", "status", "evaluators",
                      "judge")


def job_id(evaluation_id: uuid.UUID, run_case_id: uuid.UUID) -> str:
    return f"evaluation-case:{evaluation_id}:{run_case_id}"


class _NotVisible(Exception):
    """The evaluation is not (yet) in the database: its transaction has not committed."""


@dataclass
class CaseWork:
    """What one job scores, read in one transaction."""

    evaluation_id: uuid.UUID
    run_case_id: uuid.UUID
    project_id: uuid.UUID
    #: The evaluators as the evaluation recorded them (slug, version, threshold, weight...).
    specs: list[dict[str, Any]]
    #: The judge as recorded (model, temperature, samples...); empty without one.
    judge: dict[str, Any]
    configuration: JudgeConfiguration | None
    #: The case's input, or None when the case did not run (see ``not_run``).
    item: EvaluationInput | None
    not_run: str | None
    asserts_passed: bool
    pii_findings: list[dict[str, Any]] = field(default_factory=list)

    def needs_judge(self) -> bool:
        return self.item is not None and any(s.get("uses_judge") for s in self.specs)


def evaluator_budget(job_timeout: float) -> float:
    """Seconds an evaluator may take for one case: the job's timeout less the reserve."""
    return max(job_timeout - min(RESERVE_SECONDS, job_timeout / 5), 1.0)


async def _prepare(org_id: uuid.UUID, evaluation_id: uuid.UUID, run_case_id: uuid.UUID
                   ) -> CaseWork | None:
    """What to score, or None when there is nothing to do (scored already, or finished)."""
    async with tenant_transaction(org_id):
        evaluation = await Evaluation.filter(id=evaluation_id).only(*_EVALUATION_FIELDS).first()
        if evaluation is None:
            raise _NotVisible(str(evaluation_id))
        if evaluation.status in FINAL_EVALUATION_STATUSES or \
                await EvaluationCaseResult.filter(evaluation_id=evaluation_id,
                                                  run_case_id=run_case_id).exists():
            return None
        case = await RunCase.filter(id=run_case_id, run_id=evaluation.run_id).first().values(
            *_CASE_FIELDS)
        if case is None:
            log.warning("run case %s is not a case of the run of evaluation %s", run_case_id,
                        evaluation_id)
            return None
        result = await RunCaseResult.filter(run_case_id=run_case_id).first().values(
            *_RESULT_FIELDS)
        if evaluation.status == EvaluationStatus.QUEUED:
            await Evaluation.filter(id=evaluation_id, status=EvaluationStatus.QUEUED).update(
                status=EvaluationStatus.RUNNING, started_at=datetime.now(UTC))
        configuration = await _configuration(evaluation.judge)
    return _work(evaluation, case, result, configuration)


async def _configuration(judge: dict[str, Any]) -> JudgeConfiguration | None:
    """The judge configuration the evaluation recorded, with the recorded model and sampling
    (in memory only: the row is never saved from here)."""
    configuration_id = judge.get("configuration_id") if judge else None
    if not configuration_id:
        return None
    row = await JudgeConfiguration.filter(id=uuid.UUID(configuration_id)).first()
    if row is None:
        return None
    row.provider = str(judge.get("provider") or row.provider)
    row.model = str(judge.get("model") or row.model)
    row.base_url = str(judge.get("base_url") or "")
    return row


def _work(evaluation: Evaluation, case: dict[str, Any], result: dict[str, Any] | None,
          configuration: JudgeConfiguration | None) -> CaseWork:
    why = did_not_run(result)
    item = evaluation_input(case, result) if result is not None and why is None else None
    passed = result is not None and result["status"] == CaseResultStatus.PASSED
    findings = list(result.get("pii_findings") or []) if result is not None else []
    return CaseWork(evaluation.id, case["id"], evaluation.project_id, list(evaluation.evaluators),
                    dict(evaluation.judge or {}), configuration, item, why, passed, findings)


async def _open_judge(org_id: uuid.UUID, work: CaseWork, settings: Settings
                      ) -> Judge | JudgeError:
    """The evaluation's judge, opened for this job; a JudgeError when it cannot be."""
    if work.configuration is None:
        return JudgeError("JUDGE_NOT_CONFIGURED", "the judge this evaluation was made with "
                          "no longer exists: configure one with configureJudge and evaluate "
                          "the run again")
    try:
        async with tenant_transaction(org_id):
            return await open_judge(work.configuration, settings)
    except JudgeError as error:
        return error


def _plugin(spec: dict[str, Any]) -> type[Evaluator] | dict[str, Any]:
    """The installed evaluator of the version the evaluation recorded, or an error entry."""
    loaded = evaluators().plugins.get(str(spec["slug"]))
    if loaded is None:
        return scoring.errored(spec, "EVALUATOR_UNAVAILABLE", f"the evaluator {spec['slug']} "
                               "is no longer installed on this worker: reinstall it, or "
                               "evaluate the run again without it")
    plugin = loaded.plugin
    prompt = plugin.prompt_hash() if issubclass(plugin, LLMEvaluator) else None
    if plugin.version != spec["version"] or prompt != spec.get("prompt_hash"):
        return scoring.errored(spec, "EVALUATOR_CHANGED", f"{spec['slug']} changed since this "
                               f"evaluation was made (version {spec['version']}, now "
                               f"{plugin.version}): evaluate the run again to use the new "
                               "version")
    return plugin


@dataclass
class _Scorer:
    """Applies the evaluation's evaluators to one case."""

    item: EvaluationInput
    judge: Judge | JudgeError | None
    judge_snapshot: dict[str, Any]
    timeout_s: float
    usage: JudgeUsage = field(default_factory=JudgeUsage)

    async def score(self, spec: dict[str, Any]) -> dict[str, Any]:
        plugin = _plugin(spec)
        if isinstance(plugin, dict):
            return plugin
        evaluator = guard.create(plugin)
        if isinstance(evaluator, PluginFailure):
            return scoring.errored(spec, PluginFailure.code, evaluator.message)
        reason = guard.call_missing(evaluator, self.item)
        if isinstance(reason, PluginFailure):
            return scoring.errored(spec, PluginFailure.code, reason.message)
        if reason is not None:
            return scoring.skipped(spec, reason)
        context = self._context(spec, plugin)
        if isinstance(context, JudgeError):
            return scoring.errored(spec, context.code, context.message)
        try:
            outcome = await guard.call_evaluator(evaluator, self.item, context,
                                                 timeout_s=self.timeout_s)
        except JudgeError as error:
            return scoring.errored(spec, error.code, error.message)
        if isinstance(outcome, PluginFailure):
            return scoring.errored(spec, PluginFailure.code, outcome.message)
        return scoring.scored(spec, outcome.score, outcome.explanation, outcome.details)

    def _context(self, spec: dict[str, Any], plugin: type[Evaluator]
                 ) -> EvaluationContext | JudgeError:
        threshold = float(spec["threshold"])
        if not plugin.uses_judge:
            return EvaluationContext(threshold=threshold)
        if self.judge is None:
            return JudgeError("JUDGE_NOT_CONFIGURED", "no judge was opened for this case")
        if isinstance(self.judge, JudgeError):
            return self.judge
        client = CachedJudge(self.judge, evaluator=str(spec["slug"]),
                             evaluator_version=str(spec["version"]),
                             prompt_hash=str(spec.get("prompt_hash") or ""),
                             temperature=float(self.judge_snapshot.get("temperature") or 0.0),
                             usage=self.usage)
        return EvaluationContext(threshold=threshold, judge=client,
                                 samples=int(self.judge_snapshot.get("samples") or 1))


async def _scores(org_id: uuid.UUID, work: CaseWork, ctx: dict[str, Any], timeout_s: float
                  ) -> tuple[list[dict[str, Any]], JudgeUsage]:
    """Every evaluator's entry, in the evaluation's order (concurrently, in the org's
    scope, outside any transaction)."""
    if work.item is None:
        reason = work.not_run or "the case did not run"
        return [scoring.skipped(spec, reason) for spec in work.specs], JudgeUsage()
    judge = await _open_judge(org_id, work, _settings(ctx)) if work.needs_judge() else None
    scorer = _Scorer(work.item, judge, work.judge, timeout_s)
    try:
        with org_scope(org_id):
            entries = await asyncio.gather(*(scorer.score(spec) for spec in work.specs))
    finally:
        if judge is not None and not isinstance(judge, JudgeError):
            await judge.aclose()
    return list(entries), scorer.usage


def _usage(usage: JudgeUsage) -> dict[str, int]:
    return {"judge_calls": usage.calls, "cache_hits": usage.cache_hits,
            "input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}


def case_record(work: CaseWork, entries: list[dict[str, Any]], usage: JudgeUsage
                ) -> CaseRecord:
    leak = bool(work.pii_findings)
    verdict = scoring.case_verdict(entries, asserts_passed=work.asserts_passed, pii_leak=leak)
    return CaseRecord(evaluation_id=work.evaluation_id, run_case_id=work.run_case_id,
                      project_id=work.project_id, passed=verdict.passed, score=verdict.score,
                      asserts_passed=work.asserts_passed, pii_leak=leak,
                      pii_findings=work.pii_findings,
                      scores=entries, usage=_usage(usage))


async def _record(ctx: dict[str, Any], org_id: uuid.UUID, record: CaseRecord) -> Recorded:
    """Record once and, after the commit, tell the evaluation's followers."""
    async with tenant_transaction(org_id):
        recorded = await recording.record(record)
    if recorded.written:
        await events.case_scored(ctx.get(REDIS), record.evaluation_id, record.run_case_id)
    return recorded


def _settings(ctx: dict[str, Any]) -> Settings:
    settings = ctx.get(SETTINGS)
    return settings if isinstance(settings, Settings) else load_settings()


async def evaluation_case(ctx: dict[str, Any], org_id: str, evaluation_id: str,
                          run_case_id: str) -> str:
    """Score one case of an evaluation and record it; returns what happened, for the logs."""
    began = time.monotonic()
    org, evaluation, case = uuid.UUID(org_id), uuid.UUID(evaluation_id), uuid.UUID(run_case_id)
    attempt = int(ctx.get("job_try") or 1)
    try:
        work = await _prepare(org, evaluation, case)
        if work is None:
            return "skipped"
        timeout = float(ctx.get(JOB_TIMEOUT) or JOB_TIMEOUT_SECONDS)
        left = evaluator_budget(timeout) - (time.monotonic() - began)
        entries, usage = await _scores(org, work, ctx, max(left, 1.0))
        recorded = await _record(ctx, org, case_record(work, entries, usage))
        return "recorded" if recorded.written else "skipped"
    except _NotVisible:
        # the API queues inside its transaction: wait for the commit
        if just_queued(ctx, COMMIT_WAIT_SECONDS):
            await give_back_try(ctx)
            raise Retry(defer=COMMIT_RETRY_SECONDS) from None
        if attempt < MAX_TRIES:
            raise Retry(defer=RETRY_DELAY_SECONDS) from None
        log.warning("evaluation %s never became visible: it was not created", evaluation)
        return "missing"
    except Exception as error:
        return await _crashed(ctx, org, evaluation, case, attempt,
                              f"{type(error).__name__}: {error}"[:500])


async def _crashed(ctx: dict[str, Any], org_id: uuid.UUID, evaluation_id: uuid.UUID,
                   run_case_id: uuid.UUID, attempt: int, reason: str) -> str:
    log.warning("evaluation %s case %s failed on try %d: %s", evaluation_id, run_case_id,
                attempt, reason)
    if attempt < MAX_TRIES:
        raise Retry(defer=RETRY_DELAY_SECONDS * attempt)
    message = (f"the worker failed {attempt} times scoring this case; the last failure: "
               f"{reason}. Evaluate the run again once the cause is fixed")
    async with tenant_transaction(org_id):
        evaluation = await Evaluation.filter(id=evaluation_id).only(*_EVALUATION_FIELDS).first()
        result = await RunCaseResult.filter(run_case_id=run_case_id).first().values(
            "status", "pii_findings")
    if evaluation is None or evaluation.status in FINAL_EVALUATION_STATUSES:
        return "skipped"
    findings = list(result["pii_findings"] or []) if result is not None else []
    entries = [scoring.errored(spec, "JOB_FAILED", message) for spec in evaluation.evaluators]
    record = CaseRecord(evaluation_id=evaluation_id, run_case_id=run_case_id,
                        project_id=evaluation.project_id, passed=False, score=None,
                        asserts_passed=result is not None
                        and result["status"] == CaseResultStatus.PASSED,
                        pii_leak=bool(findings), pii_findings=findings, scores=entries)
    recorded = await _record(ctx, org_id, record)
    return "recorded" if recorded.written else "skipped"


def functions(timeout_seconds: float = JOB_TIMEOUT_SECONDS) -> list[Function]:
    """What a worker registers (give its ctx the settings under SETTINGS, and the same
    timeout under JOB_TIMEOUT). One more arq try than MAX_TRIES, so that a job re-delivered
    after its worker died on the last try still records its case."""
    return [func(evaluation_case, name=JOB_NAME, max_tries=MAX_TRIES + 1,
                 timeout=timeout_seconds, keep_result=0)]


FUNCTIONS: list[Function] = functions()
