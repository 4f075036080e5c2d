"""POST /runs/{run_id}/evaluations and GET /evaluations/{evaluation_id}: scoring from CI.

The business rules live in assay.evaluations.service; like the evaluateRun mutation, this
queues the evaluation's jobs inside the request's transaction, and queues nothing when the
Idempotency-Key names an evaluation made earlier. A pipeline polls the evaluation until its
status is COMPLETED, then gates on ``pass_rate`` or ``overall_score``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from assay.auth.permissions import Permission
from assay.errors import ValidationFailed
from assay.evaluations import queue, service
from assay.evaluations.models import Evaluation, EvaluationStatus
from assay.ids import encode_id
from assay.rest.call import Reply, RestCall
from assay.rest.errors import invalid_input
from assay.rest.params import body_id, path_id
from assay.rest.routing import PREFIX, Operation, RestRoute, Success
from assay.rest.serialize import run_path
from assay.runs.service import get_run
from assay.tenancy.scope import require_org

IDEMPOTENCY_HEADER = "Idempotency-Key"
_BODY_FIELDS = {"evaluators", "judge_id", "thresholds", "weights"}
#: The service's input fields (GraphQL names) -> where they are in a REST request.
_RENAMED = {"idempotencyKey": IDEMPOTENCY_HEADER, "judgeId": "judge_id"}


def evaluation_path(evaluation_id: UUID) -> str:
    return f"{PREFIX}/evaluations/{encode_id('Evaluation', evaluation_id)}"


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def evaluation_json(evaluation: Evaluation) -> dict[str, Any]:
    done = evaluation.passed + evaluation.failed + evaluation.errored
    judge = evaluation.judge or None
    return {
        "id": encode_id("Evaluation", evaluation.id),
        "status": str(evaluation.status),
        "run_id": encode_id("Run", evaluation.run_id),
        "evaluators": [{key: entry[key] for key in ("slug", "version", "threshold", "weight",
                                                    "uses_judge")}
                       for entry in evaluation.evaluators],
        "judge": None if judge is None else {
            "id": encode_id("Judge", UUID(judge["configuration_id"])),
            "name": judge["name"], "provider": judge["provider"], "model": judge["model"]},
        "counts": {"total": evaluation.total, "done": done, "passed": evaluation.passed,
                   "failed": evaluation.failed, "errored": evaluation.errored,
                   "pii_leaks": evaluation.pii_leaks, "pending": evaluation.total - done},
        "overall_score": evaluation.overall_score,
        "pass_rate": evaluation.pass_rate,
        "summary": [{"evaluator": entry["slug"], **evaluation.summary[entry["slug"]]}
                    for entry in evaluation.evaluators if entry["slug"] in evaluation.summary],
        "usage": {"judge_calls": evaluation.judge_calls, "cache_hits": evaluation.cache_hits,
                  "input_tokens": evaluation.input_tokens,
                  "output_tokens": evaluation.output_tokens},
        "created_at": _time(evaluation.created_at),
        "started_at": _time(evaluation.started_at),
        "finished_at": _time(evaluation.finished_at),
        "links": {"self": evaluation_path(evaluation.id), "run": run_path(evaluation.run_id)},
    }


def _slugs(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise invalid_input("evaluators", "required: a list of evaluator slugs, e.g. "
                            "[\"relevance\", \"hallucination\"]")
    return value


def _numbers(body: Mapping[str, Any], name: str) -> dict[str, float]:
    value = body.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()):
        raise invalid_input(name, f"an object of evaluator slug -> number, e.g. "
                            f"{{\"relevance\": {0.8 if name == 'thresholds' else 2}}}")
    return {str(slug): float(number) for slug, number in value.items()}


def _path(issue_path: tuple[str, ...]) -> str:
    parts = list(issue_path[1:] if issue_path[:1] == ("input",) else issue_path)
    if parts and parts[0] in _RENAMED:
        parts[0] = _RENAMED[parts[0]]
    return ".".join(parts) or "body"


async def evaluate_run(call: RestCall) -> Reply:
    run_id = (await get_run(path_id(call.params["run_id"], "Run"))).id  # 404 before 422
    body = call.body_object()
    unknown = sorted(set(body) - _BODY_FIELDS)
    if unknown:
        raise invalid_input(unknown[0], "unknown field: the body takes evaluators, judge_id, "
                            "thresholds and weights")
    judge_id = body_id(body["judge_id"], "Judge", "judge_id") \
        if body.get("judge_id") is not None else None
    try:
        started = await service.evaluate_run(
            run_id=run_id, evaluators=_slugs(body.get("evaluators")), judge_id=judge_id,
            thresholds=_numbers(body, "thresholds"), weights=_numbers(body, "weights"),
            idempotency_key=call.header(IDEMPOTENCY_HEADER))
    except ValidationFailed as exc:
        issue = exc.issues[0]
        raise invalid_input(_path(issue.path), issue.message) from None
    evaluation = started.evaluation
    if not started.created:
        return Reply(200, evaluation_json(evaluation))
    if evaluation.status == EvaluationStatus.QUEUED:
        # In the request's transaction, as evaluateRun does: if queueing fails, nothing is
        # written; a job that starts before the commit waits for it.
        await queue.enqueue_cases(call.settings, require_org(), evaluation.id,
                                  started.run_case_ids)
    return Reply(201, evaluation_json(evaluation), {"Location": evaluation_path(evaluation.id)})


async def get_evaluation(call: RestCall) -> Reply:
    evaluation = await service.get_evaluation(
        path_id(call.params["evaluation_id"], "Evaluation"))
    return Reply(200, evaluation_json(evaluation))


ROUTES = [
    RestRoute("POST", "/runs/{run_id}/evaluations", evaluate_run,
              permission=Permission.EVALUATION_CREATE,
              operation=Operation(
                  operation_id="evaluateRun",
                  summary="Score a finished run with chosen evaluators",
                  description="Writes an evaluation and queues one job per case; poll GET "
                  "/evaluations/{evaluation_id} until status is COMPLETED. LLM evaluators "
                  "need the organization's judge (or judge_id) and must be enabled for its "
                  "model. With an Idempotency-Key, asking again with the same key answers "
                  "200 with the evaluation it made and queues nothing.",
                  parameters=("RunId", "EvaluationIdempotencyKey"),
                  body="EvaluateRunBody",
                  successes={
                      201: Success("A new evaluation, queued.", "Evaluation", ("Location",)),
                      200: Success("The evaluation this Idempotency-Key already made.",
                                   "Evaluation"),
                  },
                  refusals={
                      404: ("RUN_NOT_FOUND", "JUDGE_NOT_FOUND"),
                      409: ("RUN_NOT_FINISHED", "JUDGE_NOT_CONFIGURED", "JUDGE_UNAVAILABLE",
                            "EVALUATOR_NOT_ENABLED", "IDEMPOTENCY_KEY_REUSED",
                            "IDEMPOTENCY_KEY_IN_USE"),
                      422: ("INVALID_INPUT",),
                  })),
    RestRoute("GET", "/evaluations/{evaluation_id}", get_evaluation,
              permission=Permission.EVALUATION_READ,
              operation=Operation(
                  operation_id="getEvaluation",
                  summary="An evaluation: its status, counts, scores and pass rate",
                  description="Poll it until status is COMPLETED; overall_score, pass_rate "
                  "and summary are set then.",
                  parameters=("EvaluationId",),
                  successes={200: Success("The evaluation.", "Evaluation")},
                  refusals={404: ("EVALUATION_NOT_FOUND",)})),
]
